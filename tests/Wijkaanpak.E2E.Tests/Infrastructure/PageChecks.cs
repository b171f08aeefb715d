using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Wijkaanpak.E2E.Tests.Infrastructure;

public static class PageChecks
{
    /// <summary>Waits until the circuit is live: before that a click would go nowhere.</summary>
    public static async Task WaitUntilInteractiveAsync(this IPage page) =>
        await page.Locator("[data-interactive=true]").WaitForAsync();

    /// <summary>WCAG 2.1 A/AA rules of axe: no serious or critical violation may remain.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        // A snackbar fading in is measured at partial opacity; check what a user reads once it has appeared.
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('.mud-snackbar')].every(bar => getComputedStyle(bar).opacity === '1')");
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var serious = results.Violations
            .Where(violation => violation.Impact is "serious" or "critical")
            .Select(violation => $"{violation.Id} ({violation.Impact}): {violation.Help} — {string.Join(" | ", violation.Nodes.Take(3).Select(node => node.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, $"Toegankelijkheidsfouten op {page.Url}:\n" + string.Join("\n", serious));
    }

    public static async Task ScreenshotAsync(this IPage page, BrowserFixture fixture, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.ScreenshotFolder, name + ".png"), FullPage = true });

    /// <summary>For tests that start an app of their own instead of the shared fixture's.</summary>
    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(BrowserFixture.Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, name + ".png"), FullPage = true });
    }

    /// <summary>A picture of one part of the page, for a section that is lost in a long full-page picture.</summary>
    /// <remarks>
    /// Blazor may replace the element between finding it and taking the picture (a re-render after a
    /// save): Playwright then reports it detached, and a fresh attempt finds the new element.
    /// </remarks>
    public static async Task ScreenshotAsync(this ILocator part, BrowserFixture fixture, string name)
    {
        ArgumentNullException.ThrowIfNull(part);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await part.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(fixture.ScreenshotFolder, name + ".png") });
                return;
            }
            catch (PlaywrightException detached) when (attempt < 3 && detached.Message.Contains("not attached", StringComparison.Ordinal))
            {
                await Task.Delay(250);
            }
        }
    }
}
