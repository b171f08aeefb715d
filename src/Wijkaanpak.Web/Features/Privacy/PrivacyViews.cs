namespace Wijkaanpak.Web.Features.Privacy;

/// <summary>
/// Everything the application holds about one person (AVG art. 15: the right of access), as one
/// JSON document. The property names are Dutch because the person reads the file.
/// </summary>
public sealed record PersonalDataExport(
    DateTimeOffset Uitgevoerd,
    AccountData Account,
    IReadOnlyList<string> Rollen,
    IReadOnlyList<MembershipData> ToegangTotProgrammas,
    IReadOnlyList<RepresentativeData> Vertegenwoordiger,
    IReadOnlyList<RecordedActsData> VastgelegdDoorDezePersoon,
    IReadOnlyList<StoryData> VerhalenVanDezePersoon,
    IReadOnlyList<SignatureData> Ondertekeningen,
    IReadOnlyList<AuditData> Audittrail);

public sealed record AccountData(
    Guid Id,
    string Naam,
    string? EMailadres,
    string? Telefoonnummer,
    string? Organisatie,
    bool Actief,
    DateTimeOffset AangemaaktOp,
    DateTimeOffset? GeblokkeerdTot,
    IReadOnlyList<string> ExterneAanmeldingen);

public sealed record MembershipData(Guid ProgrammaId, string Programma, DateTimeOffset Sinds);

public sealed record RepresentativeData(Guid Id, string Organisatie, string Naam, string Functie, string EMailadres, string Telefoonnummer, bool Actief);

/// <summary>How often the person's name was recorded as the one who did something, per kind of record.</summary>
public sealed record RecordedActsData(string Gegevens, string Rol, string NaamZoalsVastgelegd, int Aantal);

public sealed record StoryData(Guid OpgaveId, string Opgave, string Verteller, DateOnly VerteldOp, string Verhaal);

public sealed record SignatureData(string Document, string Naam, string? Functie, string? Datum);

public sealed record AuditData(DateTimeOffset Op, string Actie, string Gegevens, string Sleutel, Guid? ProgrammaId);

/// <summary>What an anonymisation replaced: counts only, never the removed values.</summary>
public sealed record AnonymisationSummary(int Representatives, int RecordedActs, int Stories);
