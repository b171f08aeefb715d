namespace Wijkaanpak.Domain.Access;

/// <summary>The four roles of the application; the names are stored as Identity role names.</summary>
public enum Role
{
    /// <summary>Functioneel beheer: users, organisations, checklist templates; sees every programme.</summary>
    Beheerder = 1,

    /// <summary>Staff of the programme bureau: run the programmes they are a member of.</summary>
    Programmabureau = 2,

    /// <summary>A partner's representative: reads, answers and signs for their own organisation.</summary>
    Alliantiepartner = 3,

    /// <summary>A councillor: reads dashboards and programmes, changes nothing.</summary>
    Raadslid = 4,
}
