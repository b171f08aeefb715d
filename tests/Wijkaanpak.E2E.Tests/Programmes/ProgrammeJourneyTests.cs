using Microsoft.Playwright;
using Wijkaanpak.E2E.Tests.Infrastructure;
using Wijkaanpak.E2E.Tests.Pages;

namespace Wijkaanpak.E2E.Tests.Programmes;

[Collection(BrowserCollection.Name)]
public sealed class ProgrammeJourneyTests(BrowserFixture fixture)
{
    [ChromiumFact]
    public async Task StaffCreateAProgramme_FindItInTheList_AndSeeItsFourPhases()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsAsync(SignInPage.Programmabureau);
        var list = new ProgrammeListPage(page);
        await list.OpenAsync();
        Assert.True(await list.Row("Westwijk Vooruit").IsVisibleAsync(), "De voorbeeldprogramma's ontbreken in de lijst.");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(fixture, "programmas-lijst");

        await list.StartNewAsync();
        var form = new ProgrammeFormPage(page);
        await page.AssertAccessibleAsync();
        await form.FillAsync("Oosterpark Samen", "Groningen", "WK001404, BU00140401", "Sluimerend", "01-09-2026", 12);
        await form.Save.ClickAsync();

        var overview = new ProgrammeOverviewPage(page);
        await overview.Heading("Oosterpark Samen").WaitForAsync();
        Assert.Equal(4, await overview.Phases.CountAsync());
        Assert.Contains("Oriënteren", await overview.CurrentPhase.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Huidige fase", await overview.CurrentPhase.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Go/no-go-besluit", await overview.CurrentPhase.InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(fixture, "programma-overzicht");

        await list.OpenAsync();
        var row = list.Row("Oosterpark Samen");
        Assert.Contains("Groningen", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("WK001404, BU00140401", await row.InnerTextAsync(), StringComparison.Ordinal);
        await list.OpenProgrammeAsync("Oosterpark Samen");
        await overview.Heading("Oosterpark Samen").WaitForAsync();
    }

    [ChromiumFact]
    public async Task SavingAnIncompleteForm_ShowsDutchMessagesNextToTheFields_AndStoresNothing()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsAsync(SignInPage.Programmabureau);
        var list = new ProgrammeListPage(page);
        await list.OpenAsync();
        var before = await page.GetByRole(AriaRole.Row).CountAsync();
        await list.StartNewAsync();
        var form = new ProgrammeFormPage(page);

        await form.AreaCodes.FillAsync("Zuidwest");
        await form.Horizon.FillAsync("40");
        await form.Save.ClickAsync();

        await form.Message("Vul de naam van het programma in.").WaitForAsync();
        Assert.True(await form.Message("Vul de gemeente in.").IsVisibleAsync());
        Assert.True(await form.Message("Geen geldige gebiedscode: Zuidwest.").IsVisibleAsync());
        Assert.True(await form.Message("Kies het soort urgentie.").IsVisibleAsync());
        Assert.True(await form.Message("Een wijkaanpak loopt 10 tot 20 jaar.").IsVisibleAsync());
        Assert.Contains("/programmas/nieuw", page.Url, StringComparison.Ordinal);
        await page.ScreenshotAsync(fixture, "programma-formulier-fouten");
        await page.AssertAccessibleAsync();

        await list.OpenAsync();
        Assert.Equal(before, await page.GetByRole(AriaRole.Row).CountAsync());
    }

    [ChromiumFact]
    public async Task StaffEditAProgramme_AndTheOverviewShowsTheChange()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsAsync(SignInPage.Programmabureau);
        var list = new ProgrammeListPage(page);
        await list.OpenAsync();
        await list.OpenProgrammeAsync("Noord aan Zet");
        var overview = new ProgrammeOverviewPage(page);
        await overview.Heading("Noord aan Zet").WaitForAsync();
        Assert.Contains("Ontwerpen", await overview.CurrentPhase.InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Gegevens bewerken" }).ClickAsync();
        var form = new ProgrammeFormPage(page);
        await form.Horizon.WaitForAsync();
        await page.AssertAccessibleAsync();
        await form.Horizon.FillAsync("18");
        await form.Save.ClickAsync();

        await overview.Heading("Noord aan Zet").WaitForAsync();
        await page.GetByText("(18 jaar)").WaitForAsync();
    }
}
