using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Web.Features.Programmes;

/// <summary>What the programme form holds while someone types; checked by <see cref="ProgrammeEditModelValidator"/>.</summary>
public sealed class ProgrammeEditModel
{
    /// <summary>The Dutch field labels, as the form shows them; also used to describe an edit conflict.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [nameof(Name)] = "Naam van het programma",
        [nameof(Municipality)] = "Gemeente",
        [nameof(AreaCodes)] = "Gebieden (CBS-codes)",
        [nameof(Urgency)] = "Soort urgentie",
        [nameof(StartDate)] = "Startdatum",
        [nameof(HorizonYears)] = "Looptijd in jaren",
        [nameof(Description)] = "Korte omschrijving",
    };

    public string Name { get; set; } = string.Empty;

    public string Municipality { get; set; } = string.Empty;

    /// <summary>CBS codes separated by commas, semicolons or spaces, as people paste them.</summary>
    public string AreaCodes { get; set; } = string.Empty;

    public UrgencyKind? Urgency { get; set; }

    public DateTime? StartDate { get; set; }

    public int? HorizonYears { get; set; } = 15;

    public string Description { get; set; } = string.Empty;

    /// <summary>The row version this edit started from; a save against a newer one is a conflict.</summary>
    public uint Version { get; set; }

    /// <summary>Room for the most codes a programme may have, each with a separator ("BU03630101, ").</summary>
    public const int AreaCodesMaxLength = Programme.MaxAreaCodes * 12;

    public IReadOnlyList<string> AreaCodeList() =>
        AreaCodes.Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Only called after validation passed: every nullable field has a value then.</summary>
    public ProgrammeDetails ToDetails() => new(
        Name,
        Municipality,
        AreaCodeList(),
        Urgency!.Value,
        DateOnly.FromDateTime(StartDate!.Value),
        HorizonYears!.Value,
        Description);

    public static ProgrammeEditModel From(Programme programme) => new()
    {
        Name = programme.Name,
        Municipality = programme.Municipality,
        AreaCodes = string.Join(", ", programme.AreaCodes.Select(code => code.Value)),
        Urgency = programme.Urgency,
        StartDate = programme.StartDate.ToDateTime(TimeOnly.MinValue),
        HorizonYears = programme.HorizonYears,
        Description = programme.Description,
        Version = programme.Version,
    };
}
