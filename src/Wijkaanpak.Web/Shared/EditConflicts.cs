using System.Collections;
using System.Reflection;
using Wijkaanpak.Web.Shared.Forms;

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

    /// <summary>A value as a Dutch reader sees it; lists item by item, a chosen id without a name as a count.</summary>
    internal static string Show(object? value) => value switch
    {
        null => "(leeg)",
        string text => text.Length > 0 ? text : "(leeg)",
        DateTime date => date.ToString("d MMMM yyyy", DutchInput.Culture),
        decimal number => DutchInput.ShowDecimal(number),
        Guid => "(gekozen)",
        IEnumerable<Guid> ids => ids.Count() is var count and > 0 ? $"{count} gekozen" : "(geen)",
        IEnumerable items => items.Cast<object?>().Select(Show).ToList() is { Count: > 0 } shown ? string.Join("; ", shown) : "(geen)",
        IFormattable formattable => formattable.ToString(null, DutchInput.Culture),
        _ when !EditModelCopy.HasValueEquality(value.GetType()) => string.Join(" ", value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(property => Show(property.GetValue(value)))),
        _ => value.ToString() is { Length: > 0 } text ? text : "(leeg)",
    };
}
