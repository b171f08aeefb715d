using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Domain.Inventories;

/// <summary>How a policy line works in the area (§4.3).</summary>
public enum PolicyKind
{
    Regulier = 1,
    GebiedsgerichtWerken,
    Opgavegericht,
    GebiedsgerichtBeleid,
}

/// <summary>At which scale a policy line is made.</summary>
public enum PolicyScale
{
    Nationaal = 1,
    Regionaal,
    Lokaal,
    Wijk,
}

/// <summary>
/// One entry of the policy inventory (§4.3): a policy line that lands or landed in the area, with
/// its period (the last 10-15 years count too) and what it achieved so far.
/// </summary>
public sealed class PolicyLine
{
    public const int TitleMaxLength = 200;
    public const int OwnerMaxLength = 200;
    public const int OutcomeMaxLength = 4000;
    public const int EarliestYear = 1950;
    public const int LatestYear = 2100;

    private PolicyLine()
    {
        Title = string.Empty;
        Owner = string.Empty;
        OutcomeSoFar = string.Empty;
    }

    public Guid Id { get; private set; }

    public ProgrammeId ProgrammeId { get; private set; }

    public string Title { get; private set; }

    public PolicyKind Kind { get; private set; }

    public PolicyScale Scale { get; private set; }

    public int FromYear { get; private set; }

    /// <summary>Null while the policy runs.</summary>
    public int? UntilYear { get; private set; }

    /// <summary>Who owns the policy: a ministry, a department, a partner.</summary>
    public string Owner { get; private set; }

    public string OutcomeSoFar { get; private set; }

    public uint Version { get; private set; }

    public static PolicyLine Add(ProgrammeId programmeId, PolicyLineDetails details)
    {
        var line = new PolicyLine { Id = Guid.CreateVersion7(), ProgrammeId = programmeId };
        line.Change(details);
        return line;
    }

    public void Change(PolicyLineDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (!Enum.IsDefined(details.Kind) || !Enum.IsDefined(details.Scale))
        {
            throw new DomainRuleException("PolicyKindAndScaleKnown", "Kies het soort beleid en de schaal.");
        }

        if (details.FromYear is < EarliestYear or > LatestYear || details.UntilYear is < EarliestYear or > LatestYear)
        {
            throw new DomainRuleException("PolicyYearsPlausible", $"Vul jaren tussen {EarliestYear} en {LatestYear} in.");
        }

        if (details.UntilYear < details.FromYear)
        {
            throw new DomainRuleException("PolicyEndsAfterStart", "Het eindjaar ligt vóór het beginjaar.");
        }

        Title = Guard.RequiredText(details.Title, TitleMaxLength, "PolicyTitleRequired", "De naam van het beleid");
        Kind = details.Kind;
        Scale = details.Scale;
        FromYear = details.FromYear;
        UntilYear = details.UntilYear;
        Owner = Guard.OptionalText(details.Owner, OwnerMaxLength, "PolicyOwnerTooLong", "De eigenaar");
        OutcomeSoFar = Guard.OptionalText(details.OutcomeSoFar, OutcomeMaxLength, "PolicyOutcomeTooLong", "De opbrengst tot nu toe");
    }
}

public sealed record PolicyLineDetails(string Title, PolicyKind Kind, PolicyScale Scale, int FromYear, int? UntilYear, string? Owner, string? OutcomeSoFar);

public static class InventoryNames
{
    public static string DisplayName(this StakeholderKind kind) => kind switch
    {
        StakeholderKind.Organisatie => "Organisatie",
        StakeholderKind.Vereniging => "Vereniging",
        StakeholderKind.InformeelInitiatief => "Informeel initiatief",
        StakeholderKind.Participatiekanaal => "Participatiekanaal",
        StakeholderKind.Sleutelpersoon => "Sleutelpersoon",
        _ => kind.ToString(),
    };

    public static string DisplayName(this PolicyKind kind) => kind switch
    {
        PolicyKind.Regulier => "Regulier beleid",
        PolicyKind.GebiedsgerichtWerken => "Gebiedsgericht werken",
        PolicyKind.Opgavegericht => "Opgavegericht werken",
        PolicyKind.GebiedsgerichtBeleid => "Gebiedsgericht beleid",
        _ => kind.ToString(),
    };

    public static string DisplayName(this PolicyScale scale) => scale switch
    {
        PolicyScale.Nationaal => "Nationaal",
        PolicyScale.Regionaal => "Regionaal",
        PolicyScale.Lokaal => "Lokaal",
        PolicyScale.Wijk => "Wijk",
        _ => scale.ToString(),
    };
}
