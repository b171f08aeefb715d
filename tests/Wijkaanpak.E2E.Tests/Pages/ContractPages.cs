using Microsoft.Playwright;
using Wijkaanpak.E2E.Tests.Infrastructure;

namespace Wijkaanpak.E2E.Tests.Pages;

/// <summary>The lokaal contract of a programme, with the version shown below the list of versions.</summary>
public sealed class ContractPage(IPage page)
{
    public ILocator ShownVersion => page.Locator("section[aria-labelledby=version-heading]");

    public ILocator Status => page.Locator("#version-status");

    public ILocator FrozenNote => page.Locator("#frozen-note");

    public ILocator PdfLink => page.GetByRole(AriaRole.Link, new() { Name = "Download als pdf" });

    /// <summary>Every control in the shown version with which something could still be changed.</summary>
    public ILocator EditControls => ShownVersion.Locator("input, textarea, select, button");

    public ILocator SignatureRow(string party) =>
        page.GetByRole(AriaRole.Table, new() { Name = "Ondertekening van versie 1" }).GetByRole(AriaRole.Rowheader, new() { Name = party, Exact = true });

    public ILocator RemovePartyButton(string party) =>
        ShownVersion.GetByRole(AriaRole.Button, new() { Name = $"Verwijderen ({party})" });

    /// <summary>Asks to remove a party from the concept and, in the confirmation, chooses <paramref name="choice"/>.</summary>
    public async Task AskToRemovePartyAsync(string party, string choice)
    {
        await RemovePartyButton(party).ClickAsync();
        var confirmation = page.GetByRole(AriaRole.Dialog, new() { Name = $"{party} verwijderen?" });
        await confirmation.WaitForAsync();
        await confirmation.GetByRole(AriaRole.Button, new() { Name = choice }).ClickAsync();
        await confirmation.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    public async Task OpenAsync(string programmeUrl, string programmeName)
    {
        await page.GotoAsync(programmeUrl + "/contract");
        await page.WaitUntilInteractiveAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = $"Lokaal contract – {programmeName}", Level = 1 }).WaitForAsync();
    }

    public async Task RecordSignatureAsync(string party, string signatory, string function)
    {
        await page.GetByLabel("Ondertekenende partij").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = party }).ClickAsync();
        await page.Locator("#signature-name").FillAsync(signatory);
        await page.Locator("#signature-function").FillAsync(function);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ondertekening vastleggen" }).ClickAsync();
        await SignatureRow(party).WaitForAsync();
    }
}
