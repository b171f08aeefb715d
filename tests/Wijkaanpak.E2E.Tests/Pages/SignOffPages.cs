using Microsoft.Playwright;
using Wijkaanpak.E2E.Tests.Infrastructure;

namespace Wijkaanpak.E2E.Tests.Pages;

/// <summary>A partner's list of checklists waiting for their organisation's signature.</summary>
public sealed class MySignOffsPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Te ondertekenen", Level = 1 });

    public ILocator Row(string programme, string checklist) =>
        page.GetByRole(AriaRole.Row).Filter(new() { HasText = programme }).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = checklist }) });

    public async Task OpenAsync()
    {
        await page.GotoAsync("/mijn-aftekeningen");
        await page.WaitUntilInteractiveAsync();
        await Heading.WaitForAsync();
    }

    public async Task OpenChecklistAsync(string programme, string checklist)
    {
        await Row(programme, checklist).GetByRole(AriaRole.Link, new() { Name = checklist }).ClickAsync();
        await page.Locator(".questions").WaitForAsync();
    }
}

/// <summary>The "Aftekenen" section of a checklist: the status per organisation, the history and the form.</summary>
public sealed class SignOffSection(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Aftekenen", Level = 2 });

    public ILocator StatusTable => page.GetByRole(AriaRole.Table, new() { Name = "Ondertekening per organisatie in de alliantie" });

    public ILocator StatusOf(string organisation) => StatusTable.GetByRole(AriaRole.Row).Filter(new() { HasText = organisation });

    public ILocator FormHeading(string organisation) => page.GetByRole(AriaRole.Heading, new() { Name = $"Aftekenen namens {organisation}", Level = 3 });

    public ILocator History => page.GetByRole(AriaRole.Table, new() { Name = "Alle ondertekeningen van deze checklist, nieuwste eerst" });

    public async Task SignAsync(string remark)
    {
        await page.GetByLabel("Opmerking (niet verplicht)").FillAsync(remark);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aftekenen", Exact = true }).ClickAsync();
    }

    public async Task OpenHistoryAsync()
    {
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Alle ondertekeningen" });
        Assert.Equal("false", await toggle.GetAttributeAsync("aria-expanded"));
        await toggle.ClickAsync();
        await History.WaitForAsync();
    }
}
