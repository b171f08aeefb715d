using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Financing;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Process;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Features.Programmes;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Web.Features.Dashboards;

/// <summary>
/// The read-only views for councillors and staff: one programme's dashboard, the portfolio of all
/// programmes the user may see, and a programme's sign-off matrix. Everything is derived from the
/// records by the domain's own rules; nothing is stored twice and nothing can be changed here.
/// </summary>
public sealed class DashboardService(IDbContextFactory<WijkaanpakDbContext> dbFactory, AccessGuard access, TimeProvider clock)
{
    public async Task<Result<DashboardView>> GetDashboardAsync(ProgrammeId programmeId, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ViewDashboard, programmeId, cancellationToken) is { } denied)
        {
            return denied.As<DashboardView>();
        }

        var today = clock.TodayInNetherlands();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var loaded = await ProgrammeFigures.LoadAsync(db, db.Programmes.Where(programme => programme.Id == programmeId).Select(programme => programme.Id), cancellationToken);
        if (loaded.Count == 0)
        {
            return Result.ProgrammeNotFound().As<DashboardView>();
        }

        var figures = loaded[0];
        var programme = figures.Programme;
        var completion = figures.Completion;
        var phases = ProcessModel.Phases
            .Select(phase => new PhaseFigures(
                phase,
                phase == programme.CurrentPhase,
                completion.OfPhase(phase),
                ProcessModel.BlocksOf(phase).Select(block => new BlockFigures(block.Code, block.Title, block.HasChecklist, completion.OfBlock(block.Code))).ToList()))
            .ToList();
        var money = new MoneyFigures(
            figures.Committed,
            figures.Spent,
            figures.Uncovered,
            BudgetTotals.PerYear(figures.Lines).Select(year => new YearMoney(year.Key, year.Value.Committed, year.Value.Spent)).ToList());

        // Per ambition the indicators of its goals and of the interventions serving it, as the vision page links them.
        var vision = await db.Visions.AsNoTracking().SingleOrDefaultAsync(vision => vision.ProgrammeId == programmeId, cancellationToken);
        var indicators = figures.Indicators.ToDictionary(reading => reading.Indicator.Id.Value, Figure);
        var ambitions = vision?.Ambitions ?? [];
        var titles = ambitions.ToDictionary(ambition => ambition.Id, ambition => ambition.Title);
        var perAmbition = ambitions
            .Select(ambition => new AmbitionFigures(
                ambition.Id,
                ambition.Title,
                ambition.ParentId is { } parent ? titles.GetValueOrDefault(parent) : null,
                ambition.Goals.SelectMany(goal => goal.IndicatorIds)
                    .Concat(figures.Interventions.Where(intervention => intervention.AmbitionIds.Contains(ambition.Id)).SelectMany(intervention => intervention.IndicatorIds))
                    .Distinct()
                    .Where(indicators.ContainsKey)
                    .Select(id => indicators[id])
                    .ToList()))
            .ToList();
        var linked = perAmbition.SelectMany(ambition => ambition.Indicators).Select(indicator => indicator.Id).ToHashSet();

        return new DashboardView(
            programme.Id,
            programme.Name,
            programme.Municipality,
            programme.CurrentPhase,
            programme.Cycle,
            programme.Status,
            programme.GoNoGo,
            today,
            completion.OfProgramme,
            phases,
            figures.Alliance is { } alliance ? AllianceSummary.Of(alliance, today) : null,
            figures.Contract is { } contract ? ContractSummary.Of(contract, today) : null,
            money,
            perAmbition,
            indicators.Values.Where(indicator => !linked.Contains(indicator.Id)).ToList());
    }

    /// <summary>The programmes the user may see side by side: their own, or for a Beheerder all of them.</summary>
    public async Task<Result<PortfolioView>> GetPortfolioAsync(CancellationToken cancellationToken = default)
    {
        if (await access.DenyRoleAsync(Capability.ViewDashboard) is { } denied)
        {
            return denied.As<PortfolioView>();
        }

        var user = await access.CurrentUserAsync();
        var today = clock.TodayInNetherlands();
        var totals = await ProgrammeTotals.LoadAsync(dbFactory, db => AccessGuard.VisibleProgrammes(db, user), cancellationToken);
        var rows = totals
            .Select(programme => new PortfolioRow(
                programme.Programme.Id,
                programme.Programme.Name,
                programme.Programme.Municipality,
                programme.Programme.CurrentPhase,
                programme.Programme.Cycle,
                programme.Programme.Status,
                programme.Completion,
                programme.Committed,
                programme.Spent,
                programme.Uncovered,
                programme.Trends.Count(trend => trend.IsOnTrack()),
                programme.Trends.Count(trend => trend != IndicatorTrend.Unknown),
                programme.Trends.Count))
            .ToList();
        return new PortfolioView(!AccessPolicy.NeedsMembership(user.Roles, Capability.ViewDashboard), today, rows);
    }

    /// <summary>
    /// Who signed what: the alliance's organisations of today against the checklists of the current
    /// cycle, each cell the state the checklist itself gives (signed, outdated or expected).
    /// </summary>
    public async Task<Result<SignOffMatrixView>> GetSignOffMatrixAsync(ProgrammeId programmeId, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ViewDashboard, programmeId, cancellationToken) is { } denied)
        {
            return denied.As<SignOffMatrixView>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(programme => programme.Id == programmeId, cancellationToken);
        if (programme is null)
        {
            return Result.ProgrammeNotFound().As<SignOffMatrixView>();
        }

        var today = clock.TodayInNetherlands();
        var alliance = await db.Alliances.AsNoTracking().SingleOrDefaultAsync(alliance => alliance.ProgrammeId == programmeId, cancellationToken);
        var members = alliance?.OrganisationsOn(today).ToList() ?? [];
        var names = await db.Organisations.AsNoTracking().Where(organisation => members.Contains(organisation.Id))
            .ToDictionaryAsync(organisation => organisation.Id, organisation => organisation.Name, cancellationToken);
        var partners = members
            .Select(member => new MatrixPartner(member, names.GetValueOrDefault(member) ?? "(onbekende organisatie)"))
            .OrderBy(partner => partner.Name, StringComparer.CurrentCulture)
            .ToList();
        var checklists = (await CurrentSignOffs.LoadAsync(db, [programme], cancellationToken))[programme.Id];
        var rows = ProcessModel.BuildingBlocks.Where(block => block.HasChecklist)
            .Select(block => checklists.TryGetValue(block.Code, out var checklist)
                ? new MatrixChecklist(block.Code, block.Title, block.Phase, true, partners.Select(partner => checklist.SignOffStateOf(partner.Id)).ToList())
                : new MatrixChecklist(block.Code, block.Title, block.Phase, false, []))
            .ToList();
        return new SignOffMatrixView(programme.Id, programme.Name, programme.Cycle, partners, rows);
    }

    private static IndicatorFigure Figure(IndicatorReading reading) => new(
        reading.Indicator.Id,
        reading.Indicator.Name,
        reading.Indicator.Unit,
        reading.Indicator.Direction,
        reading.Indicator.Baseline,
        reading.Latest,
        reading.Indicator.Target,
        reading.Trend);
}
