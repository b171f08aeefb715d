using Microsoft.Playwright;
using Wijkaanpak.E2E.Tests.Infrastructure;
using Wijkaanpak.E2E.Tests.Pages;

namespace Wijkaanpak.E2E.Tests.Checklists;

[Collection(BrowserCollection.Name)]
public sealed class SignOffJourneyTests(BrowserFixture fixture)
{
    private const string Corporation = "Woonstichting De Waterweg";
    private const string Checklist = "7.1 Samenwerken in de uitvoering";

    [ChromiumFact]
    public async Task APartnerSignsAWaitingChecklist_AndAChangedAnswerOutdatesTheSignatureForStaffToSee()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsAsync(SignInPage.Alliantiepartner);
        var mine = new MySignOffsPage(page);
        await mine.OpenAsync();
        var waiting = mine.Row("Westwijk Vooruit", Checklist);
        await waiting.WaitForAsync();
        Assert.Contains("Verwacht", await waiting.InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(fixture, "my-signoffs");

        await mine.OpenChecklistAsync("Westwijk Vooruit", Checklist);
        await page.WaitUntilInteractiveAsync();
        var signOff = new SignOffSection(page);
        await signOff.Heading.WaitForAsync();
        Assert.Contains("Verwacht", await signOff.StatusOf(Corporation).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Ondertekend", await signOff.StatusOf("Gemeente Vlaardingen").InnerTextAsync(), StringComparison.Ordinal);
        await signOff.FormHeading(Corporation).WaitForAsync();
        // The picture of the form before signing: once signed, the form may be gone before a picture is taken.
        await page.Locator(".signoff-form").ScreenshotAsync(fixture, "signoff-form");

        await signOff.SignAsync("Akkoord; de huismeesters sluiten aan bij de uitvoeringstafel.");

        await page.GetByText($"U hebt de checklist afgetekend namens {Corporation}.").WaitForAsync();
        await signOff.StatusOf(Corporation).GetByText("Ondertekend").WaitForAsync();
        var signed = await signOff.StatusOf(Corporation).InnerTextAsync();
        Assert.Contains("Anna Partner", signed, StringComparison.Ordinal);
        Assert.Contains("Akkoord; de huismeesters sluiten aan bij de uitvoeringstafel.", signed, StringComparison.Ordinal);
        Assert.Equal(0, await signOff.FormHeading(Corporation).CountAsync());
        await page.AssertAccessibleAsync();
        await page.Locator("#aftekenen").ScreenshotAsync(fixture, "signoff-checklist");
        var checklistUrl = page.Url.Split('#')[0];

        await mine.OpenAsync();
        Assert.Equal(0, await mine.Row("Westwijk Vooruit", Checklist).CountAsync());

        var staff = await fixture.NewPageAsync();
        await new SignInPage(staff).SignInAsAsync(SignInPage.Programmabureau);
        await staff.GotoAsync(checklistUrl);
        await staff.WaitUntilInteractiveAsync();
        var checklist = new ChecklistPage(staff);
        await staff.Locator(".questions").WaitForAsync();
        var seenByStaff = new SignOffSection(staff);
        await seenByStaff.StatusOf(Corporation).GetByText("Ondertekend").WaitForAsync();

        await checklist.AnswerAsync("7.1-03", "Ja", "De scholen schuiven sinds deze maand aan.");

        await seenByStaff.StatusOf(Corporation).GetByText("Verouderd").WaitForAsync();
        Assert.Contains("er is daarna een antwoord gewijzigd", await seenByStaff.StatusOf(Corporation).InnerTextAsync(), StringComparison.Ordinal);
        await seenByStaff.OpenHistoryAsync();
        var history = seenByStaff.History.GetByRole(AriaRole.Row).Filter(new() { HasText = Corporation });
        Assert.Contains("verouderd: er is daarna een antwoord gewijzigd", await history.InnerTextAsync(), StringComparison.Ordinal);
        await staff.AssertAccessibleAsync();
        await staff.Locator("#aftekenen").ScreenshotAsync(fixture, "signoff-checklist-verouderd");

        // The partner is asked for a new signature.
        await mine.OpenAsync();
        Assert.Contains("Verouderd", await mine.Row("Westwijk Vooruit", Checklist).InnerTextAsync(), StringComparison.Ordinal);
    }
}
