using System.Globalization;
using System.Reflection;

namespace Wijkaanpak.Web.Shared;

/// <summary>
/// Compares the stored version of a record with a user's edit of an older one, so that a refused save
/// can show what the other person changed. Works on any edit model: public properties, except Version.
/// </summary>
public static class EditConflicts
{
    public static IReadOnlyList<FieldDifference> Between<TModel>(TModel stored, TModel yours, IReadOnlyDictionary<string, string> labels)
        where TModel : class
    {
        ArgumentNullException.ThrowIfNull(labels);
        return typeof(TModel).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.Name != "Version" && property.CanRead && labels.ContainsKey(property.Name))
            .Select(property => (property, stored: Show(property.GetValue(stored)), yours: Show(property.GetValue(yours))))
            .Where(pair => pair.stored != pair.yours)
            .Select(pair => new FieldDifference(pair.property.Name, labels[pair.property.Name], pair.stored, pair.yours))
            .ToList();
    }

    private static string Show(object? value) => value switch
    {
        null => "(leeg)",
        DateTime date => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL")),
        IFormattable formattable => formattable.ToString(null, CultureInfo.GetCultureInfo("nl-NL")),
        _ => value.ToString() is { Length: > 0 } text ? text : "(leeg)",
    };
}
