using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Integration.Tests.Infrastructure;
using Wijkaanpak.TestSupport;
using Wijkaanpak.Web.Features.Monitoring;
using Wijkaanpak.Web.Shared;

namespace Wijkaanpak.Integration.Tests.Monitoring;

/// <summary>Indicators, their measurements and interpretations through the service, against PostgreSQL.</summary>
public sealed class IndicatorServiceTests(AppClassFixture fixture) : IClassFixture<AppClassFixture>
{
    private const string Wijk = "WK028101";
    private const string Buurt = "BU02810101";

    private AppFixture App => fixture.App;

    [Fact]
    public async Task Define_WithABadAreaCodeOrATargetBeforeTheBaseline_IsRefusedOnThatField_AndNothingIsStored()
    {
        var programme = await ArrangeProgrammeAsync();
        var staff = await App.CreateUserAsync(Role.Programmabureau, null, programme);
        await using var scope = App.ScopeFor(staff);
        var indicators = App.ServiceFor<IndicatorService>(scope);

        var badArea = Employment();
        badArea.AreaCode = "Westwijk";
        var refusedArea = await indicators.DefineAsync(programme, badArea);

        var backwards = Employment();
        backwards.TargetYear = 2018;
        var refusedTarget = await indicators.DefineAsync(programme, backwards);

        Assert.Equal(ResultStatus.Invalid, refusedArea.Status);
        Assert.Equal([nameof(IndicatorEditModel.AreaCode)], refusedArea.Errors.Keys);
        Assert.Contains("CBS-code", refusedArea.Errors[nameof(IndicatorEditModel.AreaCode)][0], StringComparison.Ordinal);
        Assert.Equal(ResultStatus.Invalid, refusedTarget.Status);
        Assert.Equal([nameof(IndicatorEditModel.TargetYear)], refusedTarget.Errors.Keys);
        await using var db = App.Database.CreateContext();
        Assert.False(await db.Indicators.AnyAsync(indicator => indicator.ProgrammeId == programme));
    }

    [Fact]
    public async Task ATwiceUsedName_IsRefusedOnTheName()
    {
        var programme = await ArrangeProgrammeAsync();
        var staff = await App.CreateUserAsync(Role.Programmabureau, null, programme);
        await using var scope = App.ScopeFor(staff);
        var indicators = App.ServiceFor<IndicatorService>(scope);
        Assert.True((await indicators.DefineAsync(programme, Employment())).IsOk);

        var again = await indicators.DefineAsync(programme, Employment());

        Assert.Equal(ResultStatus.Invalid, again.Status);
        Assert.Equal([nameof(IndicatorEditModel.Name)], again.Errors.Keys);
    }

    [Fact]
    public async Task AMeasurementByHand_IsReadBackInTheSeries_TheSameValueAgainIsUnchanged_AndAnotherValueCorrectsTheCell()
    {
        var programme = await ArrangeProgrammeAsync();
        var staff = await App.CreateUserAsync(Role.Programmabureau, null, programme);
        await using var scope = App.ScopeFor(staff);
        var indicators = App.ServiceFor<IndicatorService>(scope);
        var id = new IndicatorId((await indicators.DefineAsync(programme, Employment())).Value);

        var recorded = await indicators.RecordMeasurementAsync(programme, id, new MeasurementEditModel { AreaCode = "wk028101", Year = 2024, Value = 57.5m });
        var firstRecordedAt = await RecordedAtAsync(id, 2024);
        var again = await indicators.RecordMeasurementAsync(programme, id, new MeasurementEditModel { AreaCode = Wijk, Year = 2024, Value = 57.5m });
        var storedAfterAgain = await RecordedAtAsync(id, 2024);
        var corrected = await indicators.RecordMeasurementAsync(programme, id, new MeasurementEditModel { AreaCode = Wijk, Year = 2024, Value = 58.1m });
        Assert.True((await indicators.RecordMeasurementAsync(programme, id, new MeasurementEditModel { AreaCode = Buurt, Year = 2024, Value = 49m })).IsOk);

        Assert.Equal(MeasurementOutcome.Recorded, recorded.Value);
        Assert.Equal(MeasurementOutcome.Unchanged, again.Value);
        Assert.Equal(MeasurementOutcome.Corrected, corrected.Value);
        Assert.Equal(firstRecordedAt, storedAfterAgain);
        var detail = (await indicators.GetIndicatorAsync(programme, id)).Value!;
        var own = Assert.Single(detail.OwnAreaSeries);
        Assert.Equal((Wijk, 2024, 58.1m, MeasurementEditModel.ManualSource, 58.1m - 55.8m), (own.AreaCode, own.Year, own.Value, own.SourceName, own.DifferenceToBaseline));
        Assert.Equal(1, detail.OtherAreaMeasurements);
        var buurt = Assert.Single((await indicators.GetOtherAreaMeasurementsAsync(programme, id, skip: 0, take: 25)).Value!.Rows);
        Assert.Equal((Buurt, 49m), (buurt.AreaCode, buurt.Value));
        Assert.Null(buurt.DifferenceToBaseline);
        await using var db = App.Database.CreateContext();
        Assert.Equal(2, await db.Measurements.CountAsync(measurement => measurement.IndicatorId == id));
    }

    [Fact]
    public async Task TheListShowsPerIndicator_TheNewestValueOfItsOwnArea_AndTheDomainsTrendOfIt()
    {
        var programme = await ArrangeProgrammeAsync();
        var staff = await App.CreateUserAsync(Role.Programmabureau, null, programme);
        await using var scope = App.ScopeFor(staff);
        var indicators = App.ServiceFor<IndicatorService>(scope);
        var work = new IndicatorId((await indicators.DefineAsync(programme, Employment())).Value);
        var burglaries = Employment();
        burglaries.Name = "Woninginbraken";
        burglaries.Kind = IndicatorKind.Outcome;
        burglaries.Direction = ImprovementDirection.LowerIsBetter;
        (burglaries.BaselineValue, burglaries.TargetValue) = (6.4m, 3.5m);
        var crime = new IndicatorId((await indicators.DefineAsync(programme, burglaries)).Value);
        var empty = Employment();
        empty.Name = "Nog niet gemeten";
        await indicators.DefineAsync(programme, empty);
        foreach (var (indicator, area, year, value) in new[]
        {
            (work, Wijk, 2020, 55.1m), (work, Wijk, 2023, 54.0m), (work, Buurt, 2025, 70m),
            (crime, Wijk, 2021, 5.8m), (crime, Wijk, 2022, 3.2m),
        })
        {
            Assert.True((await indicators.RecordMeasurementAsync(programme, indicator, new MeasurementEditModel { AreaCode = area, Year = year, Value = value })).IsOk);
        }

        var list = (await indicators.GetIndicatorsAsync(programme)).Value!;

        await using var db = App.Database.CreateContext();
        var stored = await db.Indicators.AsNoTracking().Where(indicator => indicator.ProgrammeId == programme).ToListAsync();
        Assert.Equal(3, list.Indicators.Count);
        foreach (var indicator in stored)
        {
            var newest = await db.Measurements.AsNoTracking()
                .Where(measurement => measurement.IndicatorId == indicator.Id && measurement.AreaCode == indicator.AreaCode)
                .OrderByDescending(measurement => measurement.Year)
                .Select(measurement => new YearValue(measurement.Year, measurement.Value))
                .FirstOrDefaultAsync();
            var row = Assert.Single(list.Indicators, row => row.Id == indicator.Id.Value);
            Assert.Equal(newest, row.Latest);
            Assert.Equal(indicator.TrendOf(newest), row.Trend);
        }

        // The buurt's higher and later figure is not the wijk's: worse than the baseline, not the target reached.
        Assert.Equal((new YearValue(2023, 54.0m), IndicatorTrend.Worsening), Pick(list, work));
        Assert.Equal((new YearValue(2022, 3.2m), IndicatorTrend.TargetReached), Pick(list, crime));
        Assert.Equal(IndicatorTrend.Unknown, Assert.Single(list.Indicators, row => row.Name == "Nog niet gemeten").Trend);
        Assert.All(list.Indicators, row => Assert.True(row.MissesRecentMeasurement));
        Assert.Equal([Wijk], list.ProgrammeAreaCodes);
    }

    [Fact]
    public async Task TheIndicatorReadsItsOwnArea_AndOtherAreasAPageAtATime_ByAreaAndYear_NotForAnotherProgrammesIndicator()
    {
        var programme = await ArrangeProgrammeAsync();
        var staff = await App.CreateUserAsync(Role.Programmabureau, null, programme);
        await using var scope = App.ScopeFor(staff);
        var indicators = App.ServiceFor<IndicatorService>(scope);
        var id = new IndicatorId((await indicators.DefineAsync(programme, Employment())).Value);
        Assert.True((await indicators.RecordMeasurementAsync(programme, id, new MeasurementEditModel { AreaCode = Wijk, Year = 2024, Value = 56m })).IsOk);
        var others = Enumerable.Range(1, 3).SelectMany(buurt => Enumerable.Range(2021, 4).Select(year => ($"BU028101{buurt:00}", year))).ToList();
        foreach (var (area, year) in others)
        {
            Assert.True((await indicators.RecordMeasurementAsync(programme, id, new MeasurementEditModel { AreaCode = area, Year = year, Value = year - 1970 })).IsOk);
        }

        var detail = (await indicators.GetIndicatorAsync(programme, id)).Value!;
        var second = (await indicators.GetOtherAreaMeasurementsAsync(programme, id, skip: 5, take: 5)).Value!;
        var rest = (await indicators.GetOtherAreaMeasurementsAsync(programme, id, skip: 10, take: 5)).Value!;

        Assert.Equal((Wijk, 2024), (Assert.Single(detail.OwnAreaSeries).AreaCode, detail.OwnAreaSeries[0].Year));
        Assert.Equal(12, detail.OtherAreaMeasurements);
        Assert.Equal(12, second.Total);
        Assert.Equal(others.Skip(5).Take(5), second.Rows.Select(row => (row.AreaCode, row.Year)));
        Assert.Equal(others.Skip(10), rest.Rows.Select(row => (row.AreaCode, row.Year)));

        var elsewhere = await ArrangeProgrammeAsync();
        var stranger = await App.CreateUserAsync(Role.Programmabureau, null, elsewhere);
        await using var strangerScope = App.ScopeFor(stranger);
        var forged = await App.ServiceFor<IndicatorService>(strangerScope).GetOtherAreaMeasurementsAsync(elsewhere, id, skip: 0, take: 25);
        Assert.Equal(ResultStatus.NotFound, forged.Status);
    }

    [Fact]
    public async Task AChange_OrAnInterpretation_FromAStaleVersion_IsAConflict_AndKeepsTheColleaguesWork()
    {
        var programme = await ArrangeProgrammeAsync();
        var staff = await App.CreateUserAsync(Role.Programmabureau, null, programme);
        var colleague = await App.CreateUserAsync(Role.Programmabureau, null, programme);
        await using var mine = App.ScopeFor(staff);
        await using var theirs = App.ScopeFor(colleague);
        var indicators = App.ServiceFor<IndicatorService>(mine);
        var id = new IndicatorId((await indicators.DefineAsync(programme, Employment())).Value);
        var opened = (await indicators.GetIndicatorAsync(programme, id)).Value!.Indicator;

        var colleaguesEdit = IndicatorEditModel.From(opened);
        colleaguesEdit.Source = "Monitor Sociaal Domein";
        Assert.True((await App.ServiceFor<IndicatorService>(theirs).ChangeAsync(programme, id, colleaguesEdit)).IsOk);
        var myEdit = IndicatorEditModel.From(opened);
        myEdit.Unit = "procent";
        var staleChange = await indicators.ChangeAsync(programme, id, myEdit);
        var staleInterpretation = await indicators.InterpretAsync(programme, id, new InterpretationEditModel { Version = opened.Version, Year = 2025, Text = "Stijgt." });

        Assert.Equal(ResultStatus.Conflict, staleChange.Status);
        Assert.Contains(staleChange.Differences, difference => difference.Field == nameof(IndicatorEditModel.Source) && difference.Stored == "Monitor Sociaal Domein");
        Assert.Equal(ResultStatus.Conflict, staleInterpretation.Status);
        var now = (await indicators.GetIndicatorAsync(programme, id)).Value!;
        Assert.Equal(("Monitor Sociaal Domein", "%"), (now.Indicator.Source, now.Indicator.Unit));
        Assert.Empty(now.Interpretations);

        Assert.True((await indicators.InterpretAsync(programme, id, new InterpretationEditModel { Version = now.Indicator.Version, Year = 2025, Text = "Stijgt." })).IsOk);
        var written = Assert.Single((await indicators.GetIndicatorAsync(programme, id)).Value!.Interpretations);
        Assert.Equal((2025, "Stijgt.", staff.DisplayName), (written.Year, written.Text, written.WrittenBy));
    }

    [Theory]
    [InlineData(Role.Alliantiepartner)]
    [InlineData(Role.Raadslid)]
    public async Task PartnersAndCouncillors_ReadTheIndicators_ButMayNotChangeAnything(Role role)
    {
        var programme = await ArrangeProgrammeAsync();
        var staff = await App.CreateUserAsync(Role.Programmabureau, null, programme);
        IndicatorId id;
        await using (var staffScope = App.ScopeFor(staff))
        {
            id = new IndicatorId((await App.ServiceFor<IndicatorService>(staffScope).DefineAsync(programme, Employment())).Value);
        }

        Guid? organisation = null;
        if (role == Role.Alliantiepartner)
        {
            var corporation = Organisation.Create($"Corporatie {Guid.NewGuid():N}", OrganisationType.Woningcorporatie, DateTimeOffset.UtcNow);
            await using var setup = App.Database.CreateContext();
            setup.Add(corporation);
            await setup.SaveChangesAsync();
            organisation = corporation.Id.Value;
        }

        var reader = await App.CreateUserAsync(role, organisation, programme);
        await using var scope = App.ScopeFor(reader);
        var indicators = App.ServiceFor<IndicatorService>(scope);
        var list = (await indicators.GetIndicatorsAsync(programme)).Value!;
        var version = Assert.Single(list.Indicators).Version;
        var changed = IndicatorEditModel.From(list.Indicators[0]);
        changed.Name = "Anders";

        Assert.False(list.CanEdit);
        Assert.False((await indicators.GetIndicatorAsync(programme, id)).Value!.CanEdit);
        Assert.Equal(ResultStatus.Forbidden, (await indicators.DefineAsync(programme, Employment())).Status);
        Assert.Equal(ResultStatus.Forbidden, (await indicators.ChangeAsync(programme, id, changed)).Status);
        Assert.Equal(ResultStatus.Forbidden, (await indicators.RecordMeasurementAsync(programme, id, new MeasurementEditModel { AreaCode = Wijk, Year = 2024, Value = 1m })).Status);
        Assert.Equal(ResultStatus.Forbidden, (await indicators.InterpretAsync(programme, id, new InterpretationEditModel { Version = version, Year = 2024, Text = "Mijn lezing." })).Status);
        await using var db = App.Database.CreateContext();
        var stored = await db.Indicators.AsNoTracking().SingleAsync(indicator => indicator.ProgrammeId == programme);
        Assert.Equal(("Netto arbeidsparticipatie", 0), (stored.Name, stored.Interpretations.Count));
        Assert.False(await db.Measurements.AnyAsync(measurement => measurement.IndicatorId == id));
    }

    private static (YearValue? Latest, IndicatorTrend Trend) Pick(IndicatorListView list, IndicatorId id)
    {
        var row = Assert.Single(list.Indicators, row => row.Id == id.Value);
        return (row.Latest, row.Trend);
    }

    private static IndicatorEditModel Employment() => new()
    {
        Name = "Netto arbeidsparticipatie",
        Kind = IndicatorKind.Kernindicator,
        Unit = "%",
        Source = "CBS Kerncijfers wijken en buurten",
        Definition = "Werkzame beroepsbevolking als deel van de bevolking van 15 tot 75 jaar.",
        AreaCode = Wijk,
        Direction = ImprovementDirection.HigherIsBetter,
        BaselineYear = 2019,
        BaselineValue = 55.8m,
        TargetYear = 2030,
        TargetValue = 63m,
    };

    private async Task<DateTimeOffset> RecordedAtAsync(IndicatorId id, int year)
    {
        await using var db = App.Database.CreateContext();
        return await db.Measurements.Where(measurement => measurement.IndicatorId == id && measurement.AreaCode == Wijk && measurement.Year == year)
            .Select(measurement => measurement.RecordedAt).SingleAsync();
    }

    private async Task<ProgrammeId> ArrangeProgrammeAsync()
    {
        var programme = Programme.Create(new ProgrammeDetails("Monitoring", "Tiel", [Wijk], UrgencyKind.Sluimerend, new DateOnly(2025, 1, 1), 15, null), DateTimeOffset.UtcNow);
        await using var db = App.Database.CreateContext();
        db.Add(programme);
        await db.SaveChangesAsync();
        return programme.Id;
    }
}
