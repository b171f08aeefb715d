using Microsoft.EntityFrameworkCore;
using Wijkaanpak.E2E.Tests.Infrastructure;
using Wijkaanpak.E2E.Tests.Pages;

namespace Wijkaanpak.E2E.Tests.Dashboards;

/// <summary>
/// Every main page of the app, opened by a role that may see it with the demo data: axe finds no
/// serious or critical violation, the page is in Dutch, and it has one h1 with headings in order.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EveryPageAccessibilityTests(BrowserFixture fixture)
{
    [ChromiumFact]
    public async Task EveryProgrammePage_AsStaff_IsAccessible()
    {
        var (westwijk, indicator) = await DemoIdsAsync();
        var root = $"/programmas/{westwijk}";
        await AssertPagesAsync(SignInPage.Programmabureau, [
            "/programmas", "/programmas/nieuw", root, $"{root}/bewerken", $"{root}/geschiedenis", $"{root}/go-no-go", $"{root}/besluiten",
            $"{root}/checklists/4.1", $"{root}/checklists/7.1", $"{root}/contract", $"{root}/alliantie", $"{root}/inventarisatie",
            $"{root}/opgaven", $"{root}/visie", $"{root}/uitvoering", $"{root}/financiering", $"{root}/indicatoren",
            $"{root}/indicatoren/{indicator}", $"{root}/metingen/importeren", $"{root}/dashboard", $"{root}/ondertekeningen",
            "/portefeuille", "/werklijst", "/account/wachtwoord",
        ]);
    }

    [ChromiumFact]
    public async Task EveryAdministrationPage_AsBeheerder_IsAccessible()
    {
        Guid organisation;
        Guid user;
        await using (var db = fixture.Database.CreateContext())
        {
            organisation = (await db.Organisations.OrderBy(candidate => candidate.Name).FirstAsync()).Id.Value;
            user = (await db.Users.OrderBy(candidate => candidate.Email).FirstAsync()).Id;
        }

        await AssertPagesAsync(SignInPage.Beheerder, [
            "/beheer/gebruikers", "/beheer/gebruikers/nieuw", $"/beheer/gebruikers/{user}", "/beheer/organisaties",
            $"/beheer/organisaties/{organisation}", "/beheer/checklists", "/beheer/checklists/4.1/nieuwe-versie", "/portefeuille",
        ]);
    }

    [ChromiumFact]
    public async Task ThePartnersAndCouncillorsOwnPages_AreAccessible()
    {
        var (westwijk, _) = await DemoIdsAsync();
        await AssertPagesAsync(SignInPage.Alliantiepartner, ["/mijn-aftekeningen", $"/programmas/{westwijk}/checklists/7.1"]);
        await AssertPagesAsync(SignInPage.Raadslid, ["/portefeuille", $"/programmas/{westwijk}/dashboard", $"/programmas/{westwijk}/ondertekeningen"]);
    }

    private async Task AssertPagesAsync(string account, IReadOnlyList<string> addresses)
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsAsync(account);
        foreach (var address in addresses)
        {
            await page.GotoAsync(address);

            // The account pages are static forms that work without a circuit; every other page goes live.
            if (!address.StartsWith("/account/", StringComparison.Ordinal))
            {
                await page.WaitUntilInteractiveAsync();
            }

            await DashboardPages.LoadedAsync(page);
            Assert.Equal("nl", await page.Locator("html").GetAttributeAsync("lang"));
            var levels = await page.EvaluateAsync<int[]>("() => [...document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')].map(h => +h.tagName[1])");
            Assert.True(levels.Length > 0 && levels[0] == 1 && levels.Count(level => level == 1) == 1, $"{address}: één h1, als eerste kop ({string.Join(",", levels)})");
            Assert.True(levels.Zip(levels.Skip(1)).All(pair => pair.Second <= pair.First + 1), $"{address}: koppen slaan geen niveau over ({string.Join(",", levels)})");
            await page.AssertAccessibleAsync();
        }
    }

    private async Task<(Guid Westwijk, Guid Indicator)> DemoIdsAsync()
    {
        await using var db = fixture.Database.CreateContext();
        var westwijk = (await db.Programmes.SingleAsync(programme => programme.Name == "Westwijk Vooruit")).Id;
        var indicator = (await db.Indicators.Where(candidate => candidate.ProgrammeId == westwijk).OrderBy(candidate => candidate.Name).FirstAsync()).Id.Value;
        return (westwijk.Value, indicator);
    }
}
