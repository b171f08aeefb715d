using Microsoft.Playwright;
using Wijkaanpak.E2E.Tests.Infrastructure;

namespace Wijkaanpak.E2E.Tests.Pages;

/// <summary>The alliance page of a programme: members today, the composition on a date, and the staff forms.</summary>
public sealed class AlliancePage(IPage page)
{
    public ILocator Heading(string programme) => page.GetByRole(AriaRole.Heading, new() { Name = $"Alliantie – {programme}", Level = 1 });

    public ILocator CurrentMember(string organisation) =>
        page.Locator("[aria-label='Huidige leden van de alliantie']").GetByRole(AriaRole.Row).Filter(new() { HasText = organisation });

    public ILocator BoardHeading(string day) => page.GetByRole(AriaRole.Heading, new() { Name = $"Alliantiebestuur op {day}", Level = 3 });

    public ILocator BoardMember(string day, string organisation) =>
        page.Locator($"[aria-label='Alliantiebestuur op {day}']").GetByRole(AriaRole.Row).Filter(new() { HasText = organisation });

    public async Task OpenAsync(string programmeUrl, string programme)
    {
        await page.GotoAsync(programmeUrl + "/alliantie");
        await page.WaitUntilInteractiveAsync();
        await Heading(programme).WaitForAsync();
    }

    public async Task AddMembershipAsync(string organisation, string role, string level, string from)
    {
        await ChooseAsync("Organisatie", organisation);
        await ChooseAsync("Rol", role);
        await ChooseAsync("Niveau", level);
        await page.Locator("#membership-from").FillAsync(from);
        await page.Locator("#membership-from").PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lidmaatschap toevoegen" }).ClickAsync();
    }

    public async Task ShowCompositionOnAsync(string date)
    {
        await page.Locator("#composition-date").FillAsync(date);
        await page.Locator("#composition-date").PressAsync("Tab");
    }

    private async Task ChooseAsync(string label, string option)
    {
        await page.GetByLabel(label, new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }
}

/// <summary>The stakeholder and policy inventories of a programme.</summary>
public sealed class InventoriesPage(IPage page)
{
    public ILocator Heading(string programme) => page.GetByRole(AriaRole.Heading, new() { Name = $"Inventarisatie – {programme}", Level = 1 });

    public ILocator Stakeholder(string name) => page.Locator("[aria-label='Belanghebbenden']").GetByRole(AriaRole.Row).Filter(new() { HasText = name });

    public async Task OpenAsync(string programmeUrl, string programme)
    {
        await page.GotoAsync(programmeUrl + "/inventarisatie");
        await page.WaitUntilInteractiveAsync();
        await Heading(programme).WaitForAsync();
    }

    public async Task AddStakeholderAsync(string name, string kind, string interest)
    {
        await page.Locator("#stakeholder-name").FillAsync(name);
        await page.GetByLabel("Soort", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = kind, Exact = true }).ClickAsync();
        await page.Locator("#stakeholder-interest").FillAsync(interest);
        await page.GetByRole(AriaRole.Button, new() { Name = "Belanghebbende toevoegen" }).ClickAsync();
    }
}
