using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Contracts;
using Wijkaanpak.Domain.Execution;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Process;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Web.Features.Dashboards;

/// <summary>
/// The programme bureau's worklist: across the programmes the user works on, what waits for them
/// (a go/no-go to take, a contract evaluation, open checklist questions, signatures, recent
/// measurements, interventions whose status has not been looked at for a while), each with the page
/// where it is done.
/// </summary>
public sealed class WorklistService(IDbContextFactory<WijkaanpakDbContext> dbFactory, AccessGuard access, TimeProvider clock)
{
    /// <summary>An intervention under way whose status nobody touched for this long is worth a look.</summary>
    public const int StaleAfterMonths = 6;

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public async Task<Result<WorklistView>> GetWorklistAsync(CancellationToken cancellationToken = default)
    {
        if (await access.DenyRoleAsync(Capability.EditProgramme) is { } denied)
        {
            return denied.As<WorklistView>();
        }

        var user = await access.CurrentUserAsync();
        var today = clock.TodayInNetherlands();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var figures = await ProgrammeFigures.LoadAsync(db, AccessGuard.VisibleProgrammes(db, user), cancellationToken);
        var signable = await CurrentSignOffs.LoadAsync(db, figures.Select(programme => programme.Programme).ToList(), cancellationToken);
        var members = figures.ToDictionary(
            programme => programme.Programme.Id,
            programme => programme.Alliance?.OrganisationsOn(today) ?? new HashSet<OrganisationId>());
        var organisationIds = members.Values.SelectMany(set => set).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(organisation => organisationIds.Contains(organisation.Id))
            .ToDictionaryAsync(organisation => organisation.Id, organisation => organisation.Name, cancellationToken);

        var programmes = figures
            .Select(programme => new WorklistProgramme(
                programme.Programme.Id,
                programme.Programme.Name,
                ItemsOf(programme, signable[programme.Programme.Id], members[programme.Programme.Id], names, today).ToList()))
            .Where(programme => programme.Items.Count > 0)
            .ToList();
        return new WorklistView(today, StaleAfterMonths, programmes);
    }

    private static IEnumerable<WorkItem> ItemsOf(
        ProgrammeFigures figures,
        IReadOnlyDictionary<string, ProgrammeChecklist> signable,
        IReadOnlySet<OrganisationId> members,
        Dictionary<OrganisationId, string> names,
        DateOnly today)
    {
        var programme = figures.Programme;
        var root = $"/programmas/{programme.Id}";
        if (programme.Status == ProgrammeStatus.Active && programme.CurrentPhase == Phase.Orienteren && programme.GoNoGo is null)
        {
            yield return new WorkItem(WorkKind.PendingDecision, "Go/no-go-besluit", "De oriëntatie loopt; het besluit of de wijkaanpak doorgaat is nog niet genomen.", $"{root}/go-no-go");
        }

        if (figures.Contract?.InForce is { } contract && contract.EvaluationWarningOn(today) is not EvaluationWarning.None and var warning)
        {
            var due = contract.EvaluationDue!.Value.ToString("d MMMM yyyy", Dutch);
            yield return new WorkItem(
                WorkKind.ContractEvaluation,
                $"Lokaal contract versie {contract.Number}",
                warning == EvaluationWarning.Overdue ? $"De evaluatie is over tijd (gepland op {due})." : $"De evaluatie komt eraan (gepland op {due}).",
                $"{root}/contract");
        }

        // Open questions of the blocks up to the current phase: later phases are not due yet.
        foreach (var block in ProcessModel.BuildingBlocks.Where(block => block.HasChecklist && block.Phase <= programme.CurrentPhase))
        {
            var completion = figures.Blocks[block.Code].Completion;
            if (completion.Open > 0)
            {
                yield return new WorkItem(
                    WorkKind.OpenQuestions,
                    $"{block.Code} {block.Title}",
                    completion.Open == 1 ? $"1 van de {completion.Total} vragen is nog open." : $"{completion.Open} van de {completion.Total} vragen zijn nog open.",
                    $"{root}/checklists/{block.Code}");
            }
        }

        foreach (var block in ProcessModel.BuildingBlocks.Where(block => signable.ContainsKey(block.Code)))
        {
            var checklist = signable[block.Code];
            var waiting = members
                .Select(member => (Name: names.GetValueOrDefault(member) ?? "(onbekende organisatie)", State: checklist.SignOffStateOf(member)))
                .Where(member => member.State != SignOffState.Signed)
                .OrderBy(member => member.Name, StringComparer.CurrentCulture)
                .ToList();
            if (waiting.Count > 0)
            {
                yield return new WorkItem(
                    WorkKind.Signatures,
                    $"{block.Code} {block.Title}",
                    "Wacht op ondertekening door " + string.Join(", ", waiting.Select(member => $"{member.Name} ({member.State.DisplayName().ToLowerInvariant()})")) + ".",
                    $"{root}/checklists/{block.Code}");
            }
        }

        var recentFrom = Indicator.OldestRecentYear(today.Year);
        foreach (var reading in figures.Indicators.Where(reading => Indicator.IsBehind(reading.Latest, today.Year)))
        {
            yield return new WorkItem(
                WorkKind.MissingMeasurement,
                reading.Indicator.Name,
                reading.Latest is { } latest ? $"Geen meting over {recentFrom} of later; de laatste is van {latest.Year}." : "Nog geen enkele meting.",
                $"{root}/indicatoren/{reading.Indicator.Id.Value}");
        }

        var staleBefore = today.AddMonths(-StaleAfterMonths);
        foreach (var intervention in figures.Interventions.Where(intervention =>
            intervention.Status is InterventionStatus.Gepland or InterventionStatus.Lopend or InterventionStatus.Bijgesteld
            && intervention.LastStatusChangeOn < staleBefore))
        {
            yield return new WorkItem(
                WorkKind.StaleIntervention,
                intervention.Title,
                $"Status '{intervention.Status.DisplayName().ToLowerInvariant()}' sinds {intervention.LastStatusChangeOn.ToString("d MMMM yyyy", Dutch)}: klopt die nog?",
                $"{root}/uitvoering");
        }
    }
}
