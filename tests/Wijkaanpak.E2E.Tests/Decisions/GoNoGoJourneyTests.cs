using Microsoft.Playwright;
using Wijkaanpak.E2E.Tests.Infrastructure;
using Wijkaanpak.E2E.Tests.Pages;

namespace Wijkaanpak.E2E.Tests.Decisions;

[Collection(BrowserCollection.Name)]
public sealed class GoNoGoJourneyTests(BrowserFixture fixture)
{
    [ChromiumFact]
    public async Task StaffRecordAWeighingAndTakeAGo_TheProgrammeMovesToOpstarten_AndTheLogShowsIt()
    {
        var page = await fixture.NewPageAsync();
        var programmeUrl = await Start.AtProgrammeAsync(page, SignInPage.Programmabureau, "Perspectief Schilderswijk");

        await page.GotoAsync(programmeUrl + "/go-no-go");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Go/no-go-besluit", Level = 1 }).WaitForAsync();
        await page.AssertAccessibleAsync();

        // The municipality weighs the five questions.
        await page.GetByLabel("Organisatie", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Gemeente Vlaardingen" }).ClickAsync();
        foreach (var group in await page.Locator("fieldset.question-fieldset").Filter(new() { Has = page.GetByRole(AriaRole.Radio, new() { Name = "Ja" }) }).AllAsync())
        {
            await group.GetByRole(AriaRole.Radio, new() { Name = "Ja", Exact = true }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Afweging opslaan" }).ClickAsync();
        await page.GetByRole(AriaRole.Columnheader, new() { Name = "Gemeente Vlaardingen" }).WaitForAsync();

        // The decision: go, with the reason why the orientation need not be complete.
        await page.GetByRole(AriaRole.Radio, new() { Name = "Go: de wijkaanpak gaat van start" }).CheckAsync();
        await page.Locator("#decision-date").FillAsync("20-11-2026");
        await page.Locator("#decision-date").PressAsync("Tab");
        await page.Locator("#decision-body").FillAsync("College van B en W met de kernpartners");
        await page.Locator("#decision-rationale").FillAsync("De problemen stapelen zich op en de partners willen zich voor lange tijd verbinden.");
        await page.Locator("#decision-next-steps").FillAsync("Een kwartiermaker aanstellen en de alliantie vormen.");
        if (await page.Locator("#decision-incomplete-reason").CountAsync() > 0)
        {
            await page.Locator("#decision-incomplete-reason").FillAsync("De raad wil nog dit jaar starten; de inventarisaties lopen door.");
        }

        await page.ScreenshotAsync(fixture, "go-no-go-formulier");
        await page.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen" }).ClickAsync();
        await page.Locator("#standing-decision").GetByText("Go", new() { Exact = true }).WaitForAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(fixture, "go-no-go-besluit");

        await page.GotoAsync(programmeUrl + "/besluiten");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Besluitenlijst", Level = 1 }).WaitForAsync();
        await page.GetByText("Oriënteren → Opstarten").WaitForAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Go: het programma start als wijkaanpak" }).WaitForAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(fixture, "besluitenlijst");

        await page.GotoAsync(programmeUrl);
        await page.Locator("li[aria-current=step]").GetByText("Opstarten").WaitForAsync();
    }
}
