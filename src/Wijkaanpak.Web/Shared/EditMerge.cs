using System.Collections;
using System.Globalization;
using System.Reflection;

namespace Wijkaanpak.Web.Shared;

/// <summary>
/// Recovers from a refused save without reverting anyone: the user's edit of an older version is laid
/// over the newest stored version field by field. A field the user left as they loaded it takes the
/// newest stored value (the other person's change survives); a field the user changed keeps their input.
/// Works on any edit model: its public settable properties, a list counting as one value compared by content.
/// </summary>
public static class EditMerge
{
    /// <summary>
    /// Merges <paramref name="yours"/> (edited from <paramref name="original"/>) onto <paramref name="newest"/>.
    /// The result is a new model carrying the newest Version, so that saving it is checked against that version.
    /// </summary>
    /// <param name="original">The model as the user loaded it, before typing.</param>
    /// <param name="yours">The model as the user left it.</param>
    /// <param name="newest">The newest stored state, as an edit model.</param>
    /// <param name="labels">
    /// Dutch labels of the fields the user sees. A property without one (a technical field such as the
    /// record it belongs to) is merged the same way but not listed among the differences.
    /// </param>
    /// <param name="describe">Optional text for a property's value (say names for ids); null falls back to the plain value.</param>
    public static EditMergeResult<TModel> Merge<TModel>(
        TModel original,
        TModel yours,
        TModel newest,
        IReadOnlyDictionary<string, string> labels,
        Func<string, object?, string?>? describe = null)
        where TModel : class, new()
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(yours);
        ArgumentNullException.ThrowIfNull(newest);
        ArgumentNullException.ThrowIfNull(labels);

        var merged = EditModelCopy.Of(yours);
        var takenOver = new List<FieldDifference>();
        var bothChanged = new List<FieldDifference>();
        foreach (var property in EditModelCopy.Fields(typeof(TModel)))
        {
            var originalValue = property.GetValue(original);
            var yourValue = property.GetValue(yours);
            var newestValue = property.GetValue(newest);
            var shown = labels.TryGetValue(property.Name, out var label);
            string Show(object? value) => describe?.Invoke(property.Name, value) ?? EditConflicts.Show(value);

            var theyChanged = !EditModelCopy.SameContent(newestValue, originalValue);
            if (EditModelCopy.SameContent(yourValue, originalValue))
            {
                property.SetValue(merged, EditModelCopy.Of(newestValue));
                if (theyChanged && shown)
                {
                    takenOver.Add(new FieldDifference(property.Name, label!, Show(newestValue), Show(yourValue)));
                }
            }
            else if (theyChanged && shown && !EditModelCopy.SameContent(newestValue, yourValue))
            {
                bothChanged.Add(new FieldDifference(property.Name, label!, Show(newestValue), Show(yourValue)));
            }
        }

        if (typeof(TModel).GetProperty("Version", BindingFlags.Public | BindingFlags.Instance) is { CanWrite: true } version)
        {
            version.SetValue(merged, version.GetValue(newest));
        }

        return new EditMergeResult<TModel>(merged, new EditMergeReport(takenOver, bothChanged));
    }
}

/// <summary>The merged edit model and what the user is told about it.</summary>
public sealed record EditMergeResult<TModel>(TModel Merged, EditMergeReport Report);

/// <summary>
/// What a merge did, to show before the user saves again: <see cref="TakenOver"/> lists the other person's
/// changes now in the form (Stored: theirs, Yours: what the form held); <see cref="BothChanged"/> the fields
/// both changed, where the user's input stays (Stored: theirs, Yours: the user's).
/// </summary>
public sealed record EditMergeReport(IReadOnlyList<FieldDifference> TakenOver, IReadOnlyList<FieldDifference> BothChanged)
{
    /// <summary>Neither a change of the other person's taken over nor a field both changed: nothing to tell unasked.</summary>
    public bool IsEmpty => TakenOver.Count == 0 && BothChanged.Count == 0;

    /// <summary>One Dutch sentence (or two) saying which changes were taken over and which of the user's are kept.</summary>
    public string Summary => (TakenOver.Count, BothChanged.Count) switch
    {
        (0, 0) => "De ander heeft niets veranderd aan de velden die u bewerkt: uw invoer staat nog in het formulier. Sla opnieuw op om hem te bewaren.",
        (_, 0) => $"De nieuwste stand is geladen. Overgenomen van de ander: {Fields(TakenOver)}. Uw eigen wijzigingen staan nog in het formulier; sla opnieuw op om ze te bewaren.",
        (0, _) => $"De nieuwste stand is geladen. Bij {Fields(BothChanged)} hebben u en de ander allebei iets veranderd: uw invoer blijft staan. Controleer de verschillen en sla opnieuw op.",
        _ => $"De nieuwste stand is geladen. Overgenomen van de ander: {Fields(TakenOver)}. Bij {Fields(BothChanged)} hebben u en de ander allebei iets veranderd: uw invoer blijft staan. Controleer de verschillen en sla opnieuw op.",
    };

    private static string Fields(IReadOnlyList<FieldDifference> differences)
    {
        var labels = differences.Select(difference => difference.Label.ToLower(CultureInfo.GetCultureInfo("nl-NL"))).ToList();
        return labels.Count == 1 ? labels[0] : $"{string.Join(", ", labels.SkipLast(1))} en {labels[^1]}";
    }
}

/// <summary>
/// The edit model as the form loaded it, kept aside so that a refused save can later be merged onto the
/// newest stored state (<see cref="EditMerge"/>): only with it can a merge tell the user's changes from the other person's.
/// </summary>
public sealed class EditBaseline<TModel>
    where TModel : class, new()
{
    private TModel? _original;

    /// <summary>Remembers a copy of <paramref name="loaded"/> and hands it back for the form to edit.</summary>
    public TModel Start(TModel loaded)
    {
        _original = EditModelCopy.Of(loaded);
        return loaded;
    }

    /// <summary>Whether the form edits a stored record loaded through <see cref="Start"/>.</summary>
    public bool HasOriginal => _original is not null;

    /// <summary>The form no longer edits a stored record (say it now adds a new one).</summary>
    public void Clear() => _original = null;

    /// <summary>
    /// Merges the user's input onto <paramref name="newest"/>, which then becomes the baseline: a second
    /// conflict compares against what this merge showed.
    /// </summary>
    public EditMergeResult<TModel> MergeOnto(
        TModel yours,
        TModel newest,
        IReadOnlyDictionary<string, string> labels,
        Func<string, object?, string?>? describe = null)
    {
        // Without a baseline nothing tells the user's changes apart, so every field keeps their input
        // (the report then shows each difference as both changed).
        var result = EditMerge.Merge(_original ?? newest, yours, newest, labels, describe);
        _original = EditModelCopy.Of(newest);
        return result;
    }
}

/// <summary>Copies and compares edit models by their public settable properties, lists and nested rows included.</summary>
internal static class EditModelCopy
{
    public static IEnumerable<PropertyInfo> Fields(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.Name != "Version" && property.CanRead && property.SetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0);

    /// <summary>A copy that shares no list or row with <paramref name="value"/>, so later typing cannot change it.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    public static T? Of<T>(T? value)
    {
        return (T?)Copy(value);
    }

    private static object? Copy(object? value)
    {
        if (value is null or string || value.GetType().IsValueType)
        {
            return value;
        }

        var type = value.GetType();
        if (value is IEnumerable items)
        {
            var elementType = ElementType(type) ?? typeof(object);
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
            foreach (var item in items)
            {
                list.Add(Copy(item));
            }

            if (type.IsArray)
            {
                var array = Array.CreateInstance(elementType, list.Count);
                list.CopyTo(array, 0);
                return array;
            }

            // HashSet<T>, List<T> and the like take their items in a constructor; anything else becomes a List<T>.
            return type.GetConstructor([typeof(IEnumerable<>).MakeGenericType(elementType)]) is not null
                ? Activator.CreateInstance(type, list)
                : list;
        }

        if (HasValueEquality(type) || type.GetConstructor(Type.EmptyTypes) is null)
        {
            // Records and other value-like objects are not changed in place by a form.
            return value;
        }

        var copy = Activator.CreateInstance(type)!;
        foreach (var property in Fields(type))
        {
            property.SetValue(copy, Copy(property.GetValue(value)));
        }

        if (type.GetProperty("Version", BindingFlags.Public | BindingFlags.Instance) is { CanRead: true, CanWrite: true } version)
        {
            version.SetValue(copy, version.GetValue(value));
        }

        return copy;
    }

    /// <summary>
    /// Equal content: text with null as empty, a set in any order, a list in order, a row by its properties.
    /// </summary>
    public static bool SameContent(object? left, object? right)
    {
        if (left is string || right is string)
        {
            return left is null or string && right is null or string
                && string.Equals(left as string ?? string.Empty, right as string ?? string.Empty, StringComparison.Ordinal);
        }

        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (left is IEnumerable leftItems && right is IEnumerable rightItems)
        {
            var leftList = leftItems.Cast<object?>().ToList();
            var rightList = rightItems.Cast<object?>().ToList();
            if (leftList.Count != rightList.Count)
            {
                return false;
            }

            if (IsSet(left.GetType()) || IsSet(right.GetType()))
            {
                var unmatched = rightList.ToList();
                foreach (var item in leftList)
                {
                    var match = unmatched.FindIndex(other => SameContent(item, other));
                    if (match < 0)
                    {
                        return false;
                    }

                    unmatched.RemoveAt(match);
                }

                return true;
            }

            return leftList.Zip(rightList).All(pair => SameContent(pair.First, pair.Second));
        }

        var type = left.GetType();
        if (type != right.GetType() || type.IsValueType || HasValueEquality(type))
        {
            return left.Equals(right);
        }

        return Fields(type).All(property => SameContent(property.GetValue(left), property.GetValue(right)));
    }

    internal static bool HasValueEquality(Type type) =>
        type.GetMethod(nameof(Equals), [typeof(object)])?.DeclaringType != typeof(object);

    private static bool IsSet(Type type) =>
        type.GetInterfaces().Any(contract => contract.IsGenericType
            && (contract.GetGenericTypeDefinition() == typeof(ISet<>) || contract.GetGenericTypeDefinition() == typeof(IReadOnlySet<>)));

    private static Type? ElementType(Type type) =>
        type.IsArray
            ? type.GetElementType()
            : type.GetInterfaces().Append(type)
                .FirstOrDefault(contract => contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                ?.GetGenericArguments()[0];
}
