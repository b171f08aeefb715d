using Microsoft.Playwright;
using Wijkaanpak.E2E.Tests.Infrastructure;
using Wijkaanpak.E2E.Tests.Pages;

namespace Wijkaanpak.E2E.Tests.Accounts;

/// <summary>Each demo role signs in and sees exactly what that role may see.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RoleJourneyTests(BrowserFixture fixture)
{
    [ChromiumFact]
    public async Task SignIn_WithAWrongPassword_ShowsADutchMessage_AndTheFormIsAccessible()
    {
        var page = await fixture.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        await page.AssertAccessibleAsync();

        await signIn.SubmitAsync(SignInPage.Raadslid, "niet-het-goede-wachtwoord");

        await page.GetByRole(AriaRole.Alert).GetByText("Het e-mailadres of het wachtwoord klopt niet").WaitForAsync();
        await page.ScreenshotAsync(fixture, "inloggen-fout");
    }

    [ChromiumFact]
    public async Task Raadslid_SeesOwnProgrammesReadOnly_AndAForgedEditIsRefused()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsAsync(SignInPage.Raadslid);
        var list = new ProgrammeListPage(page);
        await list.OpenAsync();

        Assert.True(await list.Row("Westwijk Vooruit").IsVisibleAsync());
        Assert.True(await list.Row("Noord aan Zet").IsVisibleAsync());
        Assert.Equal(0, await list.Row("Kanaleneiland Samen Sterker").CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Nieuw programma" }).CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Gebruikers" }).CountAsync());

        await list.OpenProgrammeAsync("Westwijk Vooruit");
        var overview = new ProgrammeOverviewPage(page);
        await overview.Heading("Westwijk Vooruit").WaitForAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Gegevens bewerken" }).CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Geschiedenis" }).CountAsync());
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(fixture, "raadslid-programma");

        // The edit page by its address, as a forged request would reach it.
        await page.GotoAsync(page.Url + "/bewerken");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Geen toegang", Level = 1 }).WaitForAsync();
        Assert.Equal(0, await page.Locator("#programme-name").CountAsync());
    }

    [ChromiumFact]
    public async Task Alliantiepartner_SeesOnlyTheProgrammeOfTheirAlliance()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsAsync(SignInPage.Alliantiepartner);
        var list = new ProgrammeListPage(page);
        await list.OpenAsync();

        Assert.Equal(1, await list.Row("Westwijk Vooruit").CountAsync());
        Assert.Equal(2, await page.GetByRole(AriaRole.Row).CountAsync());
    }

    [ChromiumFact]
    public async Task Beheerder_SeesEveryProgrammeAndManagesUsers()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsAsync(SignInPage.Beheerder);
        var list = new ProgrammeListPage(page);
        await list.OpenAsync();
        Assert.True(await list.Row("Kanaleneiland Samen Sterker").IsVisibleAsync());
        Assert.True(await list.Row("Westwijk Vooruit").IsVisibleAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Gebruikers" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Gebruikers", Level = 1 }).WaitForAsync();
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Rik Raadslid" }).WaitForAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(fixture, "beheer-gebruikers");

        await page.GetByRole(AriaRole.Link, new() { Name = "Rik Raadslid" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Gebruiker wijzigen", Level = 1 }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Deactiveren" }).WaitForAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(fixture, "beheer-gebruiker");

        await page.GetByRole(AriaRole.Link, new() { Name = "Organisaties" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Organisaties", Level = 1 }).WaitForAsync();
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Woonstichting De Waterweg" }).WaitForAsync();
        await page.AssertAccessibleAsync();
    }

    [ChromiumFact]
    public async Task Programmabureau_ReadsTheHistoryOfTheirProgramme_AndSignsOut()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsAsync(SignInPage.Programmabureau);
        var list = new ProgrammeListPage(page);
        await list.OpenAsync();
        await list.OpenProgrammeAsync("Perspectief Schilderswijk");
        await page.GetByRole(AriaRole.Link, new() { Name = "Geschiedenis" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Geschiedenis", Level = 1 }).WaitForAsync();
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Programma toegevoegd" }).First.WaitForAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(fixture, "programma-geschiedenis");

        await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Inloggen", Level = 1 }).WaitForAsync();
        await page.GotoAsync("/programmas");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Inloggen", Level = 1 }).WaitForAsync();
    }
}
