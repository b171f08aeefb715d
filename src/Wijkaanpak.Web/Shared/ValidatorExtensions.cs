using FluentValidation;

namespace Wijkaanpak.Web.Shared;

public static class ValidatorExtensions
{
    /// <summary>
    /// Lets a MudForm field run one property's rules of the model's validator, so that the form shows
    /// the same messages the service checks again on save.
    /// </summary>
    public static Func<object, string, Task<IEnumerable<string>>> ForMudForm<T>(this IValidator<T> validator) =>
        async (model, propertyName) =>
        {
            var result = await validator.ValidateAsync(
                ValidationContext<T>.CreateWithOptions((T)model, options => options.IncludeProperties(propertyName))).ConfigureAwait(false);
            return result.IsValid ? [] : result.Errors.Select(error => error.ErrorMessage);
        };

    public const string CentsMessage = "Een bedrag heeft hoogstens twee cijfers achter de komma (centen).";

    /// <summary>
    /// An amount in euros has at most two decimals: the database keeps cents (numeric(14, 2)) and would
    /// otherwise round a forged or pasted 0,005 without a word. The money field refuses it in the browser.
    /// </summary>
    public static IRuleBuilderOptions<T, decimal?> Cents<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.PrecisionScale(20, 2, ignoreTrailingZeros: true).WithMessage(CentsMessage);

    public const string NulCharacterMessage = "Deze tekst bevat een onzichtbaar nulteken dat niet kan worden opgeslagen. Plak of typ de tekst opnieuw zonder dat teken.";

    /// <summary>
    /// Runs the whole validator and groups its Dutch messages per property, as a service returns them.
    /// Every text field is also checked for the NUL character, which PostgreSQL cannot store in text
    /// or JSON: without this check such input (pasted from a binary file or sent on purpose) ended in a
    /// database exception instead of a message.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string[]>?> ErrorsOfAsync<T>(this IValidator<T> validator, T model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var result = await validator.ValidateAsync(model, cancellationToken).ConfigureAwait(false);
        var errors = result.Errors
            .Select(error => (Property: error.PropertyName, Message: error.ErrorMessage))
            .Concat(FieldsWithNulCharacter(model).Select(property => (Property: property, Message: NulCharacterMessage)))
            .ToList();
        return errors.Count == 0
            ? null
            : errors
                .GroupBy(error => error.Property)
                .ToDictionary(group => group.Key, group => group.Select(error => error.Message).Distinct().ToArray());
    }

    private static IEnumerable<string> FieldsWithNulCharacter<T>(T model) =>
        model is null
            ? []
            : model.GetType().GetProperties()
                .Where(property => property.PropertyType == typeof(string) && property.CanRead && property.GetIndexParameters().Length == 0)
                .Where(property => property.GetValue(model) is string text && text.Contains('\0', StringComparison.Ordinal))
                .Select(property => property.Name);
}
