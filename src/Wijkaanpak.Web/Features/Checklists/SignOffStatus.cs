using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Web.Features.Checklists;

/// <summary>
/// Builds the sign-off view of one checklist for every feature operation that shows it (reading,
/// answering, signing). The states come from the checklist itself (<see cref="ProgrammeChecklist.SignOffStateOf"/>),
/// so the page and the domain never disagree about what is outdated.
/// </summary>
internal static class SignOffStatus
{
    // checklist: with its answers and sign-offs loaded; null when it has not been started.
    // isOpen: false for a checklist that is only readable (earlier cycle, closed).
    // maySign: whether the user's role and membership allow signing on this programme.
    public static async Task<SignOffsView> OfAsync(
        WijkaanpakDbContext db,
        ProgrammeId programmeId,
        ProgrammeChecklist? checklist,
        bool isOpen,
        CurrentUser user,
        bool maySign,
        DateOnly today,
        CancellationToken cancellationToken)
    {
        var alliance = await db.Alliances.AsNoTracking().SingleOrDefaultAsync(alliance => alliance.ProgrammeId == programmeId, cancellationToken);
        var members = alliance?.OrganisationsOn(today) ?? new HashSet<OrganisationId>();
        OrganisationId? own = user.OrganisationId is { } organisationId ? new OrganisationId(organisationId) : null;
        var wanted = members.Concat(own is { } ownId ? [ownId] : []).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking()
            .Where(organisation => wanted.Contains(organisation.Id))
            .ToDictionaryAsync(organisation => organisation.Id, organisation => organisation.Name, cancellationToken);

        var organisations = members
            .Select(member =>
            {
                var latest = checklist?.LatestSignOffOf(member);
                return new OrganisationSignOffView(
                    member,
                    names.GetValueOrDefault(member) ?? latest?.OrganisationName ?? "(onbekende organisatie)",
                    checklist?.SignOffStateOf(member) ?? SignOffState.Expected,
                    latest?.SignedBy.DisplayName,
                    latest?.SignedAt,
                    latest?.Remark);
            })
            .OrderBy(organisation => organisation.OrganisationName, StringComparer.CurrentCulture)
            .ToList();
        var history = checklist is null
            ? []
            : checklist.SignOffs
                .OrderByDescending(signOff => signOff.SignedAt)
                .Select(signOff => new SignOffHistoryView(signOff.OrganisationName, signOff.SignedBy.DisplayName, signOff.SignedAt, signOff.Remark, checklist.IsOutdated(signOff)))
                .ToList();

        var hasAnswers = checklist?.Answers.Count > 0;
        string? signAs = null;
        string? cannotSign = null;
        if (maySign && isOpen)
        {
            var ownName = own is { } ownOrganisation ? names.GetValueOrDefault(ownOrganisation) : null;
            if (ownName is null)
            {
                cannotSign = "Uw account hoort niet bij een organisatie uit het register. Vraag functioneel beheer om dat vast te leggen; daarna kunt u aftekenen.";
            }
            else if (!members.Contains(own!.Value))
            {
                cannotSign = $"{ownName} neemt nu geen deel aan de alliantie van dit programma en tekent daarom niet af.";
            }
            else if (hasAnswers && checklist!.SignOffStateOf(own.Value) != SignOffState.Signed)
            {
                signAs = ownName;
            }
        }

        return new SignOffsView(checklist?.ContentRevision ?? 0, organisations, history)
        {
            HasAnswers = hasAnswers,
            SignAs = signAs,
            CannotSignReason = cannotSign,
        };
    }
}
