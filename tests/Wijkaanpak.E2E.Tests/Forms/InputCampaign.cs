using System.Globalization;
using System.Reflection;
using Microsoft.Playwright;
using Wijkaanpak.Data;

namespace Wijkaanpak.E2E.Tests.Forms;

/// <summary>How a field of the Dutch form kit reads what is typed.</summary>
public enum FieldKind
{
    Money,
    Decimal,
    WholeNumber,
    Year,
    Date,
}

/// <summary>
/// One numeric or date field of a form: the edit model's property it binds, the input's id, how to read
/// the stored value back from PostgreSQL (as a decimal, or a date as <see cref="DateOnly"/>), and which
/// values its validator accepts.
/// </summary>
public sealed record CampaignField(
    Type EditModel,
    string Property,
    string InputId,
    FieldKind Kind,
    Func<WijkaanpakDbContext, Task<object?>> ReadStored,
    decimal Min = decimal.MinValue,
    decimal Max = decimal.MaxValue,
    int MaxDecimals = 2)
{
    public string Name => $"{EditModel.Name}.{Property}";

    /// <summary>Whether a value that reads as <paramref name="intended"/> may be stored by this field.</summary>
    public bool Accepts(object intended) => intended switch
    {
        decimal number when Kind is FieldKind.Date => false,
        decimal number => number >= Min && number <= Max && decimal.Round(number, MaxDecimals) == number,
        DateOnly date => Kind is FieldKind.Date && date.DayNumber >= Min && date.DayNumber <= Max,
        _ => false,
    };

    /// <summary>The stored value written as a user would type it, to put a field back before a second save.</summary>
    public static string Type(object? stored) => stored switch
    {
        null => string.Empty,
        DateOnly date => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
        decimal number => number.ToString("0.##########", DutchCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(stored), stored, "Onbekend soort waarde."),
    };

    public static readonly CultureInfo DutchCulture = CultureInfo.GetCultureInfo("nl-NL");
}

/// <summary>A form with numeric or date fields: how to open it on the record the campaign edits, and how to save it.</summary>
public sealed record CampaignForm(
    string Name,
    Func<IPage, Task> OpenAsync,
    Func<IPage, ILocator> SaveButton,
    IReadOnlyList<CampaignField> Fields);

/// <summary>A typed text and what it means to a Dutch user, per kind of field; null: it has no one reading and must be refused.</summary>
public static class CampaignValues
{
    private static readonly DateOnly FirstFebruary2026 = new(2026, 2, 1);

    public static IReadOnlyList<(string Text, object? Intended)> For(CampaignField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Kind switch
        {
            FieldKind.Money =>
            [
                ("42.500", 42500m), ("42500", 42500m), ("€ 42.500,00", 42500m), ("12.345,67", 12345.67m), ("3,5", 3.5m),
                ("1.000,-", 1000m), ("-1000", -1000m), ("12345678901234", 12345678901234m), ("3.5", null), ("0.042", null), ("abc", null),
                ("1,234", 1.234m),
            ],
            FieldKind.Decimal =>
            [
                ("42.500", 42500m), ("42500", 42500m), ("12.345,67", 12345.67m), ("3,5", 3.5m), ("0,042", 0.042m), ("-1000", -1000m),
                ("100000", 100000m), ("12345678901234", 12345678901234m), ("€ 42.500,00", null), ("3.5", null), ("0.042", null), ("abc", null),
            ],
            FieldKind.WholeNumber =>
            [
                ("15", 15m), ("12", 12m), ("1.000", 1000m), ("3,5", 3.5m), ("-1000", -1000m), ("42.500", 42500m), ("3.5", null), ("abc", null),
            ],
            FieldKind.Year =>
            [
                ("2026", 2026m), ("2030", 2030m), ("1800", 1800m), ("2999", 2999m), ("-1000", null), ("2.026", null), ("26", null),
                ("3,5", null), ("abc", null), ("2025", 2025m),
            ],
            FieldKind.Date =>
            [
                ("1-2-2026", FirstFebruary2026), ("01-03-2026", new DateOnly(2026, 3, 1)), ("31-2-2026", null), ("1-2-26", null),
                ("abc", null), ("15-4-2026", new DateOnly(2026, 4, 15)), ("1-2-1800", new DateOnly(1800, 2, 1)),
                ("1-2-2999", new DateOnly(2999, 2, 1)), ("01-02-2026", FirstFebruary2026),
            ],
            _ => throw new ArgumentOutOfRangeException(nameof(field), field.Kind, "Onbekend soort veld."),
        };
    }
}

/// <summary>The edit model properties a user types a number or a date into, found in the app itself.</summary>
public static class CampaignDiscovery
{
    private static readonly Type[] Typed = [typeof(decimal), typeof(decimal?), typeof(int), typeof(int?), typeof(DateTime), typeof(DateTime?)];

    public static IReadOnlyList<string> NumericAndDateProperties()
    {
        var assembly = typeof(Wijkaanpak.Web.Features.Programmes.ProgrammeEditModel).Assembly;
        return assembly.GetExportedTypes()
            .Where(type => type.IsClass && (type.Name.EndsWith("EditModel", StringComparison.Ordinal) || type.Name == "ImportPlan"))
            .SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(property => property.CanWrite && Typed.Contains(property.PropertyType))
                .Select(property => $"{type.Name}.{property.Name}"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}

/// <summary>What one typed value did in one field.</summary>
public sealed record CampaignOutcome(string Field, string Text, CampaignResult Result, string Detail);

public enum CampaignResult
{
    StoredExactly,
    RefusedWithMessage,
    Other,
}

/// <summary>
/// Runs the campaign over one form: a round types one value into every field at once and saves once; a
/// field is then either stored with exactly the value meant, or shows a Dutch message next to it while the
/// stored value stayed as it was. A round where a refused field kept others from being saved puts the
/// refused fields back and saves a second time, so that every accepted value is seen stored.
/// </summary>
public sealed class CampaignRunner(IPage page, Func<WijkaanpakDbContext> createContext)
{
    private const string MessageScript = """
        (id) => {
            const element = document.getElementById(id);
            if (!element) { return '#missing'; }
            const control = element.closest('.mud-input-control');
            if (!control) { return '#nocontrol'; }
            const error = control.querySelector('.mud-input-helper-text.mud-input-error, .mud-input-error .mud-input-helper-text');
            return error ? error.innerText.trim() : '';
        }
        """;

    private static readonly string[] EnglishMarkers = ["not a valid", "invalid", "must", "required", "conversion", "is not"];

    public List<CampaignOutcome> Outcomes { get; } = [];

    public async Task RunAsync(CampaignForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var values = form.Fields.ToDictionary(field => field, CampaignValues.For);
        var rounds = values.Values.Max(list => list.Count);
        var known = await ReadAllAsync(form.Fields);
        for (var round = 0; round < rounds; round++)
        {
            var typed = form.Fields.Where(field => round < values[field].Count).ToDictionary(field => field, field => values[field][round]);
            var before = await ReadAllAsync(form.Fields);
            foreach (var field in form.Fields.Where(field => !Equals(before[field], known[field])))
            {
                Outcomes.Add(new(field.Name, "(vorige ronde)", CampaignResult.Other, $"opgeslagen na de controle: {before[field]} in plaats van {known[field]}"));
            }

            // Typing into the previous round's field, before the circuit has put the record's form in its place,
            // would be lost: mark the old inputs, and type only once every field is a new one.
            await page.EvaluateAsync("ids => ids.forEach(id => document.getElementById(id)?.setAttribute('data-campaign-old', ''))", form.Fields.Select(field => field.InputId).ToArray());
            await form.OpenAsync(page);
            foreach (var field in form.Fields)
            {
                await page.Locator($"#{field.InputId}:not([data-campaign-old])").WaitForAsync();
            }

            foreach (var (field, value) in typed)
            {
                var input = page.Locator("#" + field.InputId);
                await input.FillAsync(value.Text);
                await input.PressAsync("Tab");
            }
            var settled = await SaveAndWaitAsync(form, typed, before);
            var refused = settled.Where(pair => pair.Value.Message.Length > 0).Select(pair => pair.Key).ToList();
            var waiting = typed.Keys.Where(field => settled[field].Message.Length == 0 && !Equals(settled[field].Stored, typed[field].Intended)).ToList();
            if (refused.Count > 0 && waiting.Count > 0)
            {
                // A refused field kept the form from saving: put the refused fields back and save the others.
                foreach (var field in refused)
                {
                    var input = page.Locator("#" + field.InputId);
                    await input.FillAsync(CampaignField.Type(before[field]));
                    await input.PressAsync("Tab");
                }

                var second = await SaveAndWaitAsync(form, waiting.ToDictionary(field => field, field => typed[field]), before);
                // A rule over two fields (a target year after the baseline year) may still refuse the restored field:
                // the form then says why next to that field, and the waiting value is refused with it.
                var pairRule = string.Empty;
                foreach (var field in refused)
                {
                    var message = await page.EvaluateAsync<string>(MessageScript, field.InputId);
                    if (message.Length > 0 && !message.StartsWith('#'))
                    {
                        pairRule = $"{message} (bij {field.Property})";
                    }
                }

                foreach (var field in waiting)
                {
                    settled[field] = second[field].Message.Length == 0 && pairRule.Length > 0 && !Equals(second[field].Stored, typed[field].Intended)
                        ? (second[field].Stored, pairRule)
                        : second[field];
                }
            }
            foreach (var (field, value) in typed)
            {
                Outcomes.Add(Judge(field, value, before[field], settled[field]));
            }

            known = await ReadAllAsync(form.Fields);
        }
    }

    private static CampaignOutcome Judge(CampaignField field, (string Text, object? Intended) value, object? before, (object? Stored, string Message) after)
    {
        var dutch = after.Message.Length > 3 && !EnglishMarkers.Any(marker => after.Message.Contains(marker, StringComparison.OrdinalIgnoreCase));
        if (after.Message.Length == 0 && value.Intended is not null && Equals(after.Stored, value.Intended))
        {
            return field.Accepts(value.Intended)
                ? new(field.Name, value.Text, CampaignResult.StoredExactly, $"{after.Stored}")
                : new(field.Name, value.Text, CampaignResult.Other, $"opgeslagen buiten het bereik: {after.Stored}");
        }

        if (after.Message.Length > 0 && Equals(after.Stored, before))
        {
            return dutch
                ? new(field.Name, value.Text, CampaignResult.RefusedWithMessage, after.Message + (value.Intended is not null && field.Accepts(value.Intended) ? " [binnen bereik geweigerd]" : string.Empty))
                : new(field.Name, value.Text, CampaignResult.Other, $"melding niet in het Nederlands: {after.Message}");
        }

        return new(field.Name, value.Text, CampaignResult.Other, $"opgeslagen: {after.Stored ?? "(leeg)"} (was {before ?? "(leeg)"}), melding: '{after.Message}'");
    }

    private async Task<Dictionary<CampaignField, (object? Stored, string Message)>> SaveAndWaitAsync(
        CampaignForm form, Dictionary<CampaignField, (string Text, object? Intended)> typed, Dictionary<CampaignField, object?> before)
    {
        var save = form.SaveButton(page);
        await save.ClickAsync();
        // The circuit handles the click in order after the typing; give it the time a save takes before judging.
        await Task.Delay(300);
        var clicked = DateTime.UtcNow;
        var deadline = clicked.AddSeconds(6);
        while (true)
        {
            var result = new Dictionary<CampaignField, (object? Stored, string Message)>();
            var stored = await ReadAllAsync(typed.Keys);
            foreach (var field in typed.Keys)
            {
                var message = await page.EvaluateAsync<string>(MessageScript, field.InputId);
                if (message.StartsWith('#'))
                {
                    message = string.Empty;
                }

                result[field] = (stored[field], message);
            }

            var done = result.All(pair => pair.Value.Message.Length > 0 || (typed[pair.Key].Intended is not null && Equals(pair.Value.Stored, typed[pair.Key].Intended)));
            // A message anywhere in the form keeps the whole form from saving: once the click has been handled, nothing more will come.
            var refusedInForm = DateTime.UtcNow > clicked.AddMilliseconds(800) && await AnyMessageAsync(form);
            if (done || refusedInForm || DateTime.UtcNow > deadline)
            {
                if (result.Values.Any(value => value.Message.Length > 0))
                {
                    // Nothing changes in the database while a message stands; check it once more after the circuit had time.
                    await Task.Delay(300);
                    var again = await ReadAllAsync(typed.Keys);
                    foreach (var field in typed.Keys)
                    {
                        result[field] = (again[field], result[field].Message);
                    }
                }

                _ = before;
                return result;
            }

            await Task.Delay(150);
        }
    }

    private async Task<bool> AnyMessageAsync(CampaignForm form)
    {
        foreach (var field in form.Fields)
        {
            var message = await page.EvaluateAsync<string>(MessageScript, field.InputId);
            if (message.Length > 0 && !message.StartsWith('#'))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<Dictionary<CampaignField, object?>> ReadAllAsync(IEnumerable<CampaignField> fields)
    {
        var result = new Dictionary<CampaignField, object?>();
        await using var db = createContext();
        foreach (var field in fields)
        {
            result[field] = await field.ReadStored(db);
        }

        return result;
    }
}
