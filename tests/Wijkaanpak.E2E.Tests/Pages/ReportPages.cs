using Microsoft.Playwright;
using Wijkaanpak.E2E.Tests.Infrastructure;

namespace Wijkaanpak.E2E.Tests.Pages;

/// <summary>The yearly progress report of a programme: preview, written sections, downloads and adoption.</summary>
public sealed class ReportPage(IPage page)
{
    public ILocator Heading(int year) => page.GetByRole(AriaRole.Heading, new() { Name = $"Voortgangsrapportage {year}", Level = 1 });

    public ILocator Status => page.Locator("#report-status");

    public ILocator Section(string heading) => page.GetByRole(AriaRole.Region, new() { Name = heading });

    public ILocator EditButtons => page.GetByRole(AriaRole.Button, new() { Name = "bewerken" });

    public ILocator WordLink => page.Locator("#download-docx");

    public ILocator PdfLink => page.Locator("#download-pdf");

    public ILocator AdoptedFigures => page.Locator(".adopted-figures");

    public async Task OpenAsync(string programmeUrl, int year)
    {
        await page.GotoAsync($"{programmeUrl}/voortgangsrapportage/{year}");
        await page.WaitUntilInteractiveAsync();
        await Heading(year).WaitForAsync();
    }

    public async Task WriteSectionAsync(string heading, string text)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"{heading} bewerken" }).ClickAsync();
        var field = Section(heading).GetByRole(AriaRole.Textbox, new() { Name = heading });
        await field.FillAsync(text);
        await Section(heading).GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(Section(heading)).ToContainTextAsync(text);
    }

    public async Task AdoptAsync(string date)
    {
        var field = page.Locator("#adopted-on");
        await field.FillAsync(date);
        await field.PressAsync("Tab");
        await page.Locator("#adopt").ClickAsync();
    }
}
