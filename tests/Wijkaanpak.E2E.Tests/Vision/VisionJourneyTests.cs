using Microsoft.Playwright;
using Wijkaanpak.E2E.Tests.Infrastructure;
using Wijkaanpak.E2E.Tests.Pages;

namespace Wijkaanpak.E2E.Tests.Vision;

[Collection(BrowserCollection.Name)]
public sealed class VisionJourneyTests(BrowserFixture fixture)
{
    private const string Programme = "Westwijk Vooruit";

    [ChromiumFact]
    public async Task StaffSeeTheTheoryOfChange_AddAnAmbition_AndReadTheOpgavenWithFiguresAndStories()
    {
        var page = await fixture.NewPageAsync();
        var programmeUrl = await Start.AtProgrammeAsync(page, SignInPage.Programmabureau, Programme);

        var vision = new VisionPage(page);
        await vision.OpenAsync(programmeUrl, Programme);
        await vision.Diagram.WaitForAsync();

        // The demo chain: an intervention serving the ambition links on to the execution page.
        var jobs = vision.DiagramIntervention("Banenmarkt in de wijk");
        await jobs.WaitForAsync();
        Assert.Contains("/uitvoering#interventie-", await jobs.GetAttributeAsync("href"), StringComparison.Ordinal);
        var employment = vision.Diagram.GetByRole(AriaRole.Link).Filter(new() { HasText = "Netto arbeidsparticipatie" }).First;
        Assert.Contains("/indicatoren/", await employment.GetAttributeAsync("href"), StringComparison.Ordinal);
        await page.GetByText("€ 127.500 toegezegd, € 75.000 besteed").WaitForAsync();
        await page.AssertAccessibleAsync();

        await vision.AddAmbitionAsync("Gezond leven in de wijk", "Meer bewegen en gezonder eten.", "Kinderen blijven achter op school");
        await vision.AmbitionHeading("Gezond leven in de wijk").WaitForAsync();
        await vision.DiagramAmbition("Gezond leven in de wijk").WaitForAsync();
        Assert.Equal(0, await page.GetByText("Beschrijf de ambitie in een paar woorden.").CountAsync());
        Assert.Equal(0, await page.Locator(".mud-alert").CountAsync());

        // The same chain as text, for whoever cannot use the diagram.
        await vision.ShowAsTextAsync();
        await page.Locator("#toc-text").GetByRole(AriaRole.Link, new() { Name = "Ambitie: Gezond leven in de wijk" }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Als diagram" }).ClickAsync();
        await vision.Diagram.WaitForAsync();
        await page.AssertAccessibleAsync();
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(fixture, "vision");

        var opgaven = new OpgavenPage(page);
        await opgaven.OpenAsync(programmeUrl, Programme);
        await opgaven.Opgave("Onveilig gevoel en inbraken").WaitForAsync();
        var burglaries = opgaven.FiguresOf("Onveilig gevoel en inbraken").GetByRole(AriaRole.Row).Filter(new() { HasText = "Woninginbraken" });
        await burglaries.Filter(new() { HasText = "3,2 per 1.000 woningen (2025)" }).WaitForAsync();
        await burglaries.Filter(new() { HasText = "Doel bereikt" }).WaitForAsync();
        await page.GetByText("Donkere achterpaden en lege bedrijfspanden trekken inbrekers aan.").WaitForAsync();
        await page.AssertAccessibleAsync();
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(fixture, "opgaven");
    }
}
