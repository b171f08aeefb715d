using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Wijkaanpak.E2E.Tests.Infrastructure;
using Wijkaanpak.E2E.Tests.Pages;

namespace Wijkaanpak.E2E.Tests.Dashboards;

/// <summary>A councillor follows their programmes through the portfolio and dashboards; staff open their worklist.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardJourneyTests(BrowserFixture fixture)
{
    [ChromiumFact]
    public async Task Raadslid_OpensThePortfolioAndTheDashboardOfTheirProgramme_ButNotOfAnother()
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(1400, 900);
        await new SignInPage(page).SignInAsAsync(SignInPage.Raadslid);
        var pages = new DashboardPages(page);

        await pages.MenuLink("Portefeuille").ClickAsync();
        await pages.Heading("Portefeuille").WaitForAsync();
        await DashboardPages.LoadedAsync(page);
        Assert.Equal(1, await pages.PortfolioRow("Westwijk Vooruit").CountAsync());
        Assert.Equal(1, await pages.PortfolioRow("Noord aan Zet").CountAsync());
        Assert.Equal(0, await pages.PortfolioRow("Kanaleneiland").CountAsync());
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(fixture, "portefeuille");

        await pages.PortfolioRow("Westwijk Vooruit").GetByRole(AriaRole.Link, new() { Name = "Westwijk Vooruit" }).ClickAsync();
        await pages.Heading("Dashboard Westwijk Vooruit").WaitForAsync();
        await DashboardPages.LoadedAsync(page);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).CountAsync());
        Assert.True(await page.Locator("#phase-completion").IsVisibleAsync());
        Assert.True(await page.Locator("#money-per-year").IsVisibleAsync());
        Assert.True(await page.Locator(".trend").First.IsVisibleAsync());
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(fixture, "dashboard");

        await page.GetByRole(AriaRole.Link, new() { Name = "Wie tekende wat" }).ClickAsync();
        await pages.Heading("Ondertekeningen Westwijk Vooruit").WaitForAsync();
        await DashboardPages.LoadedAsync(page);
        Assert.True(await page.Locator("#signoff-matrix").IsVisibleAsync());
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(fixture, "ondertekeningen");

        // Another municipality's programme by its address, as a forged link would reach it.
        Guid kanaleneiland;
        await using (var db = fixture.Database.CreateContext())
        {
            kanaleneiland = (await db.Programmes.SingleAsync(programme => programme.Name == "Kanaleneiland Samen Sterker")).Id.Value;
        }

        await page.GotoAsync($"/programmas/{kanaleneiland}/dashboard");
        await page.WaitUntilInteractiveAsync();
        await pages.Refusal.WaitForAsync();
        Assert.Equal(0, await page.GetByText("Kanaleneiland Samen Sterker").CountAsync());
        await page.GotoAsync($"/programmas/{kanaleneiland}/ondertekeningen");
        await page.WaitUntilInteractiveAsync();
        await pages.Refusal.WaitForAsync();
        Assert.Equal(0, await page.GetByText("Kanaleneiland Samen Sterker").CountAsync());
    }

    [ChromiumFact]
    public async Task Programmabureau_OpensTheWorklist_AndEachItemLeadsToWhereItIsDone()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsAsync(SignInPage.Programmabureau);
        var pages = new DashboardPages(page);

        await pages.MenuLink("Werklijst").ClickAsync();
        await pages.Heading("Werklijst").WaitForAsync();
        await DashboardPages.LoadedAsync(page);
        var items = page.Locator(".worklist li");
        Assert.True(await items.CountAsync() > 0);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(fixture, "werklijst");

        var first = items.First.GetByRole(AriaRole.Link);
        var target = await first.GetAttributeAsync("href");
        await first.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith(target!, StringComparison.Ordinal));
        await DashboardPages.LoadedAsync(page);
    }

    [ChromiumFact]
    public async Task Dashboard_WithTheKeyboardAlone_EveryLinkIsReachedAndShowsWhereTheFocusIs()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsAsync(SignInPage.Raadslid);
        Guid westwijk;
        await using (var db = fixture.Database.CreateContext())
        {
            westwijk = (await db.Programmes.SingleAsync(programme => programme.Name == "Westwijk Vooruit")).Id.Value;
        }

        await page.GotoAsync($"/programmas/{westwijk}/dashboard");
        await page.WaitUntilInteractiveAsync();
        await DashboardPages.LoadedAsync(page);
        var links = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('main a[href]')].map(a => a.getAttribute('href'))");
        Assert.NotEmpty(links);

        await page.Locator("main").FocusAsync();
        var reached = new HashSet<string>(StringComparer.Ordinal);
        for (var stop = 0; stop < links.Length + 10; stop++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<FocusState>("""
                () => {
                    const el = document.activeElement;
                    const style = getComputedStyle(el);
                    const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none'
                        || style.textDecorationLine.includes('underline');
                    return { href: el.closest('main') ? el.getAttribute('href') : null, visible };
                }
                """);
            if (focused.Href is null)
            {
                continue;
            }

            Assert.True(focused.Visible, $"De focus op {focused.Href} is niet te zien.");
            reached.Add(focused.Href);
        }

        Assert.Equal(links.ToHashSet(StringComparer.Ordinal), reached);
    }

    /// <summary>What the focused element is; Playwright fills it, so it needs settable properties.</summary>
    private sealed class FocusState
    {
        public string? Href { get; set; }

        public bool Visible { get; set; }
    }
}
