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
    public async Task SavingWhileTheDatabaseIsDown_KeepsTheInput_AndSavingAgainAfterItsReturnStoresIt() =>
        await OnTheProgrammeFormAsync(async (rig, page, form) =>
        {
            await form.Horizon.FillAsync("17");
            await form.Description.FillAsync("Getypt terwijl de database uitviel.");

            await rig.StopDatabaseAsync();
            await form.Save.ClickAsync();

            var notice = Notice(page);
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
        });

    [ChromiumFact]
    public async Task SavingAfterARestartNobodyNoticed_SaysTheConnectionIsBack_AndSavingAgainStoresIt() =>
        await OnTheProgrammeFormAsync(async (rig, page, form) =>
        {
            await form.Horizon.FillAsync("18");

            // Down and up again while the user only reads: the app's pooled connections to the old server are dead.
            await rig.StopDatabaseAsync();
            await rig.StartDatabaseAsync();
            await form.Save.ClickAsync();

            // The save that met a dead connection is not stored, but nothing is lost and the user hears
            // at once that the database answers (the pool was emptied); the next save works.
            await Notice(page).GetByText("De verbinding met de database is hersteld").WaitForAsync();
            Assert.Equal("18", await form.Horizon.InputValueAsync());
            await form.Save.ClickAsync();
            await new ProgrammeOverviewPage(page).Heading(Programme).WaitForAsync();
            await page.GetByText("(18 jaar)").WaitForAsync();
        });

    [ChromiumFact]
    public async Task APageOpenedWhileTheDatabaseIsDown_ShowsTheErrorBoundary_AndRetryingWorksOnceItIsBack() =>
        await SignedInAsync(async (rig, page, programmeUrl) =>
        {
            await rig.StopDatabaseAsync();
            var menu = page.GetByRole(AriaRole.Navigation);
            await menu.GetByRole(AriaRole.Link, new() { Name = "Programma's" }).ClickAsync();

            var boundary = page.GetByText("De gegevens van deze pagina kunnen nu niet worden opgehaald.");
            await boundary.WaitForAsync();
            await Notice(page).GetByText("De database is op dit moment niet bereikbaar").WaitForAsync();
            Assert.Equal(0, await page.GetByText("Er ging iets mis op deze pagina").CountAsync());
            await page.AssertAccessibleAsync();
            await page.ScreenshotAsync("storing-database-pagina");

            // The app is not dead: the menu still navigates. The next page is tried (the old message goes)
            // and cannot load its data either.
            var shown = await boundary.ElementHandleAsync();
            await menu.GetByRole(AriaRole.Link, new() { Name = "Werklijst" }).ClickAsync();
            await shown.WaitForElementStateAsync(ElementState.Hidden);
            await boundary.WaitForAsync();

            await rig.StartDatabaseAsync();
            await Notice(page).GetByText("De verbinding met de database is hersteld").WaitForAsync(new() { Timeout = BackWithin });
            await page.GetByRole(AriaRole.Button, new() { Name = "Opnieuw proberen" }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Werklijst", Level = 1 }).WaitForAsync();
            Assert.Equal(0, await boundary.CountAsync());

            await menu.GetByRole(AriaRole.Link, new() { Name = "Programma's" }).ClickAsync();
            var list = new ProgrammeListPage(page);
            await list.Heading.WaitForAsync();
            await list.Row(Programme).WaitForAsync();

            // And a page opened the ordinary way loads again too.
            await page.GotoAsync(programmeUrl);
            await page.WaitUntilInteractiveAsync();
            await new ProgrammeOverviewPage(page).Heading(Programme).WaitForAsync();
        });

    private static ILocator Notice(IPage page) => page.GetByTestId("database-outage");

    private async Task OnTheProgrammeFormAsync(Func<AppOnPrivatePostgres, IPage, ProgrammeFormPage, Task> scenario) =>
        await SignedInAsync(async (rig, page, _) =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Gegevens bewerken" }).ClickAsync();
            await scenario(rig, page, new ProgrammeFormPage(page));
        });

    /// <summary>A private database and app, a browser signed in on the programme's page; the app's log on failure.</summary>
    private async Task SignedInAsync(Func<AppOnPrivatePostgres, IPage, string, Task> scenario)
    {
        await using var rig = await AppOnPrivatePostgres.StartAsync();
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await BrowserFixture.LaunchChromiumAsync(playwright);
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = rig.App.Address.ToString(),
                Locale = "nl-NL",
                ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            });
            context.SetDefaultTimeout(15_000);
            var page = await context.NewPageAsync();
            var programmeUrl = await Start.AtProgrammeAsync(page, SignInPage.Programmabureau, Programme);
            await scenario(rig, page, programmeUrl);
        }
        catch (Exception)
        {
            output.WriteLine(rig.App.Output);
            throw;
        }
    }
}
