using Wijkaanpak.E2E.Tests.Infrastructure;
using Wijkaanpak.E2E.Tests.Pages;

namespace Wijkaanpak.E2E.Tests.Alliance;

[Collection(BrowserCollection.Name)]
public sealed class AllianceJourneyTests(BrowserFixture fixture)
{
    private const string Programme = "Westwijk Vooruit";

    [ChromiumFact]
    public async Task StaffAddAMember_SeeItListed_AndSeeWhoSatOnTheBoardOnAnEarlierDay()
    {
        var page = await fixture.NewPageAsync();
        var programmeUrl = await Start.AtProgrammeAsync(page, SignInPage.Programmabureau, Programme);

        var alliance = new AlliancePage(page);
        await alliance.OpenAsync(programmeUrl, Programme);
        await page.AssertAccessibleAsync();

        await alliance.AddMembershipAsync("Ministerie van Volkshuisvesting en Ruimtelijke Ordening", "Kernpartner", "Tactisch", "01-01-2025");
        await alliance.CurrentMember("Ministerie van Volkshuisvesting en Ruimtelijke Ordening").WaitForAsync();

        // The emptied form starts afresh: no "required" messages left over from the saved input.
        Assert.Equal(0, await page.GetByText("Kies de organisatie uit het register.").CountAsync());

        // The same seat again overlaps the one just added: refused, with the reason next to the start date.
        await alliance.AddMembershipAsync("Ministerie van Volkshuisvesting en Ruimtelijke Ordening", "Kernpartner", "Tactisch", "01-06-2025");
        await page.GetByText("de perioden mogen niet overlappen").WaitForAsync();
        Assert.Equal(1, await alliance.CurrentMember("Ministerie van Volkshuisvesting en Ruimtelijke Ordening").CountAsync());

        // Mid-2023 the police still held its board seat; the residents' platform joined the board in 2024.
        await alliance.ShowCompositionOnAsync("01-07-2023");
        await alliance.BoardHeading("1 juli 2023").WaitForAsync();
        await alliance.BoardMember("1 juli 2023", "Politie eenheid Rotterdam").WaitForAsync();
        Assert.Equal(0, await alliance.BoardMember("1 juli 2023", "Bewonersplatform Westwijk").CountAsync());
        Assert.Equal(0, await alliance.BoardMember("1 juli 2023", "Ministerie van Volkshuisvesting").CountAsync());
        await page.AssertAccessibleAsync();
        // A full-page shot taken while scrolled paints the fixed app bar halfway down the page.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(fixture, "alliance");

        var inventories = new InventoriesPage(page);
        await inventories.OpenAsync(programmeUrl, Programme);
        await inventories.AddStakeholderAsync("Moskee Al Nour", "Vereniging", "Bereikt gezinnen die de wijkteams niet zien; wil meedenken over jongerenwerk.");
        await inventories.Stakeholder("Moskee Al Nour").WaitForAsync();
        Assert.Equal(0, await page.GetByText("Vul de naam in.").CountAsync());
        Assert.Equal(0, await page.Locator(".mud-alert").CountAsync());
        await page.AssertAccessibleAsync();
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(fixture, "inventories");
    }
}
