using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Organisations;

namespace Wijkaanpak.Domain.Checklists;

/// <summary>
/// A partner organisation's signature under a checklist as it stood at one content revision. Never
/// changed or removed: when an answer changes afterwards the signature is outdated (derived from
/// the revisions) and a new one is asked for; the old one stays in the history.
/// </summary>
public sealed class ChecklistSignOff
{
    public const int RemarkMaxLength = 2000;

    private ChecklistSignOff()
    {
        OrganisationName = string.Empty;
        Remark = string.Empty;
        SignedBy = null!;
    }

    internal ChecklistSignOff(OrganisationId organisationId, string organisationName, int signedRevision, string? remark, UserRef signedBy, DateTimeOffset signedAt)
        : this()
    {
        Id = Guid.CreateVersion7();
        OrganisationId = organisationId;
        OrganisationName = organisationName;
        SignedRevision = signedRevision;
        Remark = Guard.OptionalText(remark, RemarkMaxLength, "SignOffRemarkTooLong", "De opmerking");
        SignedBy = signedBy;
        SignedAt = signedAt;
    }

    public Guid Id { get; private set; }

    public OrganisationId OrganisationId { get; private set; }

    /// <summary>The organisation's name when it signed, so that the history reads as it was.</summary>
    public string OrganisationName { get; private set; }

    /// <summary>The checklist's <see cref="ProgrammeChecklist.ContentRevision"/> that was signed.</summary>
    public int SignedRevision { get; private set; }

    public string Remark { get; private set; }

    public UserRef SignedBy { get; private set; }

    public DateTimeOffset SignedAt { get; private set; }
}

/// <summary>Where an organisation stands with its signature under a checklist.</summary>
public enum SignOffState
{
    /// <summary>A member of the alliance that has not signed yet.</summary>
    Expected = 1,

    /// <summary>Signed the checklist as it stands now.</summary>
    Signed,

    /// <summary>Signed, but an answer changed since: a new signature is asked for.</summary>
    Outdated,
}

public static class SignOffStateNames
{
    public static string DisplayName(this SignOffState state) => state switch
    {
        SignOffState.Expected => "Verwacht",
        SignOffState.Signed => "Ondertekend",
        SignOffState.Outdated => "Verouderd",
        _ => state.ToString(),
    };
}

/// <summary>Who signs: the organisation and the signer's own organisation, as the service knows them.</summary>
public sealed record Signatory(UserRef User, OrganisationId? OwnOrganisationId);
