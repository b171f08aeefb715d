using Microsoft.Playwright;
using Wijkaanpak.E2E.Tests.Infrastructure;

namespace Wijkaanpak.E2E.Tests.Pages;

/// <summary>The vision page of a programme: mission, theory of change as a diagram, ambitions and the staff forms.</summary>
public sealed class VisionPage(IPage page)
{
    public ILocator Heading(string programme) => page.GetByRole(AriaRole.Heading, new() { Name = $"Visie en ambities – {programme}", Level = 1 });

    public ILocator Diagram => page.GetByRole(AriaRole.Group, new() { Name = "Verandertheorie als diagram" });

    /// <summary>The ambition's node in the diagram: a link to its section.</summary>
    public ILocator DiagramAmbition(string title) => Diagram.GetByRole(AriaRole.Link).Filter(new() { HasText = title });

    public ILocator DiagramIntervention(string title) => Diagram.GetByRole(AriaRole.Link).Filter(new() { HasText = title });

    public ILocator AmbitionHeading(string title) => page.GetByRole(AriaRole.Heading, new() { Name = $"Ambitie: {title}", Level = 3 });

    public async Task OpenAsync(string programmeUrl, string programme)
    {
        await page.GotoAsync(programmeUrl + "/visie");
        await page.WaitUntilInteractiveAsync();
        await Heading(programme).WaitForAsync();
    }

    public async Task AddAmbitionAsync(string title, string description, string opgave)
    {
        await page.Locator("#ambition-title").FillAsync(title);
        await page.Locator("#ambition-description").FillAsync(description);
        await page.GetByLabel("Opgaven waar deze ambitie op antwoordt (optioneel)", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = opgave }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ambitie toevoegen" }).ClickAsync();
    }

    public async Task ShowAsTextAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "Als tekst" }).ClickAsync();
}

/// <summary>The opgaven page of a programme: issues per domain with figures and stories.</summary>
public sealed class OpgavenPage(IPage page)
{
    public ILocator Heading(string programme) => page.GetByRole(AriaRole.Heading, new() { Name = $"Opgaven – {programme}", Level = 1 });

    public ILocator Opgave(string title) => page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 3 });

    public ILocator FiguresOf(string title) => page.Locator($"[aria-label='Indicatoren bij {title}']");

    public async Task OpenAsync(string programmeUrl, string programme)
    {
        await page.GotoAsync(programmeUrl + "/opgaven");
        await page.WaitUntilInteractiveAsync();
        await Heading(programme).WaitForAsync();
    }
}
