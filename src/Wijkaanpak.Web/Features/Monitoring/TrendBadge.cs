using Microsoft.AspNetCore.Components;
using MudBlazor;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Web.Shared;

namespace Wijkaanpak.Web.Features.Monitoring;

/// <summary>
/// The trend in words with an icon beside it: never colour alone (WCAG 1.4.1). Markup in the table
/// that shows it rather than a component per row (see <see cref="InlineIcon"/>).
/// </summary>
public static class TrendBadge
{
    public static RenderFragment Of(IndicatorTrend trend, ImprovementDirection direction) => builder =>
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", "d-inline-flex align-center trend");
        builder.AddAttribute(2, "data-trend", trend.ToString());
        builder.OpenRegion(3);
        InlineIcon.Render(builder, Icon(trend, direction), Colour(trend));
        builder.CloseRegion();
        builder.OpenElement(4, "span");
        builder.AddAttribute(5, "class", "ml-1");
        builder.AddContent(6, trend.DisplayName());
        builder.CloseElement();
        builder.CloseElement();
    };

    // The arrow shows which way the figure moved; better for "lower is better" is a downward arrow.
    private static string Icon(IndicatorTrend trend, ImprovementDirection direction) => trend switch
    {
        IndicatorTrend.TargetReached => Icons.Material.Filled.Flag,
        IndicatorTrend.Improving => direction == ImprovementDirection.HigherIsBetter ? Icons.Material.Filled.TrendingUp : Icons.Material.Filled.TrendingDown,
        IndicatorTrend.Worsening => direction == ImprovementDirection.HigherIsBetter ? Icons.Material.Filled.TrendingDown : Icons.Material.Filled.TrendingUp,
        IndicatorTrend.Unchanged => Icons.Material.Filled.TrendingFlat,
        _ => Icons.Material.Outlined.HelpOutline,
    };

    private static string? Colour(IndicatorTrend trend) => trend switch
    {
        IndicatorTrend.TargetReached or IndicatorTrend.Improving => "mud-success-text",
        IndicatorTrend.Worsening => "mud-error-text",
        _ => null,
    };
}
