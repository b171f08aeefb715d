using FluentValidation;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Shared;

namespace Wijkaanpak.Web.Features.Programmes;

public sealed class ProgrammeEditModelValidator : AbstractValidator<ProgrammeEditModel>
{
    public ProgrammeEditModelValidator(TimeProvider clock)
    {
        RuleFor(model => model.Name)
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("Vul de naam van het programma in.")
            .MaximumLength(Programme.NameMaxLength).WithMessage($"De naam mag hoogstens {Programme.NameMaxLength} tekens hebben.");

        RuleFor(model => model.Municipality)
            .Must(municipality => !string.IsNullOrWhiteSpace(municipality)).WithMessage("Vul de gemeente in.")
            .MaximumLength(Programme.MunicipalityMaxLength).WithMessage($"De gemeente mag hoogstens {Programme.MunicipalityMaxLength} tekens hebben.");

        RuleFor(model => model.AreaCodes)
            .MaximumLength(ProgrammeEditModel.AreaCodesMaxLength)
            .WithMessage($"Hoogstens {ProgrammeEditModel.AreaCodesMaxLength} tekens: een programma heeft hoogstens {Programme.MaxAreaCodes} gebiedscodes.")
            .Must(codes => codes is not null && new ProgrammeEditModel { AreaCodes = codes }.AreaCodeList().Count > 0)
            .WithMessage("Noem ten minste één gebied met een CBS-code, bijvoorbeeld WK036301.")
            .Must(codes => new ProgrammeEditModel { AreaCodes = codes ?? string.Empty }.AreaCodeList().Count <= Programme.MaxAreaCodes)
            .WithMessage($"Een programma heeft hoogstens {Programme.MaxAreaCodes} gebiedscodes.")
            .Custom((codes, context) =>
            {
                var invalid = new ProgrammeEditModel { AreaCodes = codes ?? string.Empty }.AreaCodeList()
                    .Where(code => !AreaCode.TryParse(code, out _))
                    .ToList();
                if (invalid.Count > 0)
                {
                    context.AddFailure($"Geen geldige gebiedscode: {string.Join(", ", invalid.Take(5))}. {AreaCode.FormatDescription}");
                }
            });

        RuleFor(model => model.Urgency)
            .NotNull().WithMessage("Kies het soort urgentie.")
            .IsInEnum().WithMessage("Kies het soort urgentie.");

        RuleFor(model => model.StartDate)
            .NotNull().WithMessage("Vul de startdatum in.")
            // The window is the domain's (Programme.IsPlausibleStartDate); the form only asks it early.
            .Must(date => date is null || Programme.IsPlausibleStartDate(DateOnly.FromDateTime(date.Value), clock.TodayInNetherlands()))
            .WithMessage(_ => $"De startdatum ligt tussen {Programme.EarliestStartDate.Year} en {Programme.LatestStartDate(clock.TodayInNetherlands()).Year}.");

        RuleFor(model => model.HorizonYears)
            .NotNull().WithMessage("Vul de looptijd in jaren in.")
            .InclusiveBetween(Programme.MinHorizonYears, Programme.MaxHorizonYears)
            .WithMessage($"Een wijkaanpak loopt {Programme.MinHorizonYears} tot {Programme.MaxHorizonYears} jaar.");

        RuleFor(model => model.Description)
            .MaximumLength(Programme.DescriptionMaxLength)
            .WithMessage($"De omschrijving mag hoogstens {Programme.DescriptionMaxLength} tekens hebben.");
    }
}
