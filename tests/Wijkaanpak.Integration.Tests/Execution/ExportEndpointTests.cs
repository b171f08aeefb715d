using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Wijkaanpak.Integration.Tests.Infrastructure;

namespace Wijkaanpak.Integration.Tests.Execution;

/// <summary>The exports over HTTP, on the demo data of Westwijk Vooruit; the Kanaleneiland colleague is staff of another programme.</summary>
public sealed class ExportEndpointTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    public static TheoryData<string> Exports => ["uitvoering/export.xlsx", "uitvoering/export.csv", "financiering/export.xlsx", "financiering/export.csv", "indicatoren/export.xlsx", "indicatoren/export.csv"];

    private Uri Of(string export) => new($"/programmas/{demo.Programme}/{export}", UriKind.Relative);

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task StaffOfAnotherProgramme_IsRefusedTheExport(string export)
    {
        using var client = demo.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await DemoAppFixture.PostSignInAsync(client, "collega@wijkaanpak.example", DemoAppFixture.Password)).StatusCode);

        var response = await client.GetAsync(Of(export));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/geen-toegang", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task AnAnonymousVisitor_IsSentToSignIn(string export)
    {
        var response = await (await demo.ClientForAsync(Actor.Anonymous)).GetAsync(Of(export));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/inloggen", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACouncillorOfTheProgramme_DownloadsTheSevenSeededBudgetLinesAsCsv()
    {
        var response = await (await demo.ClientForAsync(Actor.Raadslid)).GetAsync(Of("financiering/export.csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Financiering-Westwijk-Vooruit.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Bron;Regeling;Financier;", lines[0], StringComparison.Ordinal);
        Assert.Equal(1 + 7, lines.Length);
        Assert.Contains(lines, line => line.Contains("Programmabureau: personeel en huisvesting", StringComparison.Ordinal) && line.Contains("180000,00", StringComparison.Ordinal));
    }
}
