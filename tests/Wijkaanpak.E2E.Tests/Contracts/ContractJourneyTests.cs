using Microsoft.Playwright;
using Wijkaanpak.E2E.Tests.Infrastructure;
using Wijkaanpak.E2E.Tests.Pages;

namespace Wijkaanpak.E2E.Tests.Contracts;

[Collection(BrowserCollection.Name)]
public sealed class ContractJourneyTests(BrowserFixture fixture)
{
    [ChromiumFact]
    public async Task StaffRecordBothSignatures_TheConceptBecomesOndertekendWithoutEditControls_AndDownloadsAsAPdf()
    {
        var page = await fixture.NewPageAsync();
        await Start.AtProgrammeAsync(page, SignInPage.Programmabureau, "Noord aan Zet");

        var contract = new ContractPage(page);
        await contract.OpenAsync(page.Url, "Noord aan Zet");
        await Assertions.Expect(contract.Status).ToHaveTextAsync("Concept");
        Assert.True(await contract.EditControls.CountAsync() > 0);
        await page.AssertAccessibleAsync();

        // Removing a party costs its commitment, so it is asked first; cancelling keeps everything.
        await contract.AskToRemovePartyAsync("Woonstichting Zwolle Noord", "Annuleren");
        await Assertions.Expect(contract.RemovePartyButton("Woonstichting Zwolle Noord")).ToBeVisibleAsync();

        await contract.RecordSignatureAsync("Gemeente Zwolle", "E. Zwart", "Wethouder sociaal domein");
        await Assertions.Expect(contract.Status).ToHaveTextAsync("Concept");
        await contract.RecordSignatureAsync("Woonstichting Zwolle Noord", "P. Hoekstra", "Bestuurder");

        await Assertions.Expect(contract.Status).ToHaveTextAsync("Ondertekend");
        await Assertions.Expect(contract.FrozenNote).ToContainTextAsync("deze versie verandert niet meer");
        Assert.Equal(0, await contract.EditControls.CountAsync());
        await page.AssertAccessibleAsync();
        // From the top: a full-page shot of a scrolled page draws the fixed app bar halfway down.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(fixture, "contract-signed");

        var download = await page.RunAndWaitForDownloadAsync(() => contract.PdfLink.ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        await download.SaveAsAsync(Path.Combine(fixture.ScreenshotFolder, "contract-signed.pdf"));
    }
}
