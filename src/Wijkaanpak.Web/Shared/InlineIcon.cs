using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Wijkaanpak.Web.Shared;

/// <summary>
/// A MudBlazor icon drawn as plain markup in the render tree of the component that shows it, for
/// icons repeated once per row (trends, changed figures). A <c>MudIcon</c> is a component of its own,
/// and every component keeps two render trees and its state in the circuit for as long as the page is
/// open: 120 icons on the dashboard cost more server memory than the rest of its figures together
/// (docs/benchmarks.md). Decorative only: the text beside the icon says the same.
/// </summary>
public static class InlineIcon
{
    /// <param name="builder">The render tree of the component that shows the icon.</param>
    /// <param name="icon">One of MudBlazor's <c>Icons.*</c> constants: the inside of a 24×24 SVG.</param>
    /// <param name="colour">A MudBlazor text colour class such as <c>mud-success-text</c>, or null for the text's own colour.</param>
    public static void Render(RenderTreeBuilder builder, string icon, string? colour)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", colour is null ? "mud-icon-root mud-svg-icon mud-icon-size-small" : $"mud-icon-root mud-svg-icon mud-icon-size-small {colour}");
        builder.AddAttribute(2, "viewBox", "0 0 24 24");
        builder.AddAttribute(3, "focusable", "false");
        builder.AddAttribute(4, "aria-hidden", "true");

        // The library's own constant, never text from a user: markup is what an icon constant is.
        builder.AddMarkupContent(5, icon);
        builder.CloseElement();
    }

    public static RenderFragment Of(string icon, string? colour = null) => builder => Render(builder, icon, colour);
}
