using Microsoft.Playwright;
using Wijkaanpak.E2E.Tests.Infrastructure;
using Wijkaanpak.E2E.Tests.Pages;

namespace Wijkaanpak.E2E.Tests.Execution;

[Collection(BrowserCollection.Name)]
public sealed class ExecutionJourneyTests(BrowserFixture fixture)
{
    private const string Programme = "Westwijk Vooruit";

    [ChromiumFact]
    public async Task StaffPlanAnIntervention_ChangeItsStatusWithAReason_FindItByFilter_AndOpenTheFinancing()
    {
        var page = await fixture.NewPageAsync();
        var programmeUrl = await Start.AtProgrammeAsync(page, SignInPage.Programmabureau, Programme);

        var execution = new ExecutionPage(page);
        await execution.OpenAsync(programmeUrl, Programme);
        await execution.Intervention("Banenmarkt in de wijk").WaitForAsync();
        await page.AssertAccessibleAsync();

        var title = $"Taalcafé {Guid.NewGuid().ToString()[..4]}";
        await execution.PlanAsync(title, "Bewonersinitiatief", "Iedereen doet mee", "12000", "01-02-2026");
        await execution.Intervention(title).WaitForAsync();
        Assert.Contains("Iedereen doet mee", await execution.Intervention(title).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Gepland", await execution.Intervention(title).InnerTextAsync(), StringComparison.Ordinal);

        await execution.ChangeStatusAsync(title, "Lopend", "De eerste bijeenkomst is gehouden.");
        await page.GetByText("De eerste bijeenkomst is gehouden.").WaitForAsync();

        await execution.FilterAsync("Filter op status", "Lopend");
        await execution.Intervention(title).WaitForAsync();
        // The filter re-renders the table after the click; wait for the row to go rather than count too early.
        await execution.Intervention("Verlichting en buurtpreventie achterpaden").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Contains("Lopend", await execution.Intervention(title).First.InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(fixture, "execution");

        var financing = new FinancingPage(page);
        await financing.OpenAsync(programmeUrl, Programme);
        await page.GetByRole(AriaRole.Table, new() { Name = "Toegezegd bedrag per jaar en bron" }).WaitForAsync();
        await page.GetByText("€ 180.000").First.WaitForAsync();
        await page.AssertAccessibleAsync();
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(fixture, "financing");
    }
}
