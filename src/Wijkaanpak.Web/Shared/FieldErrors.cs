namespace Wijkaanpak.Web.Shared;

/// <summary>Reads a service's per-field messages (<see cref="Result.Errors"/>) for the field that shows them.</summary>
public static class FieldErrors
{
    public static bool HasError(this IReadOnlyDictionary<string, string[]> errors, string field) =>
        errors?.ContainsKey(field) ?? false;

    public static string? ErrorText(this IReadOnlyDictionary<string, string[]> errors, string field) =>
        errors is not null && errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}
