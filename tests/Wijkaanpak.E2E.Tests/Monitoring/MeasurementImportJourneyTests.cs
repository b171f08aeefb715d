using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.E2E.Tests.Infrastructure;
using Wijkaanpak.E2E.Tests.Pages;

namespace Wijkaanpak.E2E.Tests.Monitoring;

[Collection(BrowserCollection.Name)]
public sealed class MeasurementImportJourneyTests(BrowserFixture fixture)
{
    [ChromiumFact]
    public async Task StaffImportTheSampleLongFile_TheNamesMapThemselves_AndASecondImportChangesNothing()
    {
        var programme = await ArrangeIndicatorsAsync();
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsAsync(SignInPage.Programmabureau);

        await page.GotoAsync($"/programmas/{programme}/metingen/importeren");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Metingen importeren – Westwijk Vooruit", Level = 1 }).WaitForAsync();
        await page.WaitUntilInteractiveAsync();
        await page.AssertAccessibleAsync();

        await page.GetByLabel("CSV-bestand (hoogstens 250 MB)").SetInputFilesAsync(SampleFile());
        await page.Locator("#import-format").GetByText("puntkomma", new() { Exact = false }).WaitForAsync();
        // The three names of the file, each already mapped to the indicator of the same name: 12 values below prove it.
        await page.Locator("td[id^=import-source-]").GetByText("Leefbaarometer-score", new() { Exact = true }).WaitForAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(fixture, "metingen-importeren-koppelen");

        await page.GetByRole(AriaRole.Button, new() { Name = "Controleren" }).ClickAsync();
        await page.Locator("#import-report").GetByText("Alle regels zijn in orde: 12 waarden").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Importeren", Exact = true }).ClickAsync();
        await page.Locator("#import-report").GetByText("Geïmporteerd: 12 nieuw, 0 gewijzigd, 0 ongewijzigd").WaitForAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(fixture, "metingen-importeren-klaar");

        await page.GetByRole(AriaRole.Button, new() { Name = "Controleren" }).ClickAsync();
        await page.Locator("#import-report").GetByText("Alle regels zijn in orde").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Importeren", Exact = true }).ClickAsync();
        await page.Locator("#import-report").GetByText("Geïmporteerd: 0 nieuw, 0 gewijzigd, 12 ongewijzigd").WaitForAsync();

        await using var db = fixture.Database.CreateContext();
        Assert.Equal(12, await db.Measurements.CountAsync(measurement => measurement.SourceName == "metingen-lang.csv"));
    }

    /// <summary>The demo data has no indicators yet: give Westwijk Vooruit those the sample file names.</summary>
    private async Task<Guid> ArrangeIndicatorsAsync()
    {
        await using var db = fixture.Database.CreateContext();
        var programme = await db.Programmes.SingleAsync(programme => programme.Name == "Westwijk Vooruit");
        foreach (var name in new[] { "Werkzoekenden", "Leefbaarometer-score", "Inwoners" })
        {
            db.Indicators.Add(Indicator.Define(programme.Id, new IndicatorDetails(
                name, IndicatorKind.Kernindicator, null, "Lokale monitor", null, "WK062203", ImprovementDirection.HigherIsBetter, null, null)));
        }

        await db.SaveChangesAsync();
        return programme.Id.Value;
    }

    private static string SampleFile()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Wijkaanpak.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("Wijkaanpak.sln niet gevonden."), "docs", "voorbeelden", "metingen-lang.csv");
    }
}
