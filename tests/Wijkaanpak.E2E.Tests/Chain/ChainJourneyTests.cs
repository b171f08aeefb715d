using Microsoft.Playwright;
using Wijkaanpak.E2E.Tests.Infrastructure;
using Wijkaanpak.E2E.Tests.Pages;

namespace Wijkaanpak.E2E.Tests.Chain;

/// <summary>
/// The story of a programme in one go, as staff work it: a new ambition for an opgave, an intervention
/// serving it that should move an indicator, and a new figure for that indicator that moves its chart;
/// then the way back from the indicator to the intervention and on to the ambition and the opgave.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChainJourneyTests(BrowserFixture fixture)
{
    private const string Programme = "Westwijk Vooruit";
    private const string Opgave = "Onveilig gevoel en inbraken";
    private const string Indicator = "Woninginbraken";

    [ChromiumFact]
    public async Task AnAmbition_AnInterventionServingIt_AndAMeasurement_MoveTheChart_AndLeadBackToTheOpgave()
    {
        var page = await fixture.NewPageAsync();
        var programmeUrl = await Start.AtProgrammeAsync(page, SignInPage.Programmabureau, Programme);
        var suffix = Guid.NewGuid().ToString()[..4];
        var ambition = $"Veilige portieken {suffix}";
        var intervention = $"Portiekaanpak {suffix}";

        var vision = new VisionPage(page);
        await vision.OpenAsync(programmeUrl, Programme);
        await vision.AddAmbitionAsync(ambition, "Elke portiek is verlicht, afgesloten en kent een portiekgesprek.", Opgave);
        await vision.AmbitionHeading(ambition).WaitForAsync();

        var execution = new ExecutionPage(page);
        await execution.OpenAsync(programmeUrl, Programme);
        await execution.PlanAsync(intervention, "Experiment / doorbraakpilot", ambition, "25000", "01-03-2026", Indicator);
        await execution.Intervention(intervention).WaitForAsync();
        await execution.ShowDetailsAsync(intervention);
        var details = execution.Details(intervention);
        await details.GetByRole(AriaRole.Link, new() { Name = ambition }).WaitForAsync();
        await details.GetByRole(AriaRole.Link, new() { Name = Opgave }).WaitForAsync();
        await page.AssertAccessibleAsync();

        await details.GetByRole(AriaRole.Link, new() { Name = Indicator }).ClickAsync();
        var indicator = new IndicatorPage(page);
        await indicator.Heading(Indicator).WaitForAsync();
        await page.WaitUntilInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = intervention }).WaitForAsync();
        await indicator.MeasuredLine.WaitForAsync();
        var lineBefore = await indicator.MeasuredLine.GetAttributeAsync("d");

        // A corrected figure for 2024 (the latest, 2025, stays: other journeys read it).
        await indicator.RecordAsync(2024, "3,9");
        await indicator.MeasurementRow("WK062203", 2024).Filter(new() { HasText = "3,9" }).WaitForAsync();
        await page.GetByText("De meting is gecorrigeerd.").WaitForAsync();
        await page.WaitForFunctionAsync(
            "before => document.querySelector('.indicator-chart svg path.mud-chart-line')?.getAttribute('d') !== before",
            lineBefore);
        // 3,2 in 2025 is below the target of 3,5 where lower is better: reached, in words and not by colour alone.
        await page.GetByText("Doel bereikt").First.WaitForAsync();
        await page.AssertAccessibleAsync();

        // And back: from the indicator to the intervention, and from there to the opgave behind it.
        await page.GetByRole(AriaRole.Link, new() { Name = intervention }).ClickAsync();
        await execution.Heading(Programme).WaitForAsync();
        await page.WaitUntilInteractiveAsync();
        await execution.ShowDetailsAsync(intervention);
        await execution.Details(intervention).GetByRole(AriaRole.Link, new() { Name = Opgave }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = Opgave, Level = 3 }).WaitForAsync();
        Assert.EndsWith("/opgaven", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }
}
