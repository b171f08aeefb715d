using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Organisations;

namespace Wijkaanpak.Domain.Contracts;

/// <summary>What one party commits in a version of the contract: money per year, people, other capacity.</summary>
public sealed class ContractCommitment
{
    public const int OtherCapacityMaxLength = 2000;
    public const decimal MaxEurosPerYear = 10_000_000_000m;
    public const decimal MaxFte = 10_000m;

    /// <summary>Fte is written with at most two decimals (0,25 fte is a day a week, give or take).</summary>
    public const int FteDecimals = 2;
    public const int EarliestYear = 2000;
    public const int LatestYear = 2100;

    private ContractCommitment()
    {
        OrganisationName = string.Empty;
        OtherCapacity = string.Empty;
        Amounts = [];
    }

    public OrganisationId OrganisationId { get; private set; }

    public string OrganisationName { get; private set; }

    public List<YearlyAmount> Amounts { get; private set; }

    public decimal Fte { get; private set; }

    public string OtherCapacity { get; private set; }

    public decimal TotalEuros => Amounts.Sum(amount => amount.Euros);

    internal static ContractCommitment From(CommitmentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Fte is < 0 or > MaxFte)
        {
            throw new DomainRuleException("CommitmentFtePlausible", $"Vul een aantal fte tussen 0 en {MaxFte:N0} in.");
        }

        foreach (var amount in input.Amounts)
        {
            if (amount.Year is < EarliestYear or > LatestYear)
            {
                throw new DomainRuleException("CommitmentYearPlausible", $"Vul een jaar tussen {EarliestYear} en {LatestYear} in.");
            }

            if (amount.Euros is < 0 or > MaxEurosPerYear)
            {
                throw new DomainRuleException("CommitmentAmountPlausible", "Een bedrag per jaar ligt tussen € 0 en € 10 miljard.");
            }
        }

        if (input.Amounts.GroupBy(amount => amount.Year).Any(year => year.Count() > 1))
        {
            throw new DomainRuleException("CommitmentOneAmountPerYear", "Vul per jaar één bedrag in.");
        }

        return new ContractCommitment
        {
            OrganisationId = input.OrganisationId,
            OrganisationName = Guard.RequiredText(input.OrganisationName, Organisation.NameMaxLength, "CommitmentOrganisationRequired", "De organisatie"),
            Amounts = input.Amounts.OrderBy(amount => amount.Year).ToList(),
            Fte = input.Fte,
            OtherCapacity = Guard.OptionalText(input.OtherCapacity, OtherCapacityMaxLength, "CommitmentCapacityTooLong", "De overige inzet"),
        };
    }
}

/// <summary>A party's board member signed the version on a date; recorded by a user of the app.</summary>
public sealed class ContractSignature
{
    public const int SignatoryMaxLength = 200;

    private ContractSignature()
    {
        SignatoryName = string.Empty;
        SignatoryFunction = string.Empty;
        RecordedBy = null!;
    }

    public OrganisationId OrganisationId { get; private set; }

    public string SignatoryName { get; private set; }

    public string SignatoryFunction { get; private set; }

    public DateOnly SignedOn { get; private set; }

    public UserRef RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    internal static ContractSignature From(ContractSignatureInput input, UserRef recordedBy, DateTimeOffset now) => new()
    {
        OrganisationId = input.OrganisationId,
        SignatoryName = Guard.RequiredText(input.SignatoryName, SignatoryMaxLength, "SignatoryNameRequired", "De naam van de ondertekenaar"),
        SignatoryFunction = Guard.OptionalText(input.SignatoryFunction, SignatoryMaxLength, "SignatoryFunctionTooLong", "De functie van de ondertekenaar"),
        SignedOn = input.SignedOn,
        RecordedBy = recordedBy,
        RecordedAt = now,
    };
}
