using Microsoft.Playwright;
using Wijkaanpak.E2E.Tests.Infrastructure;
using Wijkaanpak.E2E.Tests.Pages;

namespace Wijkaanpak.E2E.Tests.Accounts;

/// <summary>A keyboard user signs in, skips the navigation and opens a programme without a mouse (WCAG 2.1.1, 2.4.1).</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(BrowserFixture fixture)
{
    [ChromiumFact]
    public async Task SignInAndOpenAProgramme_WithTheKeyboardAlone()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).OpenAsync();

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("email", await FocusedAsync(page, "el => el.id"));
        await page.Keyboard.TypeAsync(SignInPage.Raadslid);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(SignInPage.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitUntilInteractiveAsync();
        await new ProgrammeListPage(page).Heading.WaitForAsync();

        // Each page puts focus on its heading, so a screen reader announces where the user is.
        Assert.Equal("Programma's", await FocusedAsync(page, "el => el.textContent.trim()"));

        // Back up through the header and menu to the skip link, which leads past them to the content.
        for (var stop = 0; stop < 20 && await FocusedAsync(page, "el => el.textContent.trim()") != "Naar de inhoud"; stop++)
        {
            await page.Keyboard.PressAsync("Shift+Tab");
        }

        Assert.Equal("Naar de inhoud", await FocusedAsync(page, "el => el.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.activeElement?.id === 'main-content'");

        for (var stop = 0; stop < 25 && await FocusedAsync(page, "el => el.textContent.trim()") != "Westwijk Vooruit"; stop++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("Westwijk Vooruit", await FocusedAsync(page, "el => el.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");
        await new ProgrammeOverviewPage(page).Heading("Westwijk Vooruit").WaitForAsync();
    }

    private static Task<string> FocusedAsync(IPage page, string expression) =>
        page.EvaluateAsync<string>($"() => ({expression})(document.activeElement)");
}
