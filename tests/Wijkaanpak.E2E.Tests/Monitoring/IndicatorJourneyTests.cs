using Wijkaanpak.E2E.Tests.Infrastructure;
using Wijkaanpak.E2E.Tests.Pages;

namespace Wijkaanpak.E2E.Tests.Monitoring;

[Collection(BrowserCollection.Name)]
public sealed class IndicatorJourneyTests(BrowserFixture fixture)
{
    private const string Programme = "Westwijk Vooruit";
    private const string Indicator = "Netto arbeidsparticipatie";

    [ChromiumFact]
    public async Task StaffRecordThisYearsFigure_AndTheTableAndTheChartShowIt()
    {
        var page = await fixture.NewPageAsync();
        var programmeUrl = await Start.AtProgrammeAsync(page, SignInPage.Programmabureau, Programme);

        var indicators = new IndicatorsPage(page);
        await indicators.OpenAsync(programmeUrl, Programme);
        // The demo's figures: baseline 55,8 in 2019, latest 59,6 in 2025: better, in words and not by colour alone.
        await indicators.Row(Indicator).Filter(new() { HasText = "2025: 59,6%" }).Filter(new() { HasText = "Beter dan de nulmeting" }).WaitForAsync();
        await page.AssertAccessibleAsync();
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(fixture, "indicators");

        await indicators.OpenIndicatorAsync(Indicator);
        var indicator = new IndicatorPage(page);
        await indicator.Heading(Indicator).WaitForAsync();
        await page.WaitUntilInteractiveAsync();
        await indicator.MeasuredLine.WaitForAsync();
        var lineBefore = await indicator.MeasuredLine.GetAttributeAsync("d");
        Assert.Equal(0, await indicator.MeasurementRow("WK062203", 2026).CountAsync());

        await indicator.RecordAsync(2026, "60,4");
        await indicator.MeasurementRow("WK062203", 2026).Filter(new() { HasText = "60,4" }).WaitForAsync();
        await page.GetByText("De meting is vastgelegd.").WaitForAsync();

        // The measured line now reaches 2026: its path is drawn anew with one more point.
        await page.WaitForFunctionAsync(
            "before => document.querySelector('.indicator-chart svg path.mud-chart-line')?.getAttribute('d') !== before",
            lineBefore);
        Assert.Contains("+4,6", await indicator.MeasurementRow("WK062203", 2026).InnerTextAsync(), StringComparison.Ordinal);

        // The same value again changes nothing, and says so.
        await indicator.RecordAsync(2026, "60,4");
        await page.GetByText("Ongewijzigd: deze waarde stond er al.").WaitForAsync();
        Assert.Equal(1, await indicator.MeasurementRow("WK062203", 2026).CountAsync());

        await page.AssertAccessibleAsync();
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(fixture, "indicator-trend");

        // A buurt's figure is not in the wijk's table or line; it is with the other areas, shown on request.
        await indicator.RecordAsync(2026, "48,2", area: "BU06220301");
        await page.GetByText("De meting is vastgelegd.").First.WaitForAsync();
        Assert.Equal(0, await indicator.MeasurementRow("BU06220301", 2026).CountAsync());
        // By keyboard: the button opens the table, and Tab reaches its pager.
        await indicator.ShowOtherAreas.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await indicator.OtherAreaRow("BU06220301", 2026).Filter(new() { HasText = "48,2" }).WaitForAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement?.closest('#other-areas-table') !== null"));
        await page.AssertAccessibleAsync();
        await page.Locator("#other-areas-table").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "indicator-andere-gebieden.png") });
    }
}
