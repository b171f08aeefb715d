using FluentValidation;
using Wijkaanpak.Domain.Contracts;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Web.Shared;

namespace Wijkaanpak.Web.Features.Contracts;

/// <summary>
/// A form that changes the lokaal contract carries the contract's row version it was opened with, so
/// that a change someone else saved meanwhile is reported instead of overwritten.
/// </summary>
public interface IContractEdit
{
    uint Version { get; set; }
}

/// <summary>The form, title, the four parts and the evaluation term of a concept (§5.3).</summary>
public sealed class ContractDraftEditModel : IContractEdit
{
    /// <summary>The form's labels, for the differences shown after a conflict.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [nameof(Kind)] = "Vorm",
        [nameof(Title)] = "Titel",
        [nameof(Principles)] = "Uitgangspunten",
        [nameof(AmbitionsAndPriorities)] = "Ambities en prioriteiten",
        [nameof(FinancialAgreements)] = "Financiële afspraken",
        [nameof(ProcessDirection)] = "Procesregie",
        [nameof(EvaluateAfterYears)] = "Evaluatie na (jaren)",
    };

    public uint Version { get; set; }

    public ContractKind? Kind { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Principles { get; set; } = string.Empty;

    public string AmbitionsAndPriorities { get; set; } = string.Empty;

    public string FinancialAgreements { get; set; } = string.Empty;

    public string ProcessDirection { get; set; } = string.Empty;

    public int EvaluateAfterYears { get; set; } = ContractVersion.EvaluationMaxYears;

    public ContractSections Sections => new(Principles, AmbitionsAndPriorities, FinancialAgreements, ProcessDirection);
}

public sealed class ContractDraftEditModelValidator : AbstractValidator<ContractDraftEditModel>
{
    public ContractDraftEditModelValidator()
    {
        RuleFor(model => model.Kind).NotNull().WithMessage("Kies de vorm: contract, convenant, pact of intentieverklaring.");
        RuleFor(model => model.Title)
            .Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage("Geef het contract een titel.")
            .MaximumLength(ContractVersion.TitleMaxLength).WithMessage($"Hoogstens {ContractVersion.TitleMaxLength} tekens.");
        foreach (var section in new System.Linq.Expressions.Expression<Func<ContractDraftEditModel, string>>[]
        {
            model => model.Principles, model => model.AmbitionsAndPriorities, model => model.FinancialAgreements, model => model.ProcessDirection,
        })
        {
            RuleFor(section).MaximumLength(ContractVersion.SectionMaxLength).WithMessage($"Hoogstens {ContractVersion.SectionMaxLength:N0} tekens.");
        }

        RuleFor(model => model.EvaluateAfterYears)
            .InclusiveBetween(ContractVersion.EvaluationMinYears, ContractVersion.EvaluationMaxYears)
            .WithMessage("Kies evaluatie na 3 of na 4 jaar.");
    }
}

/// <summary>One party's commitment: money per calendar year, fte and other capacity.</summary>
public sealed class CommitmentEditModel : IContractEdit
{
    /// <summary>The form's labels, for the differences shown after a conflict; the amounts count as one field.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [nameof(Amounts)] = "Bedragen per jaar",
        [nameof(Fte)] = "Fte",
        [nameof(OtherCapacity)] = "Overige inzet",
    };

    public uint Version { get; set; }

    public Guid? OrganisationId { get; set; }

    public List<YearlyAmountEditModel> Amounts { get; set; } = [];

    public decimal? Fte { get; set; } = 0;

    public string OtherCapacity { get; set; } = string.Empty;
}

public sealed class YearlyAmountEditModel
{
    public int? Year { get; set; }

    public decimal? Euros { get; set; }
}

public sealed class CommitmentEditModelValidator : AbstractValidator<CommitmentEditModel>
{
    public CommitmentEditModelValidator()
    {
        RuleFor(model => model.OrganisationId).NotNull().WithMessage("Kies de organisatie.");
        RuleFor(model => model.Fte)
            .NotNull().WithMessage("Vul het aantal fte in (0 als de partij geen mensen inzet).")
            .PrecisionScale(20, ContractCommitment.FteDecimals, ignoreTrailingZeros: true)
            .WithMessage($"Vul het aantal fte in met hoogstens {ContractCommitment.FteDecimals} cijfers achter de komma.")
            .InclusiveBetween(0, ContractCommitment.MaxFte).WithMessage($"Vul een aantal fte tussen 0 en {ContractCommitment.MaxFte:N0} in.");
        RuleFor(model => model.OtherCapacity)
            .MaximumLength(ContractCommitment.OtherCapacityMaxLength).WithMessage($"Hoogstens {ContractCommitment.OtherCapacityMaxLength} tekens.");
        RuleForEach(model => model.Amounts).ChildRules(amount =>
        {
            amount.RuleFor(row => row.Year)
                .NotNull().WithMessage("Vul het jaar in.")
                .InclusiveBetween(ContractCommitment.EarliestYear, ContractCommitment.LatestYear)
                .WithMessage($"Vul een jaar tussen {ContractCommitment.EarliestYear} en {ContractCommitment.LatestYear} in.");
            amount.RuleFor(row => row.Euros)
                .NotNull().WithMessage("Vul het bedrag in.")
                .InclusiveBetween(0, ContractCommitment.MaxEurosPerYear).WithMessage("Een bedrag per jaar ligt tussen € 0 en € 10 miljard.")
                .Cents();
        });
        RuleFor(model => model.Amounts)
            .Must(amounts => amounts.Where(amount => amount.Year is not null).GroupBy(amount => amount.Year).All(year => year.Count() == 1))
            .WithMessage("Vul per jaar één bedrag in.");
    }
}

/// <summary>A party's board member signed this version on a date.</summary>
public sealed class SignatureEditModel : IContractEdit
{
    public uint Version { get; set; }

    public Guid? OrganisationId { get; set; }

    public string SignatoryName { get; set; } = string.Empty;

    public string SignatoryFunction { get; set; } = string.Empty;

    public DateTime? SignedOn { get; set; }

    public ContractSignatureInput ToInput() =>
        new(new OrganisationId(OrganisationId!.Value), SignatoryName, SignatoryFunction, DateOnly.FromDateTime(SignedOn!.Value));
}

public sealed class SignatureEditModelValidator : AbstractValidator<SignatureEditModel>
{
    public SignatureEditModelValidator()
    {
        RuleFor(model => model.OrganisationId).NotNull().WithMessage("Kies de partij die heeft ondertekend.");
        RuleFor(model => model.SignatoryName)
            .Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage("Vul de naam van de ondertekenaar in.")
            .MaximumLength(ContractSignature.SignatoryMaxLength).WithMessage($"Hoogstens {ContractSignature.SignatoryMaxLength} tekens.");
        RuleFor(model => model.SignatoryFunction)
            .MaximumLength(ContractSignature.SignatoryMaxLength).WithMessage($"Hoogstens {ContractSignature.SignatoryMaxLength} tekens.");
        RuleFor(model => model.SignedOn).NotNull().WithMessage("Vul de datum van ondertekening in.");
    }
}

/// <summary>A revision of the version in force: a new concept, with the reason.</summary>
public sealed class RevisionEditModel : IContractEdit
{
    public uint Version { get; set; }

    public string Reason { get; set; } = string.Empty;
}

public sealed class RevisionEditModelValidator : AbstractValidator<RevisionEditModel>
{
    public RevisionEditModelValidator()
    {
        RuleFor(model => model.Reason)
            .Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage("Geef de reden van de herziening.")
            .MaximumLength(ContractVersion.ChangeNoteMaxLength).WithMessage($"Hoogstens {ContractVersion.ChangeNoteMaxLength} tekens.");
    }
}
