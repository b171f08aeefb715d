namespace Wijkaanpak.Domain.Access;

/// <summary>What a user may do; every service operation names the capability it needs.</summary>
public enum Capability
{
    ViewProgramme = 1,
    CreateProgramme,
    EditProgramme,
    ViewHistory,
    AnswerChecklist,
    SignChecklist,
    ViewDashboard,
    ManageUsers,
    ManageOrganisations,
    ManageTemplates,

    /// <summary>Record the own organisation's commitment and board signature in the lokaal contract.</summary>
    RecordCommitment,

    /// <summary>Record that the board adopted a yearly progress report, which freezes it (§6.4).</summary>
    AdoptReport,
}
