using Microsoft.Playwright;
using Wijkaanpak.E2E.Tests.Infrastructure;

namespace Wijkaanpak.E2E.Tests.Pages;

/// <summary>The process model on a programme's overview: phases, blocks and their completion.</summary>
public sealed class ProcessModelSection(IPage page)
{
    public ILocator BlockLink(string code, string title) => page.GetByRole(AriaRole.Link, new() { Name = $"{code} {title}", Exact = true });

    /// <summary>The list item of a block: its link and its completion ("2/8 · 25%").</summary>
    public ILocator Block(string code, string title) => page.Locator(".building-blocks > li").Filter(new() { Has = BlockLink(code, title) });

    /// <summary>The card of a phase, e.g. "3. Ontwerpen", with the phase's completion.</summary>
    public ILocator Phase(string heading) => page.Locator(".phase-list > li").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 3 }) });

    public async Task OpenChecklistAsync(string code, string title)
    {
        await BlockLink(code, title).ClickAsync();
        await page.Locator(".questions").WaitForAsync();
    }
}

/// <summary>One building block's checklist.</summary>
public sealed class ChecklistPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Progress => page.Locator(".checklist-progress");

    public ILocator Question(string key) => page.Locator($"#vraag-{key.Replace('.', '-')}");

    public ILocator SaveButtons => page.GetByRole(AriaRole.Button, new() { Name = "opslaan" });

    public async Task OpenAsync(Guid programme, string code)
    {
        await page.GotoAsync($"/programmas/{programme}/checklists/{code}");
        await page.WaitUntilInteractiveAsync();
        await page.Locator(".questions").WaitForAsync();
    }

    /// <summary>Chooses a status, fills the explanation and links, saves, and waits for the confirmation.</summary>
    public async Task AnswerAsync(string key, string status, string explanation = "", string links = "")
    {
        var question = Question(key);
        await question.GetByRole(AriaRole.Radio, new() { Name = status, Exact = true }).CheckAsync();
        await question.GetByLabel("Toelichting").FillAsync(explanation);
        await question.GetByLabel("Links naar onderbouwing").FillAsync(links);
        await question.GetByRole(AriaRole.Button, new() { Name = "opslaan" }).ClickAsync();
    }

    public async Task BackToProgrammeAsync(string name) =>
        await page.GetByRole(AriaRole.Link, new() { Name = $"Terug naar {name}" }).ClickAsync();
}
