using Microsoft.Playwright;
using Wijkaanpak.E2E.Tests.Infrastructure;

namespace Wijkaanpak.E2E.Tests.Pages;

/// <summary>The indicators of a programme, grouped by kind.</summary>
public sealed class IndicatorsPage(IPage page)
{
    public ILocator Heading(string programme) => page.GetByRole(AriaRole.Heading, new() { Name = $"Monitoring – {programme}", Level = 1 });

    public ILocator Row(string indicator) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = indicator });

    public async Task OpenAsync(string programmeUrl, string programme)
    {
        await page.GotoAsync(programmeUrl + "/indicatoren");
        await page.WaitUntilInteractiveAsync();
        await Heading(programme).WaitForAsync();
    }

    public async Task OpenIndicatorAsync(string indicator) => await Row(indicator).GetByRole(AriaRole.Link, new() { Name = indicator }).ClickAsync();
}

/// <summary>One indicator: its chart and table of measurements, and the staff forms.</summary>
public sealed class IndicatorPage(IPage page)
{
    public ILocator Heading(string indicator) => page.GetByRole(AriaRole.Heading, new() { Name = indicator, Level = 1 });

    public ILocator MeasurementRow(string area, int year) =>
        page.Locator("[aria-label='Metingen per jaar']").GetByRole(AriaRole.Row).Filter(new() { HasText = area }).Filter(new() { HasText = year.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>The drawn line of the measured values: the first series of the chart.</summary>
    public ILocator MeasuredLine => page.Locator(".indicator-chart svg path.mud-chart-line").First;

    public ILocator OtherAreaRow(string area, int year) =>
        page.Locator("[aria-label='Metingen van andere gebieden']").GetByRole(AriaRole.Row).Filter(new() { HasText = area }).Filter(new() { HasText = year.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public ILocator ShowOtherAreas => page.GetByRole(AriaRole.Button, new() { Name = "Metingen van andere gebieden tonen" });

    /// <summary>Records a value for the indicator's own area, or for <paramref name="area"/>.</summary>
    public async Task RecordAsync(int year, string value, string? area = null)
    {
        if (area is not null)
        {
            await page.Locator("#measurement-area").FillAsync(area);
        }

        await page.Locator("#measurement-year").FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#measurement-value").FillAsync(value);
        await page.Locator("#measurement-value").PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Meting vastleggen" }).ClickAsync();
    }
}
