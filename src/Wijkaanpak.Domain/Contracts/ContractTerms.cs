namespace Wijkaanpak.Domain.Contracts;

public readonly record struct LocalContractId(Guid Value)
{
    public static LocalContractId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>The form the parties give their agreement (§5.3).</summary>
public enum ContractKind
{
    Contract = 1,
    Convenant,
    Pact,
    Intentieverklaring,
}

/// <summary>Where a version of the lokaal contract stands.</summary>
public enum ContractVersionStatus
{
    /// <summary>Being written; parties and their commitments can still change.</summary>
    Concept = 1,

    /// <summary>Signed by every party; frozen.</summary>
    Ondertekend,

    /// <summary>Signed once, since replaced by a newer signed version; frozen.</summary>
    Herzien,
}

/// <summary>How close the evaluation of the signed contract is.</summary>
public enum EvaluationWarning
{
    None = 0,

    /// <summary>Within half a year.</summary>
    Near,

    Overdue,
}

/// <summary>The four parts of a lokaal contract (§5.3).</summary>
public sealed record ContractSections(string? Principles, string? AmbitionsAndPriorities, string? FinancialAgreements, string? ProcessDirection)
{
    public static readonly ContractSections Empty = new(null, null, null, null);
}

/// <summary>An amount of money a party commits for one calendar year.</summary>
public sealed record YearlyAmount(int Year, decimal Euros);

/// <summary>What a user fills in for a party's commitment.</summary>
public sealed record CommitmentInput(
    Organisations.OrganisationId OrganisationId,
    string OrganisationName,
    IReadOnlyList<YearlyAmount> Amounts,
    decimal Fte,
    string? OtherCapacity);

/// <summary>What a user fills in when a party's board member has signed.</summary>
public sealed record ContractSignatureInput(Organisations.OrganisationId OrganisationId, string SignatoryName, string? SignatoryFunction, DateOnly SignedOn);

public static class ContractNames
{
    public static string DisplayName(this ContractKind kind) => kind switch
    {
        ContractKind.Contract => "Contract",
        ContractKind.Convenant => "Convenant",
        ContractKind.Pact => "Pact",
        ContractKind.Intentieverklaring => "Intentieverklaring",
        _ => kind.ToString(),
    };

    public static string DisplayName(this ContractVersionStatus status) => status switch
    {
        ContractVersionStatus.Concept => "Concept",
        ContractVersionStatus.Ondertekend => "Ondertekend",
        ContractVersionStatus.Herzien => "Herzien",
        _ => status.ToString(),
    };
}
