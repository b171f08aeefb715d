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

    /// <summary>Runs the whole validator and groups its Dutch messages per property, as a service returns them.</summary>
    public static async Task<IReadOnlyDictionary<string, string[]>?> ErrorsOfAsync<T>(this IValidator<T> validator, T model, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(model, cancellationToken).ConfigureAwait(false);
        return result.IsValid
            ? null
            : result.Errors
                .GroupBy(error => error.PropertyName)
                .ToDictionary(group => group.Key, group => group.Select(error => error.ErrorMessage).Distinct().ToArray());
    }
}
