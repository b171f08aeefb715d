using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Wijkaanpak.Data.Seeding;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Alliances;
using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Execution;
using Wijkaanpak.Domain.Financing;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Process;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Domain.Vision;
using Wijkaanpak.TestSupport;
using Wijkaanpak.Web.Features.Dashboards;
using Wijkaanpak.Web.Shared;

namespace Wijkaanpak.Integration.Tests.Dashboards;

/// <summary>
/// The dashboards against the demo programmes: every figure equals what the records say when they are
/// read another way (plain SQL, or the whole aggregates through the domain), access is the member's
/// only, and the portfolio costs the same number of queries for one programme as for many.
/// </summary>
public sealed class DashboardServiceTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private AppFixture App => fixture.App;

    [Fact]
    public async Task Dashboard_OfWestwijk_ShowsTheFiguresTheRecordsHold()
    {
        var westwijk = await SeedDemoAsync("Westwijk Vooruit");
        var raadslid = await App.CreateUserAsync(Role.Raadslid, null, westwijk);
        await using var scope = App.ScopeFor(raadslid);

        var view = (await App.ServiceFor<DashboardService>(scope).GetDashboardAsync(westwijk)).Value!;

        await using var db = App.Database.CreateContext();
        var money = await db.Database.SqlQuery<MoneyRow>($"""
            SELECT coalesce(sum(committed), 0) AS committed, coalesce(sum(spent), 0) AS spent FROM budget_lines WHERE programme_id = {westwijk.Value}
            """).SingleAsync();
        var uncovered = (await db.Database.SqlQuery<UncoveredRow>($"""
            SELECT coalesce(sum(greatest(i.budget - coalesce((SELECT sum(b.committed) FROM budget_lines b WHERE b.intervention_id = i.id), 0), 0)), 0) AS uncovered
            FROM interventions i WHERE i.programme_id = {westwijk.Value}
            """).SingleAsync()).Uncovered;
        Assert.True(money.Committed > 0, "the demo programme has budget lines");
        Assert.Equal(money.Committed, view.Money.Committed);
        Assert.Equal(money.Spent, view.Money.Spent);
        Assert.Equal(uncovered, view.Money.Uncovered);
        Assert.Equal(money.Committed, view.Money.PerYear.Sum(year => year.Committed));

        // Completion through the whole checklists and templates (the domain's own calculation), not the projection the service uses.
        var programme = await db.Programmes.AsNoTracking().SingleAsync(candidate => candidate.Id == westwijk);
        var checklists = await db.ProgrammeChecklists.AsNoTracking().Where(checklist => checklist.ProgrammeId == westwijk).ToListAsync();
        var templates = await db.ChecklistTemplates.AsNoTracking().ToListAsync();
        var completion = ProcessCompletion.Calculate(programme.Cycle, checklists, templates);
        Assert.Equal(completion.OfProgramme, view.Completion);
        Assert.All(view.Phases, phase => Assert.Equal(completion.OfPhase(phase.Phase), phase.Completion));
        Assert.Equal(programme.CurrentPhase, view.CurrentPhase);
        Assert.Equal(programme.Cycle, view.Cycle);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var alliance = await db.Alliances.AsNoTracking().SingleAsync(candidate => candidate.ProgrammeId == westwijk);
        Assert.Equal(alliance.OrganisationsOn(today).Count, view.Alliance!.Organisations);
        Assert.Equal(alliance.BoardOn(today).Count, view.Alliance.BoardSeats);
        var contract = await db.LocalContracts.AsNoTracking().SingleAsync(candidate => candidate.ProgrammeId == westwijk);
        Assert.Equal(contract.InForce?.SignedOn, view.Contract!.SignedOn);
        Assert.Equal(contract.InForce?.EvaluationDue, view.Contract.EvaluationDue);

        // Every indicator once, with the newest value of its own area and the domain's trend on it.
        var indicators = await db.Indicators.AsNoTracking().Where(indicator => indicator.ProgrammeId == westwijk).ToListAsync();
        var shown = view.AllIndicators.ToList();
        Assert.NotEmpty(indicators);
        Assert.Equal(indicators.Select(indicator => indicator.Id.Value).Order(), shown.Select(indicator => indicator.Id.Value).Order());
        foreach (var indicator in indicators)
        {
            var latest = await db.Database.SqlQuery<LatestRow>($"""
                SELECT year, value FROM measurements
                WHERE indicator_id = {indicator.Id.Value} AND area_code = {indicator.AreaCode} ORDER BY year DESC LIMIT 1
                """).ToListAsync();
            var expected = latest.Select(row => new YearValue(row.Year, row.Value)).SingleOrDefault();
            var figure = shown.Single(candidate => candidate.Id == indicator.Id);
            Assert.Equal(expected, figure.Latest);
            Assert.Equal(indicator.TrendOf(expected), figure.Trend);
        }

        Assert.Contains(shown, indicator => indicator.Latest is not null);
    }

    [Fact]
    public async Task Dashboard_OfAnotherProgramme_IsRefusedToACouncillor_AndShownToTheBeheerder()
    {
        var westwijk = await SeedDemoAsync("Westwijk Vooruit");
        var elsewhere = await ProgrammeNamedAsync("Kanaleneiland Samen Sterker");
        var raadslid = await App.CreateUserAsync(Role.Raadslid, null, westwijk);
        var beheerder = await App.CreateUserAsync(Role.Beheerder);

        await using var asRaadslid = App.ScopeFor(raadslid);
        var refused = await App.ServiceFor<DashboardService>(asRaadslid).GetDashboardAsync(elsewhere);
        var refusedMatrix = await App.ServiceFor<DashboardService>(asRaadslid).GetSignOffMatrixAsync(elsewhere);
        await using var asBeheerder = App.ScopeFor(beheerder);
        var shown = await App.ServiceFor<DashboardService>(asBeheerder).GetDashboardAsync(elsewhere);

        Assert.Equal(ResultStatus.Forbidden, refused.Status);
        Assert.Equal(ResultStatus.Forbidden, refusedMatrix.Status);
        Assert.True(shown.IsOk);
        Assert.Equal("Kanaleneiland Samen Sterker", shown.Value!.Name);
    }

    [Fact]
    public async Task Portfolio_ShowsACouncillorTheirProgrammes_AndTheBeheerderAll_WithTheDashboardsFigures()
    {
        var westwijk = await SeedDemoAsync("Westwijk Vooruit");
        var noord = await ProgrammeNamedAsync("Noord aan Zet");
        var raadslid = await App.CreateUserAsync(Role.Raadslid, null, westwijk, noord);
        var beheerder = await App.CreateUserAsync(Role.Beheerder);

        await using var asRaadslid = App.ScopeFor(raadslid);
        var service = App.ServiceFor<DashboardService>(asRaadslid);
        var own = (await service.GetPortfolioAsync()).Value!;
        var dashboard = (await service.GetDashboardAsync(westwijk)).Value!;
        await using var asBeheerder = App.ScopeFor(beheerder);
        var national = (await App.ServiceFor<DashboardService>(asBeheerder).GetPortfolioAsync()).Value!;

        Assert.False(own.IsNational);
        Assert.Equal([noord, westwijk], own.Programmes.Select(row => row.Id).OrderBy(id => id == westwijk));
        Assert.True(national.IsNational);
        await using var db = App.Database.CreateContext();
        Assert.Equal(await db.Programmes.CountAsync(), national.Programmes.Count);
        var row = own.Programmes.Single(candidate => candidate.Id == westwijk);
        Assert.Equal(dashboard.Completion, row.Completion);
        Assert.Equal(dashboard.Money.Committed, row.Committed);
        Assert.Equal(dashboard.Money.Spent, row.Spent);
        Assert.Equal(dashboard.Money.Uncovered, row.Uncovered);
        Assert.Equal(dashboard.AllIndicators.Count(), row.Indicators);
        Assert.Equal(
            dashboard.AllIndicators.Count(indicator => indicator.Trend.IsOnTrack()),
            row.IndicatorsOnTrack);
    }

    [Fact]
    public async Task Portfolio_SumsInTheDatabase_WhatTheDomainDerivesFromTheWholeRecords_ForEveryProgramme()
    {
        await SeedDemoAsync("Westwijk Vooruit");
        var now = DateTimeOffset.UtcNow;
        var by = new UserRef(Guid.CreateVersion7(), "Testopzet");
        var programme = Programme.Create(new ProgrammeDetails($"Randgevallen {Guid.NewGuid():N}", "Gemeente", ["WK036301"], UrgencyKind.Acuut, new DateOnly(2020, 1, 1), 15, null), now);
        var period = ExecutionPeriod.Plan(programme, [], "Uitvoeringsprogramma 2024-2027", new DateOnly(2024, 1, 1), new DateOnly(2027, 12, 31));
        var vision = VisionStatement.Write(programme.Id, "Een wijk waar iedereen meedoet.", now);
        var ambition = vision.AddAmbition("Iedereen doet mee", null, null, [], now);
        Intervention Planned(string title, decimal budget) =>
            Intervention.Plan(programme.Id, period, new InterventionDetails(title, null, InterventionKind.Additioneel, [], [ambition.Id], [], budget, new DateOnly(2024, 3, 1), null), by, now);
        BudgetLine Line(decimal committed, decimal spent, Intervention? paysFor) =>
            BudgetLine.Add(programme.Id, new BudgetLineDetails(FundingSource.Gemeente, null, null, null, true, 2025, committed, spent, paysFor?.Id));
        var partlyCovered = Planned("Twee regels, samen te weinig", 100_000m);
        var overCommitted = Planned("Meer toegezegd dan begroot", 50_000m);
        var uncoveredWhole = Planned("Nog geen geld", 70_000m);
        var exactlyCovered = Planned("Precies gedekt", 20_000m);
        Indicator Defined(string name, string area, ImprovementDirection direction, YearValue? baseline, YearValue? target) =>
            Indicator.Define(programme.Id, new IndicatorDetails(name, IndicatorKind.Outcome, "%", "CBS", null, area, direction, baseline, target));
        var targetReached = Defined("Doel bereikt", "WK036301", ImprovementDirection.LowerIsBetter, new YearValue(2020, 30m), new YearValue(2030, 20m));
        var worsening = Defined("Slechter", "WK036301", ImprovementDirection.HigherIsBetter, new YearValue(2020, 60m), new YearValue(2030, 70m));
        var noBaseline = Defined("Zonder nulmeting", "WK036301", ImprovementDirection.HigherIsBetter, null, null);
        var otherAreaOnly = Defined("Alleen elders gemeten", "BU03630101", ImprovementDirection.HigherIsBetter, new YearValue(2020, 1m), null);
        await using (var db = App.Database.CreateContext())
        {
            db.AddRange(programme, period, vision, partlyCovered, overCommitted, uncoveredWhole, exactlyCovered, targetReached, worsening, noBaseline, otherAreaOnly);
            db.AddRange(
                Line(30_000m, 10_000m, partlyCovered),
                Line(20_000m, 0m, partlyCovered),
                Line(80_000m, 80_000m, overCommitted),
                Line(20_000m, 5_000m, exactlyCovered),
                Line(40_000m, 39_000.50m, null));
            db.Measurements.AddRange(
                Measurement.Record(targetReached.Id, new MeasurementInput("WK036301", 2024, 19m, "test.csv", null), now),
                Measurement.Record(targetReached.Id, new MeasurementInput("WK036301", 2022, 35m, "test.csv", null), now),
                Measurement.Record(worsening.Id, new MeasurementInput("WK036301", 2025, 55m, "test.csv", null), now),
                Measurement.Record(otherAreaOnly.Id, new MeasurementInput("WK036301", 2025, 9m, "test.csv", null), now));
            await db.SaveChangesAsync();
        }

        var beheerder = await App.CreateUserAsync(Role.Beheerder);
        await using var scope = App.ScopeFor(beheerder);
        var portfolio = (await App.ServiceFor<DashboardService>(scope).GetPortfolioAsync()).Value!;

        var edges = portfolio.Programmes.Single(row => row.Id == programme.Id);
        Assert.Equal(190_000m, edges.Committed);
        Assert.Equal(134_000.50m, edges.Spent);
        Assert.Equal(50_000m + 70_000m, edges.Uncovered);
        Assert.Equal((1, 2, 4), (edges.IndicatorsOnTrack, edges.IndicatorsMeasured, edges.Indicators));

        // Every programme against the domain's own rules on the whole records, read another way.
        await using var read = App.Database.CreateContext();
        var lines = (await read.BudgetLines.AsNoTracking().ToListAsync()).ToLookup(line => line.ProgrammeId);
        var interventions = (await read.Interventions.AsNoTracking().ToListAsync()).ToLookup(intervention => intervention.ProgrammeId);
        var indicators = (await read.Indicators.AsNoTracking().ToListAsync()).ToLookup(indicator => indicator.ProgrammeId);
        var measurements = await read.Measurements.AsNoTracking().ToListAsync();
        Assert.Equal(await read.Programmes.CountAsync(), portfolio.Programmes.Count);
        foreach (var row in portfolio.Programmes)
        {
            var trends = indicators[row.Id].Select(indicator => indicator.TrendOf(measurements
                    .Where(measurement => measurement.IndicatorId == indicator.Id && measurement.AreaCode == indicator.AreaCode)
                    .MaxBy(measurement => measurement.Year) is { } newest ? new YearValue(newest.Year, newest.Value) : null))
                .ToList();
            Assert.Equal(lines[row.Id].Sum(line => line.Committed), row.Committed);
            Assert.Equal(lines[row.Id].Sum(line => line.Spent), row.Spent);
            Assert.Equal(
                BudgetTotals.Uncovered(lines[row.Id], interventions[row.Id].ToDictionary(intervention => intervention.Id, intervention => intervention.Budget)).Values.Sum(),
                row.Uncovered);
            Assert.Equal(trends.Count(trend => trend.IsOnTrack()), row.IndicatorsOnTrack);
            Assert.Equal(trends.Count(trend => trend != IndicatorTrend.Unknown), row.IndicatorsMeasured);
            Assert.Equal(trends.Count, row.Indicators);
        }

        Assert.Contains(portfolio.Programmes, row => row.Id != programme.Id && row.Uncovered > 0);
    }

    [Fact]
    public async Task Portfolio_ReadsManyProgrammesInAsFewQueriesAsOne()
    {
        await SeedDemoAsync("Westwijk Vooruit");
        var beheerder = await App.CreateUserAsync(Role.Beheerder);
        var before = await QueriesOfAsync(beheerder, async service => (await service.GetPortfolioAsync()).Value!.Programmes.Count);

        await using (var db = App.Database.CreateContext())
        {
            var now = DateTimeOffset.UtcNow;
            for (var index = 0; index < 40; index++)
            {
                var programme = Programme.Create(new ProgrammeDetails($"Extra {index:D2}", "Gemeente", ["WK036301"], UrgencyKind.Sluimerend, new DateOnly(2025, 1, 1), 12, null), now);
                var alliance = Alliance.Form(programme.Id, now);
                db.AddRange(programme, alliance);
            }

            await db.SaveChangesAsync();
        }

        var after = await QueriesOfAsync(beheerder, async service => (await service.GetPortfolioAsync()).Value!.Programmes.Count);

        Assert.True(before.Queries > 0, "the counter sees the queries");
        Assert.True(after.Result >= before.Result + 40);
        Assert.Equal(before.Queries, after.Queries);
    }

    [Fact]
    public async Task SignOffMatrix_ShowsPerPartnerSignedOutdatedAndExpected_AsTheChecklistJudgesThem()
    {
        var now = DateTimeOffset.UtcNow;
        var by = new UserRef(Guid.CreateVersion7(), "Testopzet");
        var programme = Programme.Create(new ProgrammeDetails($"Matrix {Guid.NewGuid():N}", "Gemeente", ["WK036301"], UrgencyKind.Acuut, new DateOnly(2025, 1, 1), 15, null), now);
        var corporation = Organisation.Create($"Corporatie {Guid.NewGuid():N}", OrganisationType.Woningcorporatie, now);
        var police = Organisation.Create($"Politie {Guid.NewGuid():N}", OrganisationType.Politie, now);
        var school = Organisation.Create($"School {Guid.NewGuid():N}", OrganisationType.Onderwijs, now);
        var alliance = Alliance.Form(programme.Id, now);
        foreach (var organisation in new[] { corporation, police, school })
        {
            alliance.Join(new MembershipInput(organisation.Id, AllianceRole.Kernpartner, AllianceLevel.Tactisch, programme.StartDate, null, null, []), ProgrammeCalendar.Of(programme, DateOnly.FromDateTime(now.UtcDateTime)), by, now);
        }

        await using (var db = App.Database.CreateContext())
        {
            var template = await db.ChecklistTemplates.SingleAsync(candidate => candidate.Id == ChecklistSeed.FirstVersionIdOf("4.1"));
            var checklist = ProgrammeChecklist.Start(programme, template, now);
            var members = alliance.OrganisationsOn(DateOnly.FromDateTime(now.UtcDateTime));
            checklist.Answer(template.Questions[0].Key, AnswerStatus.Ja, null, null, by, now);
            checklist.SignOff(new Signatory(by, police.Id), police.Id, police.Name, members, checklist.ContentRevision, null, now);
            checklist.Answer(template.Questions[1].Key, AnswerStatus.Deels, null, null, by, now.AddMinutes(1));
            checklist.SignOff(new Signatory(by, school.Id), school.Id, school.Name, members, checklist.ContentRevision, null, now.AddMinutes(2));
            db.AddRange(programme, corporation, police, school, alliance, checklist);
            await db.SaveChangesAsync();
        }

        var raadslid = await App.CreateUserAsync(Role.Raadslid, null, programme.Id);
        await using var scope = App.ScopeFor(raadslid);
        var matrix = (await App.ServiceFor<DashboardService>(scope).GetSignOffMatrixAsync(programme.Id)).Value!;

        var row = matrix.Checklists.Single(checklist => checklist.Code == "4.1");
        var states = matrix.Partners.Select((partner, index) => (partner.Id, State: row.States[index])).ToDictionary(cell => cell.Id, cell => cell.State);
        Assert.True(row.HasAnswers);
        Assert.Equal(SignOffState.Expected, states[corporation.Id]);
        Assert.Equal(SignOffState.Outdated, states[police.Id]);
        Assert.Equal(SignOffState.Signed, states[school.Id]);
        Assert.False(matrix.Checklists.Single(checklist => checklist.Code == "4.2").HasAnswers);
        Assert.Equal(19, matrix.Checklists.Count);
    }

    [Fact]
    public async Task Worklist_NamesWhatWaitsInTheStaffsOwnProgrammes_WithWhereItIsDone()
    {
        var now = DateTimeOffset.UtcNow;
        var by = new UserRef(Guid.CreateVersion7(), "Testopzet");
        var details = new ProgrammeDetails($"Werk {Guid.NewGuid():N}", "Gemeente", ["WK036301"], UrgencyKind.Acuut, new DateOnly(2025, 1, 1), 15, null);
        var programme = Programme.Create(details, now);
        var other = Programme.Create(details with { Name = $"Ander {Guid.NewGuid():N}" }, now);
        var partner = Organisation.Create($"Corporatie {Guid.NewGuid():N}", OrganisationType.Woningcorporatie, now);
        var alliance = Alliance.Form(programme.Id, now);
        alliance.Join(new MembershipInput(partner.Id, AllianceRole.Kernpartner, AllianceLevel.Tactisch, programme.StartDate, null, null, []), ProgrammeCalendar.Of(programme, DateOnly.FromDateTime(now.UtcDateTime)), by, now);
        await using (var db = App.Database.CreateContext())
        {
            var template = await db.ChecklistTemplates.SingleAsync(candidate => candidate.Id == ChecklistSeed.FirstVersionIdOf("4.1"));
            var checklist = ProgrammeChecklist.Start(programme, template, now);
            checklist.Answer(template.Questions[0].Key, AnswerStatus.Ja, null, null, by, now);
            db.AddRange(programme, other, partner, alliance, checklist);
            await db.SaveChangesAsync();
        }

        var staff = await App.CreateUserAsync(Role.Programmabureau, null, programme.Id);
        await using var scope = App.ScopeFor(staff);
        var worklist = (await App.ServiceFor<WorklistService>(scope).GetWorklistAsync()).Value!;

        var own = Assert.Single(worklist.Programmes);
        Assert.Equal(programme.Id, own.Id);
        var root = $"/programmas/{programme.Id}";
        Assert.Contains(own.Items, item => item.Kind == WorkKind.PendingDecision && item.Href == $"{root}/go-no-go");
        Assert.Contains(own.Items, item => item.Kind == WorkKind.OpenQuestions && item.Href == $"{root}/checklists/4.1");
        var signature = Assert.Single(own.Items, item => item.Kind == WorkKind.Signatures);
        Assert.Equal($"{root}/checklists/4.1", signature.Href);
        Assert.Contains(partner.Name, signature.Detail, StringComparison.Ordinal);
        Assert.Contains("verwacht", signature.Detail, StringComparison.Ordinal);
        // Blocks of later phases are not due yet: Oriënteren's checklists are the open ones.
        Assert.Equal(
            ProcessModel.BlocksOf(Phase.Orienteren).Count(block => block.HasChecklist),
            own.Items.Count(item => item.Kind == WorkKind.OpenQuestions));
    }

    private Task<ProgrammeId> SeedDemoAsync(string name) => ProgrammeNamedAsync(name);

    private async Task<ProgrammeId> ProgrammeNamedAsync(string name)
    {
        await using var db = App.Database.CreateContext();
        return await db.Programmes.Where(programme => programme.Name == name).Select(programme => programme.Id).SingleAsync();
    }

    /// <summary>Runs a call and counts the SQL commands it sent to this test's database.</summary>
    private async Task<(int Result, int Queries)> QueriesOfAsync(Web.Shared.Security.CurrentUser user, Func<DashboardService, Task<int>> call)
    {
        var counter = new CommandCounter(App.Database.Name);
        using var subscription = DiagnosticListener.AllListeners.Subscribe(counter);
        await using var scope = App.ScopeFor(user);
        var result = await call(App.ServiceFor<DashboardService>(scope));
        return (result, counter.Count);
    }

    /// <summary>Counts EF Core's executed commands on one database (other test classes run beside this one on their own).</summary>
    private sealed class CommandCounter(string database) : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        private int _count;

        public int Count => _count;

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                value.Subscribe(this);
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data && data.Command.Connection?.Database == database)
            {
                Interlocked.Increment(ref _count);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed record MoneyRow(decimal Committed, decimal Spent);

    private sealed record LatestRow(int Year, decimal Value);

    private sealed record UncoveredRow(decimal Uncovered);
}

/// <summary>The app on a database holding the demo programmes (seeded first: the demo seed only fills an empty database).</summary>
public sealed class DemoDataFixture : IAsyncLifetime
{
    public AppFixture App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await AppFixture.StartAsync();
        await using var db = App.Database.CreateContext();
        await DemoData.SeedAsync(db, TimeProvider.System);
        await DemoAlliances.SeedAsync(db, TimeProvider.System);
        await DemoChain.SeedAsync(db, TimeProvider.System);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
