using Wijkaanpak.Domain.Alliances;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Contracts;
using Wijkaanpak.Domain.Decisions;
using Wijkaanpak.Domain.Execution;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Domain.Vision;
using static Wijkaanpak.Domain.Tests.TestData;

namespace Wijkaanpak.Domain.Tests;

/// <summary>
/// Dates that agree with each other (issue 17): acts of a programme lie within its life, what has
/// happened lies not in the future, phase moves follow each other. <see cref="TestData.NewProgramme"/>
/// starts on 1-1-2025 and runs fifteen years; today is <see cref="TestData.Today"/> (25-11-2026).
/// </summary>
public sealed class DateRulesTests
{
    private static readonly DateOnly ProgrammeStart = new(2025, 1, 1);
    private static readonly OrganisationId CorporationId = new(Corporation);
    private static readonly OrganisationId MunicipalityId = new(Municipality);

    private static ProgrammeCalendar CalendarOfNewProgramme() => ProgrammeCalendar.Of(NewProgramme(), Today);

    private static ProgrammeDetails Details(DateOnly startDate) =>
        new("Samen Sterk Zuidwest", "Den Haag", ["WK051841"], UrgencyKind.Meervoudig, startDate, 15, null);

    private static MembershipInput Member(DateOnly from, DateOnly? until = null) =>
        new(CorporationId, AllianceRole.Kernpartner, AllianceLevel.Tactisch, from, until, null, []);

    [Fact]
    public void Create_StartingBefore2000_BreaksStartWindowRule() =>
        Assert.Equal(DateRules.ProgrammeStartWithinWindow, Rule(() => Programme.Create(Details(new DateOnly(1999, 12, 31)), Now)));

    [Fact]
    public void Create_StartingIn2099_BreaksStartWindowRule()
    {
        var broken = Assert.Throws<DomainRuleException>(() => Programme.Create(Details(new DateOnly(2099, 1, 1)), Now));

        Assert.Equal(DateRules.ProgrammeStartWithinWindow, broken.Rule);
        Assert.Equal("De startdatum ligt tussen 2000 en 2031.", broken.Message);
    }

    [Fact]
    public void Create_StartingAtTheEndOfTheFifthYearAhead_IsAllowed() =>
        Assert.Equal(new DateOnly(2031, 12, 31), Programme.Create(Details(new DateOnly(2031, 12, 31)), Now).StartDate);

    [Fact]
    public void UpdateDetails_MovingTheStartPastARecordedPhaseMove_BreaksStartNotAfterPhaseMovesRule()
    {
        var programme = ProgrammeWithGo();
        programme.MoveToPhase(MoveTo(Phase.Opstarten) with { DecidedOn = new DateOnly(2025, 6, 1) }, Staff, Now);

        Assert.Equal(DateRules.ProgrammeStartNotAfterPhaseMoves, Rule(() => programme.UpdateDetails(Details(new DateOnly(2025, 7, 1)), Now)));
        Assert.Equal(ProgrammeStart, programme.StartDate);
    }

    [Fact]
    public void MoveToPhase_DatedBeforeThePreviousMove_BreaksPhaseMoveOrderRule()
    {
        var programme = ProgrammeWithGo();
        programme.MoveToPhase(MoveTo(Phase.Opstarten) with { DecidedOn = new DateOnly(2026, 3, 1) }, Staff, Now);

        Assert.Equal(
            DateRules.PhaseMoveNotBeforePreviousMove,
            Rule(() => programme.MoveToPhase(MoveTo(Phase.Ontwerpen) with { DecidedOn = new DateOnly(2026, 2, 28) }, Staff, Now)));
        Assert.Equal(Phase.Opstarten, programme.CurrentPhase);
        Assert.Single(programme.PhaseTransitions);
    }

    [Fact]
    public void MoveToPhase_OnTheDayOfThePreviousMove_IsAllowedAndKeepsTheDecisionDate()
    {
        var programme = ProgrammeWithGo();
        programme.MoveToPhase(MoveTo(Phase.Opstarten) with { DecidedOn = new DateOnly(2026, 3, 1) }, Staff, Now);

        programme.MoveToPhase(MoveTo(Phase.Ontwerpen) with { DecidedOn = new DateOnly(2026, 3, 1) }, Staff, Now);

        Assert.Equal(Phase.Ontwerpen, programme.CurrentPhase);
        Assert.Equal(new DateOnly(2026, 3, 1), programme.LastPhaseMoveOn);
    }

    [Fact]
    public void MoveToPhase_DatedBeforeTheProgrammeStarted_BreaksNotBeforeStartRule() =>
        Assert.Equal(
            DateRules.DecisionNotBeforeProgrammeStart,
            Rule(() => ProgrammeWithGo().MoveToPhase(MoveTo(Phase.Opstarten) with { DecidedOn = ProgrammeStart.AddDays(-1) }, Staff, Now)));

    [Fact]
    public void MoveToPhase_DatedToday_IsAllowed()
    {
        var programme = ProgrammeWithGo();

        var decision = programme.MoveToPhase(MoveTo(Phase.Opstarten) with { DecidedOn = Today }, Staff, Now);

        Assert.Equal(Today, decision.DecidedOn);
        Assert.Equal(Today, Assert.Single(programme.PhaseTransitions).DecidedOn);
    }

    [Fact]
    public void RecordHerijking_DatedBeforeThePreviousMove_BreaksPhaseMoveOrderRule()
    {
        var programme = ProgrammeWithGo();
        programme.MoveToPhase(MoveTo(Phase.UitvoerenEnHerijken) with { DecidedOn = new DateOnly(2026, 6, 1) }, Staff, Now);

        Assert.Equal(
            DateRules.PhaseMoveNotBeforePreviousMove,
            Rule(() => programme.RecordHerijking(Herijking("6.3") with { DecidedOn = new DateOnly(2026, 5, 31) }, null, Staff, Now)));
        Assert.Equal(1, programme.Cycle);
    }

    [Fact]
    public void RecordDecision_DatedBeforeTheProgrammeStarted_BreaksNotBeforeStartRule() =>
        Assert.Equal(
            DateRules.DecisionNotBeforeProgrammeStart,
            Rule(() => Decision.Record(
                NewProgramme(),
                new DecisionDetails(new DateOnly(2024, 12, 31), "Alliantiebestuur", "Interventie bijgesteld", "Te weinig bereik."),
                null,
                null,
                Staff,
                Now)));

    [Fact]
    public void RecordDecision_DatedInTheFuture_BreaksNotInFutureRule() =>
        Assert.Equal(
            DateRules.DecisionNotInFuture,
            Rule(() => Decision.Record(
                NewProgramme(),
                new DecisionDetails(Today.AddDays(7), "Alliantiebestuur", "Interventie bijgesteld", "Te weinig bereik."),
                null,
                null,
                Staff,
                Now)));

    [Fact]
    public void RecordParticipationLevel_In1980_BreaksParticipationWithinLifeRule()
    {
        var alliance = Alliance.Form(NewProgramme().Id, Now);

        var broken = Assert.Throws<DomainRuleException>(() =>
            alliance.RecordParticipationLevel(ParticipationLevel.C, new DateOnly(1980, 1, 1), "Klankbordgroep.", CalendarOfNewProgramme(), Staff, Now));

        Assert.Equal(DateRules.ParticipationWithinProgrammeLife, broken.Rule);
        Assert.Equal("De ingangsdatum kan niet vóór de start van de wijkaanpak (1-1-2025) liggen.", broken.Message);
        Assert.Empty(alliance.ParticipationHistory);
    }

    [Fact]
    public void RecordParticipationLevel_FromADateAheadWithinTheProgramme_IsAllowed()
    {
        var alliance = Alliance.Form(NewProgramme().Id, Now);

        alliance.RecordParticipationLevel(ParticipationLevel.E, new DateOnly(2027, 1, 1), "Bewoners krijgen per 2027 een zetel.", CalendarOfNewProgramme(), Staff, Now);

        Assert.Equal(ParticipationLevel.E, alliance.ParticipationOn(new DateOnly(2027, 1, 1))!.Level);
    }

    [Fact]
    public void RecordParticipationLevel_AfterThePlannedEnd_BreaksParticipationWithinLifeRule() =>
        Assert.Equal(
            DateRules.ParticipationWithinProgrammeLife,
            Rule(() => Alliance.Form(NewProgramme().Id, Now)
                .RecordParticipationLevel(ParticipationLevel.E, new DateOnly(2040, 1, 2), "Te ver weg.", CalendarOfNewProgramme(), Staff, Now)));

    [Fact]
    public void Join_FromBeforeTheProgrammeStarted_BreaksMembershipWithinLifeRule() =>
        Assert.Equal(
            DateRules.MembershipWithinProgrammeLife,
            Rule(() => Alliance.Form(NewProgramme().Id, Now).Join(Member(new DateOnly(2024, 12, 31)), CalendarOfNewProgramme(), Staff, Now)));

    [Fact]
    public void Join_PlannedToStartNextYear_IsAllowed() =>
        Assert.Equal(
            new DateOnly(2027, 1, 1),
            Alliance.Form(NewProgramme().Id, Now).Join(Member(new DateOnly(2027, 1, 1)), CalendarOfNewProgramme(), Staff, Now).From);

    [Fact]
    public void Join_UntilAfterThePlannedEnd_BreaksMembershipEndWithinLifeRule() =>
        Assert.Equal(
            DateRules.MembershipEndWithinProgrammeLife,
            Rule(() => Alliance.Form(NewProgramme().Id, Now).Join(Member(ProgrammeStart, new DateOnly(2041, 1, 1)), CalendarOfNewProgramme(), Staff, Now)));

    [Fact]
    public void EndMembership_AfterThePlannedEnd_BreaksMembershipEndWithinLifeRule()
    {
        var alliance = Alliance.Form(NewProgramme().Id, Now);
        var membership = alliance.Join(Member(ProgrammeStart), CalendarOfNewProgramme(), Staff, Now);

        Assert.Equal(
            DateRules.MembershipEndWithinProgrammeLife,
            Rule(() => alliance.EndMembership(membership.Id, new DateOnly(2041, 1, 1), null, CalendarOfNewProgramme(), Now)));
        Assert.Null(membership.Until);
    }

    [Fact]
    public void RecordSignature_BeforeTheProgrammeStarted_BreaksSignatureNotBeforeStartRule()
    {
        var contract = LocalContract.Draw(NewProgramme().Id, ContractKind.Convenant, "Wijkdeal Zuidwest", new ContractSections("Samen.", "Kansrijk.", "Bijdragen.", "Regie."), 4, Now);
        contract.SetCommitment(1, new CommitmentInput(MunicipalityId, "Gemeente", [], 1m, null), Now);
        contract.SetCommitment(1, new CommitmentInput(CorporationId, "Woonstichting", [], 1m, null), Now);

        Assert.Equal(
            DateRules.SignatureNotBeforeProgrammeStart,
            Rule(() => contract.RecordSignature(1, new ContractSignatureInput(MunicipalityId, "J. Jansen", "Wethouder", new DateOnly(2024, 6, 1)), Staff, CalendarOfNewProgramme(), Now)));
        Assert.Empty(contract.Latest.Signatures);
    }

    [Fact]
    public void AddStory_ToldTomorrow_BreaksStoryNotInFutureRule()
    {
        var opgave = Opgave.Name(NewProgramme().Id, OpgaveDomain.Veiligheid, "Onveilig gevoel", null, []);

        Assert.Equal(
            DateRules.StoryNotInFuture,
            Rule(() => opgave.AddStory(new StoryInput("wijkagent", Today.AddDays(1), StoryMethod.Interview, "Donkere achterpaden.", null), Today, Staff, Now)));
        Assert.Empty(opgave.Stories);
    }

    [Fact]
    public void AddStory_ToldBeforeTheProgrammeStarted_IsAllowed()
    {
        var opgave = Opgave.Name(NewProgramme().Id, OpgaveDomain.Veiligheid, "Onveilig gevoel", null, []);

        opgave.AddStory(new StoryInput("wijkagent", new DateOnly(2024, 5, 3), StoryMethod.Interview, "Donkere achterpaden.", null), Today, Staff, Now);

        Assert.Single(opgave.Stories);
    }

    [Fact]
    public void ChangeStatus_DatedTomorrow_BreaksStatusChangeWithinLifeRule()
    {
        var intervention = PlannedIntervention(out var calendar);

        Assert.Equal(
            DateRules.StatusChangeWithinProgrammeLife,
            Rule(() => intervention.ChangeStatus(InterventionStatus.Lopend, "Gestart.", Today.AddDays(1), calendar, Staff, Now)));
        Assert.Equal(InterventionStatus.Gepland, intervention.Status);
    }

    [Fact]
    public void ChangeStatus_DatedBeforeTheProgrammeStarted_BreaksStatusChangeWithinLifeRule()
    {
        var intervention = PlannedIntervention(out var calendar);

        Assert.Equal(
            DateRules.StatusChangeWithinProgrammeLife,
            Rule(() => intervention.ChangeStatus(InterventionStatus.Gestopt, "Nooit begonnen.", ProgrammeStart.AddDays(-1), calendar, Staff, Now)));
    }

    [Fact]
    public void ChangeStatus_DatedToday_IsAllowed()
    {
        var intervention = PlannedIntervention(out var calendar);

        intervention.ChangeStatus(InterventionStatus.Lopend, "Gestart.", Today, calendar, Staff, Now);

        Assert.Equal((InterventionStatus.Lopend, Today), (intervention.Status, intervention.StatusHistory.Single(change => change.To == InterventionStatus.Lopend).ChangedOn));
    }

    [Fact]
    public void RecordMeasurement_OfNextYear_BreaksMeasurementYearNotInFutureRule() =>
        Assert.Equal(
            DateRules.MeasurementYearNotInFuture,
            Rule(() => Measurement.Record(IndicatorId.New(), new MeasurementInput("WK051841", Today.Year + 1, 12.5m, "Wijkmonitor", null), Now)));

    [Fact]
    public void RecordMeasurement_OfAYearBeforeTheProgrammeStarted_IsAllowed() =>
        Assert.Equal(2019, Measurement.Record(IndicatorId.New(), new MeasurementInput("WK051841", 2019, 12.5m, "Wijkmonitor", null), Now).Year);

    private static Intervention PlannedIntervention(out ProgrammeCalendar calendar)
    {
        var programme = NewProgramme();
        calendar = ProgrammeCalendar.Of(programme, Today);
        var period = ExecutionPeriod.Plan(programme, [], "Uitvoeringsprogramma 2025-2028", new DateOnly(2025, 1, 1), new DateOnly(2028, 12, 31));
        return Intervention.Plan(
            programme.Id,
            period,
            new InterventionDetails("Huiswerkklas", null, InterventionKind.Additioneel, [CorporationId], [Guid.CreateVersion7()], [], 10_000m, new DateOnly(2027, 1, 1), null),
            Staff,
            Now);
    }
}
