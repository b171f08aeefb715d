using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using nietras.SeparatedValues;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Execution;
using Wijkaanpak.Domain.Financing;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Domain.Vision;
using Wijkaanpak.Integration.Tests.Infrastructure;
using Wijkaanpak.TestSupport;
using Wijkaanpak.Web.Features.Execution;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Integration.Tests.Execution;

/// <summary>The execution programme and its financing through the services, against PostgreSQL.</summary>
public sealed class ExecutionServiceTests(AppClassFixture fixture) : IClassFixture<AppClassFixture>
{
    private AppFixture App => fixture.App;

    [Fact]
    public async Task PlanningWithoutAmbition_IsRefusedNextToTheAmbitions_AndNothingIsStored()
    {
        var world = await ArrangeAsync();
        await using var scope = App.ScopeFor(world.Staff);
        var execution = App.ServiceFor<ExecutionService>(scope);

        var model = Planned(world, "Zonder ambitie", 10_000m);
        model.AmbitionIds = new HashSet<Guid>();
        var result = await execution.PlanInterventionAsync(world.Programme, model);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains("ten minste één ambitie", Assert.Single(result.Errors[nameof(InterventionEditModel.AmbitionIds)]), StringComparison.Ordinal);
        await using var db = App.Database.CreateContext();
        Assert.False(await db.Interventions.AnyAsync(intervention => intervention.Title == "Zonder ambitie"));
    }

    [Fact]
    public async Task ABudgetWithAFractionOfACent_IsRefused_NotRoundedByTheDatabase()
    {
        var world = await ArrangeAsync();
        await using var scope = App.ScopeFor(world.Staff);
        var execution = App.ServiceFor<ExecutionService>(scope);

        var result = await execution.PlanInterventionAsync(world.Programme, Planned(world, "Halve cent", 12_345.675m));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal([ValidatorExtensions.CentsMessage], result.Errors[nameof(InterventionEditModel.Budget)]);
        await using var db = App.Database.CreateContext();
        Assert.False(await db.Interventions.AnyAsync(intervention => intervention.Title == "Halve cent"));
    }

    [Fact]
    public async Task AStatusChange_NeedsAReason_AndEveryChangeIsKeptInTheHistory()
    {
        var world = await ArrangeAsync();
        await using var scope = App.ScopeFor(world.Staff);
        var execution = App.ServiceFor<ExecutionService>(scope);
        var jobs = await InterventionAsync(execution, world, world.Jobs);

        var withoutReason = await execution.ChangeStatusAsync(world.Programme, jobs.Id, new StatusChangeEditModel { Version = jobs.Version, To = InterventionStatus.Lopend, Reason = "  ", On = new DateTime(2025, 3, 1) });
        Assert.Equal(ResultStatus.Invalid, withoutReason.Status);
        Assert.Contains(nameof(StatusChangeEditModel.Reason), withoutReason.Errors.Keys);

        Assert.True((await execution.ChangeStatusAsync(world.Programme, jobs.Id, new StatusChangeEditModel { Version = jobs.Version, To = InterventionStatus.Lopend, Reason = "Eerste markt gehouden.", On = new DateTime(2025, 3, 1) })).IsOk);
        var running = await InterventionAsync(execution, world, world.Jobs);
        Assert.True((await execution.ChangeStatusAsync(world.Programme, jobs.Id, new StatusChangeEditModel { Version = running.Version, To = InterventionStatus.Gestopt, Reason = "Geen werkgevers meer.", On = new DateTime(2025, 9, 1) })).IsOk);
        var stopped = await InterventionAsync(execution, world, world.Jobs);
        var again = await execution.ChangeStatusAsync(world.Programme, jobs.Id, new StatusChangeEditModel { Version = stopped.Version, To = InterventionStatus.Lopend, Reason = "Toch weer.", On = new DateTime(2025, 10, 1) });

        Assert.Equal(ResultStatus.RuleBroken, again.Status);
        Assert.Equal(InterventionStatus.Gestopt, stopped.Status);
        Assert.Equal([null, InterventionStatus.Gepland, InterventionStatus.Lopend], stopped.History.Select(change => change.From));
        Assert.Equal(["Eerste markt gehouden.", "Geen werkgevers meer."], stopped.History.Skip(1).Select(change => change.Reason));
        Assert.Equal(new DateOnly(2025, 9, 1), stopped.History[^1].ChangedOn);
        Assert.Equal(world.Staff.DisplayName, stopped.History[^1].RecordedBy);
    }

    [Fact]
    public async Task ASaveFromAStaleScreen_IsAConflict_AndTheFirstSaveStands()
    {
        var world = await ArrangeAsync();
        await using var scope = App.ScopeFor(world.Staff);
        var execution = App.ServiceFor<ExecutionService>(scope);
        var opened = await InterventionAsync(execution, world, world.Jobs);
        var mine = InterventionEditModel.Of(opened);
        var theirs = InterventionEditModel.Of(opened);
        mine.Budget = 95_000m;
        theirs.Budget = 10m;

        Assert.True((await execution.ChangeInterventionAsync(world.Programme, opened.Id, mine)).IsOk);
        var stale = await execution.ChangeInterventionAsync(world.Programme, opened.Id, theirs);

        Assert.Equal(ResultStatus.Conflict, stale.Status);
        Assert.Contains("intussen gewijzigd", stale.Message, StringComparison.Ordinal);
        Assert.Equal(95_000m, (await InterventionAsync(execution, world, world.Jobs)).Budget);

        var financing = App.ServiceFor<FinancingService>(scope);
        var line = (await financing.GetAsync(world.Programme)).Value!.Lines[0];
        var first = BudgetLineEditModel.Of(line);
        var second = BudgetLineEditModel.Of(line);
        first.Spent = 1m;
        Assert.True((await financing.ChangeLineAsync(world.Programme, line.Id, first)).IsOk);
        Assert.Equal(ResultStatus.Conflict, (await financing.ChangeLineAsync(world.Programme, line.Id, second)).Status);
    }

    [Fact]
    public async Task KeepingMyInputAfterAConflict_MergesOntoTheNewest_SoTheOtherPersonsBudgetSurvives()
    {
        var world = await ArrangeAsync();
        await using var scope = App.ScopeFor(world.Staff);
        var execution = App.ServiceFor<ExecutionService>(scope);
        var opened = await InterventionAsync(execution, world, world.Jobs);

        // Both open the form; A changes the budget and saves first.
        var asLoaded = new EditBaseline<InterventionEditModel>();
        var mine = asLoaded.Start(InterventionEditModel.Of(opened));
        var theirs = InterventionEditModel.Of(opened);
        theirs.Budget = 120_000m;
        Assert.True((await execution.ChangeInterventionAsync(world.Programme, opened.Id, theirs)).IsOk);

        // B changes the title, is refused, keeps their input and loads the newest state (what the page does).
        mine.Title = "Werkgeversmarkt Zuidwest";
        Assert.Equal(ResultStatus.Conflict, (await execution.ChangeInterventionAsync(world.Programme, opened.Id, mine)).Status);
        var newest = await InterventionAsync(execution, world, world.Jobs);
        var (merged, report) = asLoaded.MergeOnto(mine, InterventionEditModel.Of(newest), InterventionEditModel.Labels);

        var taken = Assert.Single(report.TakenOver);
        Assert.Equal((nameof(InterventionEditModel.Budget), "120.000", "90.000"), (taken.Field, taken.Stored, taken.Yours));
        Assert.Empty(report.BothChanged);
        Assert.True((await execution.ChangeInterventionAsync(world.Programme, opened.Id, merged)).IsOk);

        var stored = await InterventionAsync(execution, world, world.Jobs);
        Assert.Equal(("Werkgeversmarkt Zuidwest", 120_000m), (stored.Title, stored.Budget));
    }

    [Fact]
    public async Task KeepingMyInputAfterAConflict_WhenBothChangedTheBudget_KeepsMineAndShowsTheirs()
    {
        var world = await ArrangeAsync();
        await using var scope = App.ScopeFor(world.Staff);
        var execution = App.ServiceFor<ExecutionService>(scope);
        var opened = await InterventionAsync(execution, world, world.Jobs);
        var asLoaded = new EditBaseline<InterventionEditModel>();
        var mine = asLoaded.Start(InterventionEditModel.Of(opened));
        var theirs = InterventionEditModel.Of(opened);
        theirs.Budget = 120_000m;
        theirs.Description = "Met de werkgeversvereniging.";
        Assert.True((await execution.ChangeInterventionAsync(world.Programme, opened.Id, theirs)).IsOk);

        mine.Budget = 80_000m;
        Assert.Equal(ResultStatus.Conflict, (await execution.ChangeInterventionAsync(world.Programme, opened.Id, mine)).Status);
        var (merged, report) = asLoaded.MergeOnto(mine, InterventionEditModel.Of(await InterventionAsync(execution, world, world.Jobs)), InterventionEditModel.Labels);

        Assert.Equal(nameof(InterventionEditModel.Description), Assert.Single(report.TakenOver).Field);
        var both = Assert.Single(report.BothChanged);
        Assert.Equal(("120.000", "80.000"), (both.Stored, both.Yours));
        Assert.True((await execution.ChangeInterventionAsync(world.Programme, opened.Id, merged)).IsOk);
        var stored = await InterventionAsync(execution, world, world.Jobs);
        Assert.Equal((80_000m, "Met de werkgeversvereniging."), (stored.Budget, stored.Description));
    }

    [Fact]
    public async Task Totals_PerSourceYearAndAmbition_AndTheUncoveredGap_FollowTheLines()
    {
        var world = await ArrangeAsync();
        await using var scope = App.ScopeFor(world.Staff);
        var view = (await App.ServiceFor<FinancingService>(scope).GetAsync(world.Programme)).Value!;

        Assert.Equal(4, view.Lines.Count);
        Assert.Equal(new MoneyTotal(120_000m, 80_000m), view.PerSource[FundingSource.Rijk]);
        Assert.Equal(new MoneyTotal(50_000m, 50_000m), view.PerSource[FundingSource.Gemeente]);
        Assert.Equal([2024, 2025], view.PerYear.Keys);
        Assert.Equal(new MoneyTotal(60_000m, 60_000m), view.PerYear[2024]);
        Assert.Equal(new MoneyTotal(110_000m, 70_000m), view.PerYear[2025]);

        // Jobs (40.000 + 30.000) serves one ambition; the pilot's 80.000 serves two, half each; bureau costs count for none.
        var perAmbition = view.PerAmbition.ToDictionary(item => item.AmbitionId, item => item.Total.Committed);
        Assert.Equal(70_000m + 40_000m, perAmbition[world.Meedoen]);
        Assert.Equal(40_000m, perAmbition[world.Veilig]);

        var gap = Assert.Single(view.Uncovered);
        Assert.Equal("Banenmarkt", gap.Title);
        Assert.Equal(90_000m - 70_000m, gap.Gap);
        Assert.Equal(20_000m, (await InterventionAsync(App.ServiceFor<ExecutionService>(scope), world, world.Jobs)).Uncovered);
        Assert.Equal("Kosten programmabureau", view.Lines.Single(line => line.InterventionId is null).PaysFor);
    }

    [Fact]
    public async Task Exports_RoundTrip_AsXlsxAndAsADutchCsv()
    {
        var world = await ArrangeAsync();
        await using var scope = App.ScopeFor(world.Staff);
        var execution = App.ServiceFor<ExecutionService>(scope);
        var financing = App.ServiceFor<FinancingService>(scope);
        var lines = (await financing.GetAsync(world.Programme)).Value!.Lines;

        var csv = (await financing.ExportLinesAsync(world.Programme, ExportFormat.Csv)).Value!;
        Assert.Equal([0xEF, 0xBB, 0xBF], csv.Content[..3]);
        Assert.EndsWith(".csv", csv.FileName, StringComparison.Ordinal);
        using (var reader = Sep.New(';').Reader(options => options with { Unescape = true }).FromText(Encoding.UTF8.GetString(csv.Content).TrimStart('\uFEFF')))
        {
            Assert.Equal(["Bron", "Regeling", "Financier", "Omschrijving", "Regulier of additioneel", "Jaar", "Toegezegd", "Uitgegeven", "Bestemd voor"], reader.Header.ColNames);
            var read = new List<(string Description, decimal Committed, string For)>();
            foreach (var row in reader)
            {
                read.Add((row["Omschrijving"].ToString(), decimal.Parse(row["Toegezegd"].ToString(), NumberStyles.Number, CultureInfo.GetCultureInfo("nl-NL")), row["Bestemd voor"].ToString()));
            }

            Assert.Equal(lines.Select(line => (line.Description, line.Committed, line.PaysFor)), read);
        }

        Assert.Contains(";40000,00;", Encoding.UTF8.GetString(csv.Content), StringComparison.Ordinal);

        var xlsx = (await execution.ExportInterventionsAsync(world.Programme, ExportFormat.Xlsx)).Value!;
        Assert.Equal(ExportTables.XlsxContentType, xlsx.ContentType);
        using var stream = new MemoryStream(xlsx.Content);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(row => row.Elements<Cell>().Select(cell => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? string.Empty).ToList()).ToList();
        Assert.Equal("Interventie", rows[0][1]);
        Assert.Equal("Budget", rows[0][7]);
        var interventions = (await execution.GetAsync(world.Programme)).Value!.Interventions;
        Assert.Equal(interventions.Select(intervention => intervention.Title).Order(), rows.Skip(1).Select(row => row[1]).Order());
        var jobsRow = rows.Single(row => row[1] == "Banenmarkt");
        Assert.Equal(90_000m, decimal.Parse(jobsRow[7], CultureInfo.InvariantCulture));
        Assert.Equal(20_000m, decimal.Parse(jobsRow[10], CultureInfo.InvariantCulture));
        Assert.Equal("Iedereen doet mee", jobsRow[5]);
    }

    [Theory]
    [InlineData(Role.Alliantiepartner)]
    [InlineData(Role.Raadslid)]
    public async Task PartnersAndCouncillors_ReadAndExport_ButEveryChangeIsForbidden(Role role)
    {
        var world = await ArrangeAsync();
        var reader = await App.CreateUserAsync(role, role == Role.Alliantiepartner ? world.Municipality.Value : null, world.Programme);
        await using var scope = App.ScopeFor(reader);
        var execution = App.ServiceFor<ExecutionService>(scope);
        var financing = App.ServiceFor<FinancingService>(scope);
        var view = (await execution.GetAsync(world.Programme)).Value!;
        Assert.False(view.CanEdit);
        var jobs = view.Interventions.Single(intervention => intervention.Id == world.Jobs);
        var line = (await financing.GetAsync(world.Programme)).Value!.Lines[0];
        Assert.True((await execution.ExportInterventionsAsync(world.Programme, ExportFormat.Csv)).IsOk);

        var changes = new[]
        {
            await execution.AddPeriodAsync(world.Programme, new PeriodEditModel { Name = "Later", From = new DateTime(2028, 1, 1), Until = new DateTime(2030, 12, 31) }),
            await execution.PlanInterventionAsync(world.Programme, Planned(world, "Nieuw", 1m)),
            await execution.ChangeInterventionAsync(world.Programme, jobs.Id, InterventionEditModel.Of(jobs)),
            await execution.ChangeStatusAsync(world.Programme, jobs.Id, new StatusChangeEditModel { Version = jobs.Version, To = InterventionStatus.Lopend, Reason = "Gestart.", On = new DateTime(2025, 1, 1) }),
            await financing.AddLineAsync(world.Programme, BudgetLineEditModel.Of(line)),
            await financing.ChangeLineAsync(world.Programme, line.Id, BudgetLineEditModel.Of(line)),
        };

        Assert.All(changes, result => Assert.Equal(ResultStatus.Forbidden, result.Status));
        await using var db = App.Database.CreateContext();
        Assert.Equal(4, await db.BudgetLines.CountAsync(candidate => candidate.ProgrammeId == world.Programme));
        Assert.Equal(InterventionStatus.Gepland, (await db.Interventions.AsNoTracking().SingleAsync(candidate => candidate.Id == world.Jobs)).Status);
    }

    [Fact]
    public async Task StaffPlanAPeriodAndAnIntervention_ThatServesAnAmbition()
    {
        var world = await ArrangeAsync();
        await using var scope = App.ScopeFor(world.Staff);
        var execution = App.ServiceFor<ExecutionService>(scope);

        var overlapping = await execution.AddPeriodAsync(world.Programme, new PeriodEditModel { Name = "Dubbel", From = new DateTime(2025, 1, 1), Until = new DateTime(2027, 12, 31) });
        Assert.Equal(ResultStatus.Invalid, overlapping.Status);
        Assert.True((await execution.AddPeriodAsync(world.Programme, new PeriodEditModel { Name = "Uitvoeringsprogramma 2028-2031", From = new DateTime(2028, 1, 1), Until = new DateTime(2031, 12, 31) })).IsOk);
        Assert.True((await execution.PlanInterventionAsync(world.Programme, Planned(world, "Huiswerkklas", 5_000m))).IsOk);

        var view = (await execution.GetAsync(world.Programme, world.Period)).Value!;
        Assert.Equal(["Uitvoeringsprogramma 2024-2027", "Uitvoeringsprogramma 2028-2031"], view.Periods.Select(period => period.Name));
        var planned = view.Interventions.Single(intervention => intervention.Title == "Huiswerkklas");
        Assert.Equal(["Iedereen doet mee"], planned.Ambitions.Select(ambition => ambition.Name));
        Assert.Equal(InterventionStatus.Gepland, planned.Status);
        Assert.Equal(5_000m, planned.Uncovered);
    }

    private static InterventionEditModel Planned(World world, string title, decimal budget) => new()
    {
        PeriodId = world.Period,
        Title = title,
        Kind = InterventionKind.Additioneel,
        AmbitionIds = new HashSet<Guid> { world.Meedoen },
        OwnerOrganisationIds = new HashSet<Guid> { world.Municipality.Value },
        Budget = budget,
        StartDate = new DateTime(2025, 1, 1),
    };

    private static async Task<InterventionView> InterventionAsync(ExecutionService execution, World world, Guid id) =>
        (await execution.GetAsync(world.Programme, world.Period)).Value!.Interventions.Single(intervention => intervention.Id == id);

    /// <summary>
    /// A programme with a vision (two ambitions), one period, two interventions (jobs: 90.000 for one
    /// ambition; a pilot: 60.000 for both) and four lines: two for jobs, one for the pilot, one for the bureau.
    /// </summary>
    private async Task<World> ArrangeAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var by = new UserRef(Guid.CreateVersion7(), "Testopzet");
        var programme = Programme.Create(new ProgrammeDetails("Uitvoering", "Vlaardingen", ["WK062203"], UrgencyKind.Meervoudig, new DateOnly(2019, 9, 1), 20, null), now);
        var municipality = Organisation.Create($"Gemeente {Guid.NewGuid():N}", OrganisationType.Gemeente, now);
        var vision = VisionStatement.Write(programme.Id, "Een wijk waar iedereen meedoet.", now);
        var meedoen = vision.AddAmbition("Iedereen doet mee", null, null, [], now);
        var veilig = vision.AddAmbition("Veilig wonen", null, null, [], now);
        var period = ExecutionPeriod.Plan(programme, [], "Uitvoeringsprogramma 2024-2027", new DateOnly(2024, 1, 1), new DateOnly(2027, 12, 31));
        var jobs = Intervention.Plan(programme.Id, period, new InterventionDetails("Banenmarkt", null, InterventionKind.Additioneel, [municipality.Id], [meedoen.Id], [], 90_000m, new DateOnly(2024, 3, 1), null), by, now);
        var pilot = Intervention.Plan(programme.Id, period, new InterventionDetails("Schuldenpilot", null, InterventionKind.Experiment, [], [meedoen.Id, veilig.Id], [], 60_000m, new DateOnly(2025, 1, 1), null), by, now);
        BudgetLine Line(FundingSource source, NationalScheme? scheme, int year, decimal committed, decimal spent, Intervention? intervention, string description) =>
            BudgetLine.Add(programme.Id, new BudgetLineDetails(source, scheme, null, description, true, year, committed, spent, intervention?.Id));
        await using (var db = App.Database.CreateContext())
        {
            db.AddRange(programme, municipality, vision, period, jobs, pilot);
            db.BudgetLines.AddRange(
                Line(FundingSource.Rijk, NationalScheme.SpukKansrijkeWijk, 2024, 40_000m, 40_000m, jobs, "SPUK banenmarkt"),
                Line(FundingSource.Gemeente, null, 2024, 20_000m, 20_000m, null, "Programmabureau"),
                Line(FundingSource.Gemeente, null, 2025, 30_000m, 30_000m, jobs, "Werkgeversservicepunt"),
                Line(FundingSource.Rijk, NationalScheme.Volkshuisvestingsfonds, 2025, 80_000m, 40_000m, pilot, "Schuldenpilot; fase 1"));
            await db.SaveChangesAsync();
        }

        var staff = await App.CreateUserAsync(Role.Programmabureau, null, programme.Id);
        return new World(programme.Id, staff, municipality.Id, period.Id, jobs.Id, meedoen.Id, veilig.Id);
    }

    private sealed record World(ProgrammeId Programme, CurrentUser Staff, OrganisationId Municipality, Guid Period, Guid Jobs, Guid Meedoen, Guid Veilig);
}
