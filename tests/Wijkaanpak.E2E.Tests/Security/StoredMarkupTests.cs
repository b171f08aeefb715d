using Microsoft.Playwright;
using Wijkaanpak.E2E.Tests.Infrastructure;
using Wijkaanpak.E2E.Tests.Pages;

namespace Wijkaanpak.E2E.Tests.Security;

/// <summary>
/// Markup that staff type into a free-text field is stored as it is and shown as text on the pages
/// that repeat it: never a script that runs, an image that loads or bold type. Works on a new
/// ambition of Kanaleneiland (its own account, no other browser test reads that programme's figures).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StoredMarkupTests(BrowserFixture fixture)
{
    private const string Programme = "Kanaleneiland Samen Sterker";

    // Reads what an injection would have left in the page: a script, an image with src=x, bold "vet", or a flag it set.
    private const string InjectedScript = """
        () => [
            [...document.scripts].filter(script => script.textContent.includes('__xss')).length,
            document.querySelectorAll('img[src="x"]').length,
            [...document.querySelectorAll('b, strong')].filter(element => element.textContent === 'vet').length,
            window.__xss ?? 0,
        ]
        """;

    private static readonly int[] NothingInjected = [0, 0, 0, 0];

    [ChromiumFact]
    public async Task MarkupInAnAmbition_IsShownAsText_OnTheVisionPageAndTheDashboard()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var title = $"<script>window.__xss=1</script>\"><b>vet</b> Ambitie {tag}";
        var description = $"<img src=x onerror=\"window.__xss=2\"> toelichting {tag}";
        var page = await fixture.NewPageAsync();
        var dialogs = new List<string>();
        var errors = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        var injectedImageRequests = new List<string>();
        page.Console += (_, message) =>
        {
            // Every console error counts, a resource that failed to load too (the app has its own icon, so none should).
            if (message.Type == "error")
            {
                errors.Add($"{message.Text} ({message.Location})");
            }
        };
        page.Request += (_, request) =>
        {
            if (new Uri(request.Url).AbsolutePath.EndsWith("/x", StringComparison.Ordinal))
            {
                injectedImageRequests.Add(request.Url);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        var programmeUrl = await Start.AtProgrammeAsync(page, SignInPage.CollegaElders, Programme);

        var vision = new VisionPage(page);
        await vision.OpenAsync(programmeUrl, Programme);
        await page.Locator("#ambition-title").FillAsync(title);
        await page.Locator("#ambition-description").FillAsync(description);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ambitie toevoegen" }).ClickAsync();
        await vision.AmbitionHeading(title).WaitForAsync();
        await page.GetByText(description).First.WaitForAsync();
        await AssertNothingInjectedAsync(page);
        await page.ScreenshotAsync(fixture, "markup-als-tekst-visie");

        await page.GotoAsync(programmeUrl + "/dashboard");
        await DashboardPages.LoadedAsync(page);
        await page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 3 }).WaitForAsync();
        await AssertNothingInjectedAsync(page);
        await page.ScreenshotAsync(fixture, "markup-als-tekst-dashboard");

        Assert.Empty(dialogs);
        Assert.Empty(errors);
        Assert.Empty(injectedImageRequests);
    }

    private static async Task AssertNothingInjectedAsync(IPage page)
    {
        // Scripts mentioning the flag, images with src=x, bold "vet", and the flag an injection would set.
        var found = await page.EvaluateAsync<int[]>(InjectedScript);
        Assert.Equal(NothingInjected, found);
    }
}
