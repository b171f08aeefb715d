using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf.IO;
using Wijkaanpak.Data.Seeding;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Domain.Reports;
using Wijkaanpak.Integration.Tests.Infrastructure;
using Wijkaanpak.TestSupport;
using Wijkaanpak.Web.Features.Monitoring;
using Wijkaanpak.Web.Features.Reports;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Integration.Tests.Reports;

/// <summary>
/// The progress report of the seeded Westwijk Vooruit (demo programmes and chain, no demo reports):
/// generated from the data, written out as Word and pdf, adopted and frozen. The tests share the
/// database and each uses a report year of its own.
/// </summary>
public sealed class ReportServiceTests(AppClassFixture fixture) : IClassFixture<AppClassFixture>
{
    // Sum of the seven demo budget lines' committed amounts (the pdf's text extraction does not read "€" back).
    private const string CommittedTotal = "527.500";

    private AppFixture App => fixture.App;

    [Fact]
    public async Task TheWordDocument_HasTheReportsHeadingsAndTheProgrammesFigures()
    {
        var (programme, staff) = await ArrangeAsync();
        await using var scope = App.ScopeFor(staff);

        var result = await App.ServiceFor<ReportService>(scope).GetDocumentAsync(programme, 2025, ReportFormat.Docx);

        Assert.Equal(ResultStatus.Ok, result.Status);
        Assert.Equal("Voortgangsrapportage-2025-Westwijk-Vooruit.docx", result.Value!.FileName);
        using var document = WordprocessingDocument.Open(new MemoryStream(result.Value.Content), isEditable: false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var text = body.InnerText;
        Assert.Contains("Voortgangsrapportage 2025", text, StringComparison.Ordinal);
        Assert.Contains("Netto arbeidsparticipatie", text, StringComparison.Ordinal);
        Assert.Contains("59,6", text, StringComparison.Ordinal); // the 2025 value
        Assert.Contains("De stijging zet door", text, StringComparison.Ordinal); // its 2025 duiding
        Assert.Contains(CommittedTotal, text, StringComparison.Ordinal);
        Assert.Contains("Huiswerkklas in de brede school", text, StringComparison.Ordinal);
        var headings = body.Descendants<Paragraph>()
            .Where(paragraph => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1")
            .Select(paragraph => paragraph.InnerText)
            .ToList();
        Assert.Equal(["Samenvatting", "Procesinformatie", "Indicatoren", "Voortgang per ambitie", "Financiën", "Besluiten in 2025", "Wat goed werkte", "Lessen en reflectie", "Vooruitblik"], headings);
        Assert.True(body.Descendants<Table>().Count() >= 6);
        Assert.NotNull(document.MainDocumentPart.FooterParts.SingleOrDefault());
    }

    [Fact]
    public async Task ThePdf_HasATitlePageThenTheFiguresAndPageNumbers()
    {
        var (programme, staff) = await ArrangeAsync();
        await using var scope = App.ScopeFor(staff);

        var result = await App.ServiceFor<ReportService>(scope).GetDocumentAsync(programme, 2025, ReportFormat.Pdf);

        Assert.Equal(ResultStatus.Ok, result.Status);
        Assert.Equal("application/pdf", result.Value!.ContentType);
        using var document = PdfReader.Open(new MemoryStream(result.Value.Content), PdfDocumentOpenMode.Import);
        Assert.InRange(document.PageCount, 3, 8);
        var titlePage = PdfText.OfPage(document.Pages[0]);
        Assert.Contains("Voortgangsrapportage 2025", titlePage, StringComparison.Ordinal);
        Assert.DoesNotContain("Procesinformatie", titlePage, StringComparison.Ordinal);
        var text = PdfText.Of(document);
        Assert.Contains("59,6", text, StringComparison.Ordinal);
        Assert.Contains(CommittedTotal, text, StringComparison.Ordinal);
        Assert.Contains($"pagina {document.PageCount} van {document.PageCount}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACorrectionAfterAdoption_LeavesTheAdoptedReportAlone_ButChangesTheConcept()
    {
        var (programme, staff) = await ArrangeAsync();
        await using var scope = App.ScopeFor(staff);
        var reports = App.ServiceFor<ReportService>(scope);
        var adopted = (await reports.GetAsync(programme, 2023)).Value!.Report;
        Assert.True((await reports.AdoptAsync(programme, 2023, new AdoptionEditModel { AdoptedOn = new DateTime(2024, 3, 14, 0, 0, 0, DateTimeKind.Unspecified), Version = adopted.Version })).IsOk);

        // The 2023 value of the work indicator (58,0) turns out to be 58,4.
        var indicators = App.ServiceFor<IndicatorService>(scope);
        var work = (await indicators.GetIndicatorsAsync(programme)).Value!.Indicators.Single(indicator => indicator.Name == "Netto arbeidsparticipatie");
        Assert.True((await indicators.RecordMeasurementAsync(programme, new IndicatorId(work.Id), new MeasurementEditModel { AreaCode = "WK062203", Year = 2023, Value = 58.4m })).IsOk);

        var frozen = (await reports.GetAsync(programme, 2023)).Value!.Report;
        var concept = (await reports.GetAsync(programme, 2024)).Value!.Report;
        Assert.Equal(ReportStatus.Vastgesteld, frozen.Status);
        Assert.Equal(58.0m, ValueOf(frozen, "Netto arbeidsparticipatie", 2023));
        Assert.Equal(58.4m, ValueOf(concept, "Netto arbeidsparticipatie", 2023));
        var comparison = (await reports.CompareWithAdoptedAsync(programme)).Value!;
        Assert.Equal(2023, comparison.Year);
        var compared = comparison.Indicators.Single(figure => figure.Label.StartsWith("Netto arbeidsparticipatie", StringComparison.Ordinal));
        Assert.Equal(("58", "58,4", true), (compared.Adopted, compared.Current, compared.Differs));
        using var pdf = PdfReader.Open(new MemoryStream((await reports.GetDocumentAsync(programme, 2023, ReportFormat.Pdf)).Value!.Content), PdfDocumentOpenMode.Import);
        Assert.Contains("Vastgesteld door het bestuur op 14 maart 2024", PdfText.Of(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANarrativeSection_IsSavedWithItsHistory_AConflictIsReported_AndAfterAdoptionNothingIsWritten()
    {
        var (programme, staff) = await ArrangeAsync();
        await using var scope = App.ScopeFor(staff);
        var reports = App.ServiceFor<ReportService>(scope);

        var first = await reports.SaveSectionAsync(programme, 2022, new SectionEditModel { Section = NarrativeSection.Lessen, Text = "Bewoners vroeg betrekken.", Version = 0 });
        Assert.True(first.IsOk);
        var stale = await reports.SaveSectionAsync(programme, 2022, new SectionEditModel { Section = NarrativeSection.Lessen, Text = "Mijn versie.", Version = 0 });
        Assert.Equal(ResultStatus.Conflict, stale.Status);
        Assert.Equal(("Bewoners vroeg betrekken.", "Mijn versie."), (stale.Differences.Single().Stored, stale.Differences.Single().Yours));
        Assert.True((await reports.SaveSectionAsync(programme, 2022, new SectionEditModel { Section = NarrativeSection.Lessen, Text = "Bewoners vroeg en vaak betrekken.", Version = first.Value })).IsOk);

        var current = (await reports.GetAsync(programme, 2022)).Value!.Report;
        Assert.True((await reports.AdoptAsync(programme, 2022, new AdoptionEditModel { AdoptedOn = new DateTime(2023, 2, 1, 0, 0, 0, DateTimeKind.Unspecified), Version = current.Version })).IsOk);
        var refused = await reports.SaveSectionAsync(programme, 2022, new SectionEditModel { Section = NarrativeSection.Lessen, Text = "Achteraf.", Version = current.Version });

        Assert.Equal(ResultStatus.RuleBroken, refused.Status);
        Assert.Contains("vastgesteld", refused.Message, StringComparison.Ordinal);
        Assert.Equal("Bewoners vroeg en vaak betrekken.", (await reports.GetAsync(programme, 2022)).Value!.Report.TextOf(NarrativeSection.Lessen));
        await using var db = App.Database.CreateContext();
        var history = await db.AuditEntries.Where(entry => entry.EntityType == nameof(ProgressReport) && entry.ProgrammeId == programme.Value).ToListAsync();
        Assert.Equal(["Toegevoegd", "Gewijzigd", "Gewijzigd"], history.OrderBy(entry => entry.Id).Select(entry => entry.Action)); // written, rewritten, adopted; nothing for the refused edits
    }

    [Fact]
    public async Task AnAdoptionDateInTheFuture_IsRefusedNextToTheField()
    {
        var (programme, staff) = await ArrangeAsync();
        await using var scope = App.ScopeFor(staff);

        var result = await App.ServiceFor<ReportService>(scope).AdoptAsync(programme, 2021, new AdoptionEditModel { AdoptedOn = DateTime.Today.AddDays(2) });

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains(nameof(AdoptionEditModel.AdoptedOn), result.Errors.Keys);
        Assert.Equal(ReportStatus.Concept, (await App.ServiceFor<ReportService>(scope).GetAsync(programme, 2021)).Value!.Report.Status);
    }

    private static decimal? ValueOf(ReportView report, string indicator, int year) =>
        report.Figures.Indicators.Single(figures => figures.Name == indicator).Values.SingleOrDefault(value => value.Year == year)?.Value;

    /// <summary>The demo programmes and Westwijk's chain (once per database), and a staff member of Westwijk Vooruit.</summary>
    private async Task<(ProgrammeId Programme, CurrentUser Staff)> ArrangeAsync()
    {
        var clock = App.Services.GetRequiredService<TimeProvider>();
        await using (var db = App.Database.CreateContext())
        {
            await DemoData.SeedAsync(db, clock);
            await DemoAlliances.SeedAsync(db, clock);
            await DemoChain.SeedAsync(db, clock);
        }

        await using var read = App.Database.CreateContext();
        var programme = (await read.Programmes.SingleAsync(candidate => candidate.Name == "Westwijk Vooruit")).Id;
        return (programme, await App.CreateUserAsync(Role.Programmabureau, null, programme));
    }
}
