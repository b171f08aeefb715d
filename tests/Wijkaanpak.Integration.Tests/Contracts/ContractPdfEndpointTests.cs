using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Wijkaanpak.Integration.Tests.Infrastructure;

namespace Wijkaanpak.Integration.Tests.Contracts;

/// <summary>
/// The pdf download over HTTP, on the demo data: Westwijk Vooruit has a signed version 1 and a
/// concept version 2; the demo colleague from Kanaleneiland is staff of another programme.
/// </summary>
public sealed class ContractPdfEndpointTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    private Uri PdfOf(int number) => new($"/programmas/{demo.Programme}/contract/versies/{number}/pdf", UriKind.Relative);

    [Fact]
    public async Task AMemberOfTheProgramme_DownloadsTheSignedVersionAsAPdfWithADutchFileName()
    {
        var response = await (await demo.ClientForAsync(Actor.Programmabureau)).GetAsync(PdfOf(1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Lokaal-contract-Westwijk-Vooruit-versie-1.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
    }

    [Fact]
    public async Task StaffOfAnotherProgramme_IsRefused()
    {
        using var client = demo.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await DemoAppFixture.PostSignInAsync(client, "collega@wijkaanpak.example", DemoAppFixture.Password)).StatusCode);

        var response = await client.GetAsync(PdfOf(1));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/geen-toegang", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnonymousVisitor_IsSentToSignIn()
    {
        var response = await (await demo.ClientForAsync(Actor.Anonymous)).GetAsync(PdfOf(1));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/inloggen", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConceptOrAnUnknownVersion_IsNotFound()
    {
        var client = await demo.ClientForAsync(Actor.Programmabureau);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(PdfOf(2))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(PdfOf(9))).StatusCode);
    }
}
