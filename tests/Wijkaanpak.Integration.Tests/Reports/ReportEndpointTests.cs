using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.AspNetCore.Mvc.Testing;
using PdfSharp.Pdf.IO;
using Wijkaanpak.Integration.Tests.Infrastructure;

namespace Wijkaanpak.Integration.Tests.Reports;

/// <summary>
/// The report downloads over HTTP, on the demo data: Westwijk Vooruit's 2025 report was adopted
/// with 120 children in the homework class; afterwards that figure was corrected to 142.
/// </summary>
public sealed class ReportEndpointTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    public static TheoryData<string> Formats => ["docx", "pdf"];

    private Uri Of(int year, string format) => new($"/programmas/{demo.Programme}/voortgangsrapportage/{year}/{format}", UriKind.Relative);

    [Fact]
    public async Task ACouncillor_DownloadsTheAdoptedReportAsWord_WithTheFiguresAsAdopted()
    {
        var response = await (await demo.ClientForAsync(Actor.Raadslid)).GetAsync(Of(2025, "docx"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), isEditable: false);
        var body = document.MainDocumentPart!.Document!.Body!;
        Assert.Contains("Vastgesteld door het bestuur op 12 maart 2026", body.InnerText, StringComparison.Ordinal);
        var homework = body.Descendants<TableRow>().Single(row => row.Elements<TableCell>().First().InnerText == "Kinderen in de huiswerkklas");
        Assert.Equal(["Kinderen in de huiswerkklas", "aantal", "0 (2020)", "120", "150 (2027)", "Beter dan de nulmeting"], homework.Elements<TableCell>().Select(cell => cell.InnerText));
    }

    [Fact]
    public async Task APartner_DownloadsTheConceptAsPdf()
    {
        var response = await (await demo.ClientForAsync(Actor.Alliantiepartner)).GetAsync(Of(2026, "pdf"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Voortgangsrapportage-2026-Westwijk-Vooruit.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var document = PdfReader.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), PdfDocumentOpenMode.Import);
        var text = PdfText.Of(document);
        Assert.Contains("Concept", text, StringComparison.Ordinal);
        Assert.Contains("Kinderen in de huiswerkklas", text, StringComparison.Ordinal);
        Assert.Contains("527.500", text, StringComparison.Ordinal); // the money committed, all years
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task StaffOfAnotherProgramme_IsRefused(string format)
    {
        using var client = demo.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await DemoAppFixture.PostSignInAsync(client, "collega@wijkaanpak.example", DemoAppFixture.Password)).StatusCode);

        var response = await client.GetAsync(Of(2025, format));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/geen-toegang", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task AnAnonymousVisitor_IsSentToSignIn(string format)
    {
        var response = await (await demo.ClientForAsync(Actor.Anonymous)).GetAsync(Of(2025, format));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/inloggen", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnImplausibleYear_IsNotFound()
    {
        var response = await (await demo.ClientForAsync(Actor.Programmabureau)).GetAsync(Of(1850, "pdf"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
