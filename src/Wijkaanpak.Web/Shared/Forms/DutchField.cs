using System.Linq.Expressions;
using Microsoft.AspNetCore.Components;

namespace Wijkaanpak.Web.Shared.Forms;

/// <summary>
/// What every field of the Dutch form kit takes: the bound value, the edit model's property for its
/// validator, and the MudBlazor parameters our forms use. They are declared here with their types
/// because a literal such as <c>Required="true"</c> would otherwise reach MudBlazor as a string.
/// </summary>
public abstract class DutchField<TValue> : ComponentBase
{
    [Parameter]
    public TValue? Value { get; set; }

    [Parameter]
    public EventCallback<TValue> ValueChanged { get; set; }

    [Parameter]
    public Expression<Func<TValue>>? ValueExpression { get; set; }

    /// <summary>The edit model's property, so that its validator's rules run in this field.</summary>
    [Parameter]
    public Expression<Func<TValue>>? For { get; set; }

    [Parameter]
    public string? Label { get; set; }

    [Parameter]
    public string? HelperText { get; set; }

    [Parameter]
    public bool Error { get; set; }

    [Parameter]
    public string? ErrorText { get; set; }

    [Parameter]
    public bool Required { get; set; }

    [Parameter]
    public string RequiredError { get; set; } = "Vul dit veld in.";

    [Parameter]
    public bool Disabled { get; set; }

    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>id, class, style and other attributes, put on the input element by MudBlazor.</summary>
    [Parameter(CaptureUnmatchedValues = true)]
    public Dictionary<string, object>? Attributes { get; set; }

    protected Expression<Func<TValue>>? Property => For ?? ValueExpression;

    /// <summary>What the user typed, kept in the field while it is refused, so nothing typed disappears.</summary>
    protected string? Text { get; set; }

    private TValue? _shownValue;
    private bool _shown;

    /// <summary>The value written the Dutch way, as the field shows it.</summary>
    protected abstract string Show(TValue? value);

    /// <summary>
    /// A value set from outside (a form loaded or reset, a typed value accepted) is shown anew; a refused
    /// text stays as typed, because the value did not change. Without this the field's text started
    /// empty and MudBlazor took that empty text for input, clearing the bound value on first render.
    /// </summary>
    protected override void OnParametersSet()
    {
        if (!_shown || !EqualityComparer<TValue?>.Default.Equals(Value, _shownValue))
        {
            Text = Show(Value);
            _shownValue = Value;
            _shown = true;
        }
    }
}
