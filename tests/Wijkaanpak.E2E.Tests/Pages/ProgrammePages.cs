using Microsoft.Playwright;
using Wijkaanpak.E2E.Tests.Infrastructure;

namespace Wijkaanpak.E2E.Tests.Pages;

/// <summary>The programme list as a user sees it.</summary>
public sealed class ProgrammeListPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Programma's", Level = 1 });

    public ILocator Row(string name) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });

    public async Task OpenAsync()
    {
        await page.GotoAsync("/programmas");
        await page.WaitUntilInteractiveAsync();
        await Heading.WaitForAsync();
    }

    public async Task StartNewAsync()
    {
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Nieuw programma" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Nieuw programma", Level = 1 }).WaitForAsync();
    }

    public async Task OpenProgrammeAsync(string name) => await Row(name).GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
}

/// <summary>The form for a new or existing programme.</summary>
public sealed class ProgrammeFormPage(IPage page)
{
    public ILocator Name => page.Locator("#programme-name");

    public ILocator Municipality => page.Locator("#programme-municipality");

    public ILocator AreaCodes => page.Locator("#programme-areas");

    public ILocator StartDate => page.GetByLabel("Startdatum");

    public ILocator Horizon => page.Locator("#programme-horizon");

    public ILocator Description => page.Locator("#programme-description");

    public ILocator Save => page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" });

    public ILocator Message(string text) => page.GetByText(text, new() { Exact = false });

    public async Task ChooseUrgencyAsync(string urgency)
    {
        await page.GetByLabel("Soort urgentie").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = urgency }).ClickAsync();
    }

    public async Task FillAsync(string name, string municipality, string areaCodes, string urgency, string startDate, int horizon)
    {
        await Name.FillAsync(name);
        await Municipality.FillAsync(municipality);
        await AreaCodes.FillAsync(areaCodes);
        await ChooseUrgencyAsync(urgency);
        await StartDate.FillAsync(startDate);
        await StartDate.PressAsync("Tab");
        await Horizon.FillAsync(horizon.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>A programme's own page with its process model.</summary>
public sealed class ProgrammeOverviewPage(IPage page)
{
    public ILocator Heading(string name) => page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 });

    public ILocator Phases => page.GetByRole(AriaRole.List, new() { Name = "De vier fasen van het procesmodel" }).Locator(":scope > li");

    public ILocator CurrentPhase => page.Locator("li[aria-current=step]");
}

/// <summary>Where most journeys begin: signed in, the programme opened from the list as a user would.</summary>
public static class Start
{
    /// <returns>The programme's address, for going to its other pages.</returns>
    public static async Task<string> AtProgrammeAsync(IPage page, string account, string programme)
    {
        ArgumentNullException.ThrowIfNull(page);
        await new SignInPage(page).SignInAsAsync(account);
        var list = new ProgrammeListPage(page);
        await list.OpenAsync();
        await list.OpenProgrammeAsync(programme);
        await new ProgrammeOverviewPage(page).Heading(programme).WaitForAsync();
        return page.Url;
    }
}
