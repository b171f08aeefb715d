using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Domain.Financing;

/// <summary>Where money comes from (§5.5).</summary>
public enum FundingSource
{
    Rijk = 1,
    Gemeente,
    Woningcorporatie,
    OverigePartner,
    Fonds,
}

/// <summary>The national schemes a Rijk contribution comes through (§5.5).</summary>
public enum NationalScheme
{
    SpukKansrijkeWijk = 1,
    Volkshuisvestingsfonds,
    RegioDeal,
    PreventieMetGezag,
    Overig,
}

/// <summary>
/// One budget line (§5.5): money from one source for one year, regular or additional, committed
/// and spent, for one intervention or for the bureau's own costs.
/// </summary>
public sealed class BudgetLine
{
    public const int DescriptionMaxLength = 500;
    public const decimal MaxAmount = 1_000_000_000m;
    public const int EarliestYear = 2000;
    public const int LatestYear = 2100;

    private BudgetLine() => Description = string.Empty;

    public Guid Id { get; private set; }

    public ProgrammeId ProgrammeId { get; private set; }

    public FundingSource Source { get; private set; }

    /// <summary>Only for money from the Rijk.</summary>
    public NationalScheme? Scheme { get; private set; }

    /// <summary>The organisation that pays, when it is a registered one.</summary>
    public OrganisationId? FunderId { get; private set; }

    public string Description { get; private set; }

    /// <summary>True for money on top of regular budgets (the handbook's "additioneel").</summary>
    public bool IsAdditional { get; private set; }

    public int Year { get; private set; }

    public decimal Committed { get; private set; }

    public decimal Spent { get; private set; }

    /// <summary>The intervention it pays for; null for the programme bureau's own costs.</summary>
    public Guid? InterventionId { get; private set; }

    public bool IsBureauCost => InterventionId is null;

    public uint Version { get; private set; }

    public static BudgetLine Add(ProgrammeId programmeId, BudgetLineDetails details)
    {
        var line = new BudgetLine { Id = Guid.CreateVersion7(), ProgrammeId = programmeId };
        line.Change(details);
        return line;
    }

    public void Change(BudgetLineDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (!Enum.IsDefined(details.Source) || (details.Scheme is { } scheme && !Enum.IsDefined(scheme)))
        {
            throw new DomainRuleException("FundingSourceKnown", "Kies de bron van het geld.");
        }

        if (details.Source == FundingSource.Rijk && details.Scheme is null)
        {
            throw new DomainRuleException("RijkNamesItsScheme", "Kies de regeling waarmee het Rijk bijdraagt.");
        }

        if (details.Source != FundingSource.Rijk && details.Scheme is not null)
        {
            throw new DomainRuleException("SchemeOnlyForRijk", "Een regeling hoort alleen bij geld van het Rijk.");
        }

        if (details.Year is < EarliestYear or > LatestYear)
        {
            throw new DomainRuleException("BudgetYearPlausible", $"Vul een jaar tussen {EarliestYear} en {LatestYear} in.");
        }

        if (details.Committed is < 0 or > MaxAmount || details.Spent is < 0 or > MaxAmount)
        {
            throw new DomainRuleException("BudgetAmountPlausible", "Bedragen liggen tussen € 0 en € 1 miljard.");
        }

        Source = details.Source;
        Scheme = details.Scheme;
        FunderId = details.FunderId;
        Description = Guard.OptionalText(details.Description, DescriptionMaxLength, "BudgetDescriptionTooLong", "De omschrijving");
        IsAdditional = details.IsAdditional;
        Year = details.Year;
        Committed = details.Committed;
        Spent = details.Spent;
        InterventionId = details.InterventionId;
    }
}

public sealed record BudgetLineDetails(
    FundingSource Source,
    NationalScheme? Scheme,
    OrganisationId? FunderId,
    string? Description,
    bool IsAdditional,
    int Year,
    decimal Committed,
    decimal Spent,
    Guid? InterventionId);

/// <summary>Committed and spent money, summed.</summary>
public sealed record MoneyTotal(decimal Committed, decimal Spent)
{
    public static readonly MoneyTotal Zero = new(0m, 0m);

    public decimal Remaining => Committed - Spent;

    public MoneyTotal Add(BudgetLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new MoneyTotal(Committed + line.Committed, Spent + line.Spent);
    }
}

/// <summary>
/// The figures of §5.5: totals per source, per year and per ambition, and what interventions plan
/// to spend that no committed money covers yet. Derived, never stored.
/// </summary>
public static class BudgetTotals
{
    public static IReadOnlyDictionary<FundingSource, MoneyTotal> PerSource(IEnumerable<BudgetLine> lines) =>
        lines.GroupBy(line => line.Source).ToDictionary(group => group.Key, group => group.Aggregate(MoneyTotal.Zero, (total, line) => total.Add(line)));

    public static IReadOnlyDictionary<int, MoneyTotal> PerYear(IEnumerable<BudgetLine> lines) =>
        lines.GroupBy(line => line.Year).OrderBy(group => group.Key).ToDictionary(group => group.Key, group => group.Aggregate(MoneyTotal.Zero, (total, line) => total.Add(line)));

    /// <summary>
    /// Money per ambition: a line for an intervention counts for each ambition it serves, split evenly,
    /// so that the ambitions together add up to the programme's total and nothing is counted twice.
    /// </summary>
    public static IReadOnlyDictionary<Guid, MoneyTotal> PerAmbition(IEnumerable<BudgetLine> lines, IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> ambitionsOfIntervention)
    {
        ArgumentNullException.ThrowIfNull(ambitionsOfIntervention);
        var totals = new Dictionary<Guid, MoneyTotal>();
        foreach (var line in lines.Where(line => line.InterventionId is not null))
        {
            if (!ambitionsOfIntervention.TryGetValue(line.InterventionId!.Value, out var ambitions) || ambitions.Count == 0)
            {
                continue;
            }

            var share = new MoneyTotal(line.Committed / ambitions.Count, line.Spent / ambitions.Count);
            foreach (var ambition in ambitions)
            {
                var current = totals.GetValueOrDefault(ambition, MoneyTotal.Zero);
                totals[ambition] = new MoneyTotal(current.Committed + share.Committed, current.Spent + share.Spent);
            }
        }

        return totals;
    }

    /// <summary>Per intervention: its budget minus the money committed to it, where that is positive.</summary>
    public static IReadOnlyDictionary<Guid, decimal> Uncovered(IEnumerable<BudgetLine> lines, IReadOnlyDictionary<Guid, decimal> budgetOfIntervention)
    {
        ArgumentNullException.ThrowIfNull(budgetOfIntervention);
        var committed = lines.Where(line => line.InterventionId is not null)
            .GroupBy(line => line.InterventionId!.Value)
            .ToDictionary(group => group.Key, group => group.Sum(line => line.Committed));
        return budgetOfIntervention
            .Select(pair => (pair.Key, Gap: pair.Value - committed.GetValueOrDefault(pair.Key)))
            .Where(item => item.Gap > 0)
            .ToDictionary(item => item.Key, item => item.Gap);
    }
}

public static class FundingNames
{
    public static string DisplayName(this FundingSource source) => source switch
    {
        FundingSource.Rijk => "Rijk",
        FundingSource.Gemeente => "Gemeente",
        FundingSource.Woningcorporatie => "Woningcorporatie",
        FundingSource.OverigePartner => "Andere partner",
        FundingSource.Fonds => "Fonds",
        _ => source.ToString(),
    };

    public static string DisplayName(this NationalScheme scheme) => scheme switch
    {
        NationalScheme.SpukKansrijkeWijk => "SPUK Kansrijke Wijk",
        NationalScheme.Volkshuisvestingsfonds => "Volkshuisvestingsfonds",
        NationalScheme.RegioDeal => "Regio Deal",
        NationalScheme.PreventieMetGezag => "Preventie met gezag",
        NationalScheme.Overig => "Andere rijksregeling",
        _ => scheme.ToString(),
    };
}
