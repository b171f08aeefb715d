namespace Wijkaanpak.Domain.Access;

/// <summary>
/// Who may do what: the role × capability matrix, and whether the capability is limited to the
/// programmes the user is a member of. The service layer applies it on every operation.
/// </summary>
public static class AccessPolicy
{
    private static readonly Dictionary<Role, HashSet<Capability>> Granted = new()
    {
        // The Beheerder oversees and administers; programmes are created and run by the bureau that owns them.
        [Role.Beheerder] =
        [
            Capability.ViewProgramme, Capability.ViewHistory, Capability.ViewDashboard,
            Capability.ManageUsers, Capability.ManageOrganisations, Capability.ManageTemplates,
        ],
        [Role.Programmabureau] =
        [
            Capability.ViewProgramme, Capability.CreateProgramme, Capability.EditProgramme, Capability.ViewHistory,
            Capability.AnswerChecklist, Capability.ViewDashboard, Capability.RecordCommitment, Capability.AdoptReport,
        ],
        [Role.Alliantiepartner] =
        [
            Capability.ViewProgramme, Capability.AnswerChecklist, Capability.SignChecklist, Capability.ViewDashboard, Capability.RecordCommitment,
        ],
        [Role.Raadslid] = [Capability.ViewProgramme, Capability.ViewDashboard],
    };

    // Capabilities that concern the application as a whole, not one programme.
    private static readonly HashSet<Capability> ApplicationWide =
    [
        Capability.CreateProgramme, Capability.ManageUsers, Capability.ManageOrganisations, Capability.ManageTemplates,
    ];

    public static bool Allows(IEnumerable<Role> roles, Capability capability) =>
        roles.Any(role => Granted.TryGetValue(role, out var capabilities) && capabilities.Contains(capability));

    /// <summary>
    /// True when the capability on a programme needs membership of that programme. A Beheerder
    /// oversees all programmes (the national overview) without being a member.
    /// </summary>
    public static bool NeedsMembership(IEnumerable<Role> roles, Capability capability) =>
        !ApplicationWide.Contains(capability) && !roles.Any(role => role == Role.Beheerder && Granted[role].Contains(capability));

    /// <summary>The whole decision for an operation on one programme (or on none, for application-wide ones).</summary>
    public static bool Permits(IReadOnlyCollection<Role> roles, Capability capability, bool isMemberOfProgramme) =>
        Allows(roles, capability) && (isMemberOfProgramme || !NeedsMembership(roles, capability));

    public static IReadOnlySet<Capability> CapabilitiesOf(Role role) => Granted[role];
}
