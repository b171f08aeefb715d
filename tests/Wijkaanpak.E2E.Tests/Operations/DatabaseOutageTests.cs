using Microsoft.Playwright;
using Wijkaanpak.E2E.Tests.Infrastructure;
using Wijkaanpak.E2E.Tests.Pages;
using Xunit.Abstractions;

namespace Wijkaanpak.E2E.Tests.Operations;

/// <summary>
/// PostgreSQL stopped while a user works, and started again: the user reads a Dutch message instead
/// of an error page, keeps what they typed, and saves it once the database is back, without anyone
/// restarting the app. Each test stops a cluster of its own, never the one other tests share.
/// </summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    private const string Programme = "Noord aan Zet";

    /// <summary>The app checks every two seconds; a restarted cluster needs a moment to accept connections.</summary>
    private const float BackWithin = 20_000;

    [ChromiumFact]
    public async Task SavingWhileTheDatabaseIsDown_KeepsTheInput_AndSavingAgainAfterItsReturnStoresIt()
    {
        await using var rig = await AppOnPrivatePostgres.StartAsync();
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await BrowserFixture.LaunchChromiumAsync(playwright);
            var page = await OpenPageAsync(browser, rig);
            await Start.AtProgrammeAsync(page, SignInPage.Programmabureau, Programme);
            await page.GetByRole(AriaRole.Link, new() { Name = "Gegevens bewerken" }).ClickAsync();
            var form = new ProgrammeFormPage(page);
            await form.Horizon.FillAsync("17");
            await form.Description.FillAsync("Getypt terwijl de database uitviel.");

            await rig.StopDatabaseAsync();
            await form.Save.ClickAsync();

            var notice = page.GetByTestId("database-outage");
            await notice.GetByText("De database is op dit moment niet bereikbaar").WaitForAsync();
            Assert.Equal("alert", await notice.GetAttributeAsync("role"));
            Assert.Equal("17", await form.Horizon.InputValueAsync());
            Assert.Equal("Getypt terwijl de database uitviel.", await form.Description.InputValueAsync());
            Assert.True(await form.Save.IsEnabledAsync(), "De knop Opslaan blijft na de mislukte poging uitgeschakeld.");
            Assert.Equal(0, await page.GetByText("Er ging iets mis op deze pagina").CountAsync());
            await page.AssertAccessibleAsync();
            await page.ScreenshotAsync("storing-database-formulier");

            await rig.StartDatabaseAsync();
            await notice.GetByText("De verbinding met de database is hersteld").WaitForAsync(new() { Timeout = BackWithin });
            await page.ScreenshotAsync("storing-database-hersteld");
            await page.AssertAccessibleAsync();
            Assert.Equal("17", await form.Horizon.InputValueAsync());

            // The first save after the return must work: no dead pooled connection may be handed out.
            await form.Save.ClickAsync();
            await new ProgrammeOverviewPage(page).Heading(Programme).WaitForAsync();
            await page.GetByText("(17 jaar)").WaitForAsync();
            await page.GetByText("Getypt terwijl de database uitviel.").WaitForAsync();
        }
        catch (Exception)
        {
            output.WriteLine(rig.App.Output);
            throw;
        }
    }

    [ChromiumFact]
    public async Task APageOpenedWhileTheDatabaseIsDown_ShowsTheErrorBoundary_AndRetryingWorksOnceItIsBack()
    {
        await using var rig = await AppOnPrivatePostgres.StartAsync();
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await BrowserFixture.LaunchChromiumAsync(playwright);
            var page = await OpenPageAsync(browser, rig);
            var programmeUrl = await Start.AtProgrammeAsync(page, SignInPage.Programmabureau, Programme);

            await rig.StopDatabaseAsync();
            var menu = page.GetByRole(AriaRole.Navigation);
            await menu.GetByRole(AriaRole.Link, new() { Name = "Programma's" }).ClickAsync();

            var boundary = page.GetByText("De gegevens van deze pagina kunnen nu niet worden opgehaald.");
            await boundary.WaitForAsync();
            await page.GetByTestId("database-outage").GetByText("De database is op dit moment niet bereikbaar").WaitForAsync();
            Assert.Equal(0, await page.GetByText("Er ging iets mis op deze pagina").CountAsync());
            await page.AssertAccessibleAsync();
            await page.ScreenshotAsync("storing-database-pagina");

            // The app is not dead: the menu still navigates (the next page cannot load its data either)
            // and back again, where the boundary offers to try once more.
            await menu.GetByRole(AriaRole.Link, new() { Name = "Werklijst" }).ClickAsync();
            await page.WaitForURLAsync("**/werklijst");
            await boundary.WaitForAsync();
            await menu.GetByRole(AriaRole.Link, new() { Name = "Programma's" }).ClickAsync();
            await page.WaitForURLAsync("**/programmas");
            await boundary.WaitForAsync();

            await rig.StartDatabaseAsync();
            await page.GetByTestId("database-outage").GetByText("De verbinding met de database is hersteld").WaitForAsync(new() { Timeout = BackWithin });
            await page.GetByRole(AriaRole.Button, new() { Name = "Opnieuw proberen" }).ClickAsync();
            var list = new ProgrammeListPage(page);
            await list.Heading.WaitForAsync();
            await list.Row(Programme).WaitForAsync();
            Assert.Equal(0, await boundary.CountAsync());

            // And a page opened the ordinary way loads again too.
            await page.GotoAsync(programmeUrl);
            await page.WaitUntilInteractiveAsync();
            await new ProgrammeOverviewPage(page).Heading(Programme).WaitForAsync();
        }
        catch (Exception)
        {
            output.WriteLine(rig.App.Output);
            throw;
        }
    }

    private static async Task<IPage> OpenPageAsync(IBrowser browser, AppOnPrivatePostgres rig)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = rig.App.Address.ToString(),
            Locale = "nl-NL",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }
}
