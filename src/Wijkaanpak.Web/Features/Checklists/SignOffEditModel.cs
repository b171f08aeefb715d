using FluentValidation;
using Wijkaanpak.Domain.Checklists;

namespace Wijkaanpak.Web.Features.Checklists;

/// <summary>A signature being given: the optional remark and the content revision the signer was shown.</summary>
public sealed class SignOffEditModel
{
    public const string RemarkLabel = "Opmerking (niet verplicht)";

    public string Remark { get; set; } = string.Empty;

    /// <summary>The checklist's content revision on the page; a signature never covers answers the signer did not see.</summary>
    public int ReviewedRevision { get; set; }
}

public sealed class SignOffEditModelValidator : AbstractValidator<SignOffEditModel>
{
    public SignOffEditModelValidator()
    {
        RuleFor(model => model.Remark)
            .MaximumLength(ChecklistSignOff.RemarkMaxLength)
            .WithMessage($"De opmerking mag hoogstens {ChecklistSignOff.RemarkMaxLength} tekens hebben.");
    }
}
