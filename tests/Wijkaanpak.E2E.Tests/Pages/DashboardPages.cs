using Microsoft.Playwright;

namespace Wijkaanpak.E2E.Tests.Pages;

/// <summary>The read-only pages for councillors and staff: dashboard, portfolio, sign-off matrix, worklist.</summary>
public sealed class DashboardPages(IPage page)
{
    public ILocator Heading(string name) => page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 });

    public ILocator MenuLink(string name) => page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = name });

    public ILocator PortfolioRow(string programme) => page.Locator("#portfolio tbody tr").Filter(new() { HasText = programme });

    public ILocator Refusal => page.GetByText("U hebt geen recht om dit te doen.");

    /// <summary>Waits until a page has its heading and no part of it is still loading.</summary>
    public static async Task LoadedAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.Locator("h1").First.WaitForAsync();
        await page.WaitForFunctionAsync("() => !document.querySelector('[aria-label$=\"geladen\"]')");
    }
}
