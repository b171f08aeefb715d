using Microsoft.Playwright;
using Wijkaanpak.E2E.Tests.Infrastructure;

namespace Wijkaanpak.E2E.Tests.Pages;

/// <summary>The execution programme page: periods, the interventions table with its filters, and the staff forms.</summary>
public sealed class ExecutionPage(IPage page)
{
    public ILocator Heading(string programme) => page.GetByRole(AriaRole.Heading, new() { Name = $"Uitvoeringsprogramma – {programme}", Level = 1 });

    public ILocator Intervention(string title) => page.Locator("#interventions").GetByRole(AriaRole.Row).Filter(new() { HasText = title });

    public async Task OpenAsync(string programmeUrl, string programme)
    {
        await page.GotoAsync(programmeUrl + "/uitvoering");
        await page.WaitUntilInteractiveAsync();
        await Heading(programme).WaitForAsync();
    }

    public async Task PlanAsync(string title, string kind, string ambition, string budget, string start, string? indicator = null)
    {
        await page.Locator("#intervention-title").FillAsync(title);
        await ChooseAsync("Soort", kind);
        await ChooseManyAsync("Ambities die ze dient", ambition);
        if (indicator is not null)
        {
            await ChooseManyAsync("Indicatoren die ze moet bewegen (optioneel)", indicator);
        }

        await page.Locator("#intervention-budget").FillAsync(budget);
        await page.Locator("#intervention-start").FillAsync(start);
        await page.Locator("#intervention-start").PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Interventie plannen" }).Last.ClickAsync();
    }

    public async Task ShowDetailsAsync(string title) =>
        await page.GetByRole(AriaRole.Button, new() { Name = $"Details van {title} tonen" }).ClickAsync();

    public ILocator Details(string title) => page.Locator("td.intervention-details").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title }) });

    public async Task ChangeStatusAsync(string title, string status, string reason)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Status van {title} wijzigen" }).ClickAsync();
        await ChooseAsync("Nieuwe status", status);
        await page.Locator("#status-reason").FillAsync(reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Status wijzigen", Exact = true }).ClickAsync();
    }

    public Task FilterAsync(string filter, string option) => ChooseAsync(filter, option);

    /// <summary>
    /// Picks one option of a multi-select and closes its list; waits until the list has gone, so that the
    /// next field is not clicked while the popover still covers it (it did, on a loaded machine). The list
    /// is closed only once the option shows as chosen, as a user sees the tick before moving on: an
    /// Escape that reached the page while the circuit was still handling the click left the list open.
    /// </summary>
    private async Task ChooseManyAsync(string label, string option)
    {
        await page.GetByLabel(label, new() { Exact = true }).ClickAsync();
        var choice = page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true });
        await choice.ClickAsync();
        await Assertions.Expect(choice).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("Escape");
        await choice.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
    }

    private async Task ChooseAsync(string label, string option)
    {
        await page.GetByLabel(label, new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }
}

/// <summary>The financing page: budget lines, totals, the chart with its table, and what is not covered.</summary>
public sealed class FinancingPage(IPage page)
{
    public ILocator Heading(string programme) => page.GetByRole(AriaRole.Heading, new() { Name = $"Financiering – {programme}", Level = 1 });

    public async Task OpenAsync(string programmeUrl, string programme)
    {
        await page.GotoAsync(programmeUrl + "/financiering");
        await page.WaitUntilInteractiveAsync();
        await Heading(programme).WaitForAsync();
    }
}
