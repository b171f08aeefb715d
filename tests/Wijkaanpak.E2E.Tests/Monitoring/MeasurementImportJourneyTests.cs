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

    [ChromiumFact]
    public async Task AStatLineFileWithOnlyThreeDecimals_AsksHowItsNumbersAreWritten_AndImportsAsChosen()
    {
        var programme = await ArrangeIndicatorsAsync("Leefbaarheidsafwijking_4", "Werkzoekendenindex_5");
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsAsync(SignInPage.Programmabureau);

        await page.GotoAsync($"/programmas/{programme}/metingen/importeren");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Metingen importeren – Westwijk Vooruit", Level = 1 }).WaitForAsync();
        await page.WaitUntilInteractiveAsync();
        await page.GetByLabel("CSV-bestand (hoogstens 250 MB)").SetInputFilesAsync(SampleFile("statline-drie-decimalen.csv"));

        var question = page.GetByRole(AriaRole.Group, new() { Name = "Hoe zijn de getallen in dit bestand geschreven?" });
        await question.WaitForAsync();
        await question.GetByText("1.012 → 1,012 (decimaalpunt) of 1012 (duizendtallen)").WaitForAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(fixture, "metingen-importeren-decimaalteken");

        // Nothing is checked, let alone imported, until the user says how the numbers are written.
        await page.GetByRole(AriaRole.Button, new() { Name = "Controleren" }).ClickAsync();
        await question.GetByText("Kies hoe de getallen geschreven zijn", new() { Exact = false }).WaitForAsync();
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Importeren", Exact = true }).IsDisabledAsync());

        await question.GetByRole(AriaRole.Radio, new() { Name = "Met een decimaalpunt", Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Controleren" }).ClickAsync();
        await page.Locator("#import-report").GetByText("Alle regels zijn in orde: 7 waarden").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Importeren", Exact = true }).ClickAsync();
        await page.Locator("#import-report").GetByText("Geïmporteerd: 7 nieuw").WaitForAsync();

        await using var db = fixture.Database.CreateContext();
        var stored = await db.Measurements.Where(measurement => measurement.SourceName == "statline-drie-decimalen.csv" && measurement.AreaCode == "WK062203")
            .OrderBy(measurement => measurement.SourceColumn).Select(measurement => measurement.Value).ToListAsync();
        Assert.Equal([-1.25m, 1.41m], stored);
    }

    /// <summary>The demo data has no indicators yet: give Westwijk Vooruit those the sample file names.</summary>
    private async Task<Guid> ArrangeIndicatorsAsync(params string[] names)
    {
        await using var db = fixture.Database.CreateContext();
        var programme = await db.Programmes.SingleAsync(programme => programme.Name == "Westwijk Vooruit");
        foreach (var name in names.Length > 0 ? names : ["Werkzoekenden", "Leefbaarometer-score", "Inwoners"])
        {
            db.Indicators.Add(Indicator.Define(programme.Id, new IndicatorDetails(
                name, IndicatorKind.Kernindicator, null, "Lokale monitor", null, "WK062203", ImprovementDirection.HigherIsBetter, null, null)));
        }

        await db.SaveChangesAsync();
        return programme.Id.Value;
    }

    private static string SampleFile(string name = "metingen-lang.csv")
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Wijkaanpak.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("Wijkaanpak.sln niet gevonden."), "docs", "voorbeelden", name);
    }
}
