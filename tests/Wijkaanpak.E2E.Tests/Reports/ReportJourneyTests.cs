using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using PdfSharp.Pdf.IO;
using Wijkaanpak.E2E.Tests.Infrastructure;
using Wijkaanpak.E2E.Tests.Pages;

namespace Wijkaanpak.E2E.Tests.Reports;

[Collection(BrowserCollection.Name)]
public sealed class ReportJourneyTests(BrowserFixture fixture)
{
    [ChromiumFact]
    public async Task StaffWriteTheSummary_DownloadWordAndPdf_AndAdopt_ThenTheReportIsReadOnly()
    {
        var page = await fixture.NewPageAsync();
        var programmeUrl = await Start.AtProgrammeAsync(page, SignInPage.Programmabureau, "Westwijk Vooruit");

        var report = new ReportPage(page);
        await report.OpenAsync(programmeUrl, 2026);
        await Assertions.Expect(report.Status).ToContainTextAsync("Concept");
        await Assertions.Expect(report.AdoptedFigures).ToContainTextAsync("vastgesteld (rapportage 2025)");
        await Assertions.Expect(report.AdoptedFigures).ToContainTextAsync("gewijzigd");
        await page.AssertAccessibleAsync();

        await report.WriteSectionAsync("Samenvatting", "De banenmarkt groeit door; de schuldenpilot loopt volgens plan.");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(fixture, "report-concept");

        var word = await page.RunAndWaitForDownloadAsync(() => report.WordLink.ClickAsync());
        Assert.Equal("Voortgangsrapportage-2026-Westwijk-Vooruit.docx", word.SuggestedFilename);
        using (var document = WordprocessingDocument.Open((await word.PathAsync())!, isEditable: false))
        {
            var text = document.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("De banenmarkt groeit door", text, StringComparison.Ordinal);
            Assert.Contains("Netto arbeidsparticipatie", text, StringComparison.Ordinal);
            Assert.Contains("55,8 (2019)", text, StringComparison.Ordinal);
            Assert.Contains("€ 527.500", text, StringComparison.Ordinal);
        }

        var pdf = await page.RunAndWaitForDownloadAsync(() => report.PdfLink.ClickAsync());
        Assert.Equal("Voortgangsrapportage-2026-Westwijk-Vooruit.pdf", pdf.SuggestedFilename);
        await pdf.SaveAsAsync(Path.Combine(fixture.ScreenshotFolder, "report-concept.pdf"));
        using (var document = PdfReader.Open((await pdf.PathAsync())!, PdfDocumentOpenMode.Import))
        {
            Assert.InRange(document.PageCount, 3, 8);
            Assert.Equal("Voortgangsrapportage 2026 – Westwijk Vooruit", document.Info.Title);
        }

        await report.AdoptAsync(DateTime.Today.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture));

        await Assertions.Expect(report.Status).ToContainTextAsync("Vastgesteld door het bestuur op");
        // The comparison beside it now starts from the report just adopted, without a reload.
        await Assertions.Expect(report.AdoptedFigures).ToContainTextAsync("vastgesteld (rapportage 2026)");
        Assert.Equal(0, await report.EditButtons.CountAsync());
        await Assertions.Expect(page.Locator("#adopt-form")).ToHaveCountAsync(0);
        await Assertions.Expect(report.Section("Samenvatting")).ToContainTextAsync("De banenmarkt groeit door");
        await page.AssertAccessibleAsync();
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(fixture, "report-adopted");
    }
}
