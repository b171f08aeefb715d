using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Domain.Tests;

public sealed class ProgrammeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static ProgrammeDetails ValidDetails() => new(
        "Samen Sterk Zuidwest",
        "Den Haag",
        ["WK051841", "BU05184101"],
        UrgencyKind.Meervoudig,
        new DateOnly(2025, 1, 1),
        15,
        "Omschrijving");

    [Fact]
    public void Create_WithValidDetails_StartsInOrienterenInTheFirstCycle()
    {
        var programme = Programme.Create(ValidDetails(), Now);

        Assert.Equal(Phase.Orienteren, programme.CurrentPhase);
        Assert.Equal(1, programme.Cycle);
        Assert.Equal("Samen Sterk Zuidwest", programme.Name);
        Assert.Equal(["WK051841", "BU05184101"], programme.AreaCodes.Select(code => code.Value));
        Assert.Equal(Now, programme.CreatedAt);
        Assert.Equal(new DateOnly(2040, 1, 1), programme.PlannedEndDate);
        Assert.NotEqual(Guid.Empty, programme.Id.Value);
    }

    [Fact]
    public void Create_TrimsTextAndNormalisesAreaCodes()
    {
        var programme = Programme.Create(ValidDetails() with { Name = "  Noord  ", AreaCodes = [" wk051841 ", "WK051841", ""] }, Now);

        Assert.Equal("Noord", programme.Name);
        Assert.Equal(["WK051841"], programme.AreaCodes.Select(code => code.Value));
    }

    [Theory]
    [InlineData(9)]
    [InlineData(21)]
    [InlineData(0)]
    public void Create_WhenHorizonOutsideTenToTwentyYears_BreaksHorizonRule(int years)
    {
        var broken = Assert.Throws<DomainRuleException>(() => Programme.Create(ValidDetails() with { HorizonYears = years }, Now));

        Assert.Equal("HorizonWithinTenToTwentyYears", broken.Rule);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(20)]
    public void Create_WhenHorizonOnTheBoundary_IsAccepted(int years) =>
        Assert.Equal(years, Programme.Create(ValidDetails() with { HorizonYears = years }, Now).HorizonYears);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_WithoutName_BreaksNameRule(string name)
    {
        var broken = Assert.Throws<DomainRuleException>(() => Programme.Create(ValidDetails() with { Name = name }, Now));

        Assert.Equal("ProgrammeNameRequired", broken.Rule);
        Assert.Equal("De naam is verplicht.", broken.Message);
    }

    [Fact]
    public void Create_WithTooLongName_BreaksNameRule() =>
        Assert.Equal(
            "ProgrammeNameRequired",
            Assert.Throws<DomainRuleException>(() => Programme.Create(ValidDetails() with { Name = new string('a', Programme.NameMaxLength + 1) }, Now)).Rule);

    [Fact]
    public void Create_WithoutAreas_BreaksAreaRule() =>
        Assert.Equal("AtLeastOneArea", Assert.Throws<DomainRuleException>(() => Programme.Create(ValidDetails() with { AreaCodes = [] }, Now)).Rule);

    [Fact]
    public void Create_WithMalformedAreaCode_BreaksAreaCodeRule() =>
        Assert.Equal(
            "AreaCodeMustBeCbsCode",
            Assert.Throws<DomainRuleException>(() => Programme.Create(ValidDetails() with { AreaCodes = ["WK12"] }, Now)).Rule);

    [Fact]
    public void Create_WithImplausibleStartDate_BreaksStartDateRule() =>
        Assert.Equal(
            "StartDateMustBePlausible",
            Assert.Throws<DomainRuleException>(() => Programme.Create(ValidDetails() with { StartDate = new DateOnly(1, 1, 1) }, Now)).Rule);

    [Fact]
    public void Create_WithUnknownUrgency_BreaksUrgencyRule() =>
        Assert.Equal(
            "UrgencyMustBeKnown",
            Assert.Throws<DomainRuleException>(() => Programme.Create(ValidDetails() with { Urgency = (UrgencyKind)42 }, Now)).Rule);

    [Fact]
    public void UpdateDetails_WhenARuleBreaks_LeavesTheProgrammeUnchanged()
    {
        var programme = Programme.Create(ValidDetails(), Now);

        Assert.Throws<DomainRuleException>(() => programme.UpdateDetails(ValidDetails() with { Name = "Nieuw", HorizonYears = 50 }, Now.AddDays(1)));

        Assert.Equal("Samen Sterk Zuidwest", programme.Name);
        Assert.Equal(15, programme.HorizonYears);
        Assert.Equal(Now, programme.UpdatedAt);
    }

    [Fact]
    public void UpdateDetails_WithValidDetails_KeepsPhaseAndCycle()
    {
        var programme = Programme.RegisterRunning(ValidDetails(), Phase.Ontwerpen, 2, Now);

        programme.UpdateDetails(ValidDetails() with { Name = "Zuidwest Verder" }, Now.AddDays(1));

        Assert.Equal("Zuidwest Verder", programme.Name);
        Assert.Equal(Phase.Ontwerpen, programme.CurrentPhase);
        Assert.Equal(2, programme.Cycle);
        Assert.Equal(Now.AddDays(1), programme.UpdatedAt);
    }

    [Fact]
    public void RegisterRunning_WithCycleZero_BreaksCycleRule() =>
        Assert.Equal(
            "CycleStartsAtOne",
            Assert.Throws<DomainRuleException>(() => Programme.RegisterRunning(ValidDetails(), Phase.Opstarten, 0, Now)).Rule);
}
