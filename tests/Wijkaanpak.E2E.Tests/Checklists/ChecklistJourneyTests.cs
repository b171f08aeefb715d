using Microsoft.Playwright;
using Wijkaanpak.E2E.Tests.Infrastructure;
using Wijkaanpak.E2E.Tests.Pages;

namespace Wijkaanpak.E2E.Tests.Checklists;

[Collection(BrowserCollection.Name)]
public sealed class ChecklistJourneyTests(BrowserFixture fixture)
{
    [ChromiumFact]
    public async Task StaffAnswerTwoQuestions_AndTheOverviewShowsTheNewCompletion()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsAsync(SignInPage.Programmabureau);
        var list = new ProgrammeListPage(page);
        await list.OpenAsync();
        await list.OpenProgrammeAsync("Noord aan Zet");
        var overview = new ProgrammeOverviewPage(page);
        await overview.Heading("Noord aan Zet").WaitForAsync();
        var model = new ProcessModelSection(page);
        var block = model.Block("6.3", "Uitvoeringsprogramma");
        Assert.Contains("0/8 · 0%", await block.InnerTextAsync(), StringComparison.Ordinal);
        var ontwerpenBefore = await model.Phase("3. Ontwerpen").Locator(".completion-text").First.InnerTextAsync();
        await page.AssertAccessibleAsync();

        await model.OpenChecklistAsync("6.3", "Uitvoeringsprogramma");
        var checklist = new ChecklistPage(page);
        Assert.Equal("6.3 Uitvoeringsprogramma", await checklist.Heading.InnerTextAsync());
        Assert.Contains("0 van 8 beantwoord (0%)", await checklist.Progress.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("bron: Slagkracht in de wijk, §6.3", await checklist.Question("6.3-01").InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertAccessibleAsync();

        await checklist.AnswerAsync("6.3-01", "Ja", "Vastgesteld door de stuurgroep in maart.", "https://noordaanzet.example.nl/uitvoeringsprogramma");
        await checklist.Progress.GetByText("1 van 8 beantwoord (12%)").WaitForAsync();
        await checklist.AnswerAsync("6.3-02", "N.v.t.", "Geldt niet voor de eerste periode.");
        await checklist.Progress.GetByText("2 van 8 beantwoord (25%)").WaitForAsync();
        await checklist.Question("6.3-02").GetByText("Beantwoord door Pim van het Programmabureau").WaitForAsync();
        Assert.Contains("Beantwoord door Pim van het Programmabureau", await checklist.Question("6.3-01").InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.ScreenshotAsync(fixture, "checklist-beantwoord");

        await checklist.BackToProgrammeAsync("Noord aan Zet");
        await overview.Heading("Noord aan Zet").WaitForAsync();
        await block.GetByText("2/8 · 25%").WaitForAsync();
        Assert.NotEqual(ontwerpenBefore, await model.Phase("3. Ontwerpen").Locator(".completion-text").First.InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(fixture, "programma-overzicht-voortgang");
    }

    [ChromiumFact]
    public async Task AnInvalidEvidenceLink_IsRefusedWithADutchMessageNextToTheField()
    {
        var page = await fixture.NewPageAsync();
        await Start.AtProgrammeAsync(page, SignInPage.Programmabureau, "Westwijk Vooruit");
        await new ProcessModelSection(page).OpenChecklistAsync("8.1", "Wendbaar bijsturen");
        var checklist = new ChecklistPage(page);
        var before = await checklist.Progress.InnerTextAsync();

        await checklist.AnswerAsync("8.1-01", "Deels", links: "verslag stuurgroep.docx");

        await checklist.Question("8.1-01").GetByText("Geen geldig webadres: 'verslag stuurgroep.docx'.", new() { Exact = false }).WaitForAsync();
        Assert.Equal(before, await checklist.Progress.InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(fixture, "checklist-ongeldige-link");
    }

    [ChromiumFact]
    public async Task ACouncillorReadsTheAnswersOfAChecklist_WithoutAnyWayToChangeThem()
    {
        var staff = await fixture.NewPageAsync();
        await new SignInPage(staff).SignInAsAsync(SignInPage.Programmabureau);
        var westwijk = await WestwijkIdAsync(staff);
        var answering = new ChecklistPage(staff);
        await answering.OpenAsync(westwijk, "7.1");
        await answering.AnswerAsync("7.1-01", "Deels", "De programmaleider is er, het mandaat nog niet.", "https://westwijk.example.nl/stuurgroep");
        await answering.Question("7.1-01").GetByText("Beantwoord door Pim van het Programmabureau").WaitForAsync();

        var page = await fixture.NewPageAsync();
        await Start.AtProgrammeAsync(page, SignInPage.Raadslid, "Westwijk Vooruit");
        await page.AssertAccessibleAsync();

        await new ProcessModelSection(page).OpenChecklistAsync("7.1", "Samenwerken in de uitvoering");

        await page.GetByText("U kunt deze checklist lezen").WaitForAsync();
        var checklist = new ChecklistPage(page);
        Assert.Equal(0, await checklist.SaveButtons.CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Radio).CountAsync());
        var answer = await checklist.Question("7.1-01").InnerTextAsync();
        Assert.Contains("Antwoord: Deels", answer, StringComparison.Ordinal);
        Assert.Contains("De programmaleider is er, het mandaat nog niet.", answer, StringComparison.Ordinal);
        Assert.Contains("Beantwoord door Pim van het Programmabureau", answer, StringComparison.Ordinal);
        Assert.True(await checklist.Question("7.1-01").GetByRole(AriaRole.Link, new() { Name = "https://westwijk.example.nl/stuurgroep" }).IsVisibleAsync());
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(fixture, "checklist-alleen-lezen");
    }

    [ChromiumFact]
    public async Task ABeheerderMakesANewVersionOfAChecklist()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsAsync(SignInPage.Beheerder);
        await page.GetByRole(AriaRole.Link, new() { Name = "Checklists" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Checklists", Level = 1 }).WaitForAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Evaluatie en nazorg" });
        await row.WaitForAsync();
        Assert.Equal(19, await page.GetByRole(AriaRole.Row).CountAsync() - 1);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(fixture, "beheer-checklists");

        await row.GetByRole(AriaRole.Link, new() { Name = "Nieuwe versie" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Nieuwe versie van checklist 8.3", Level = 1 }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Vraag toevoegen" }).ClickAsync();
        await page.Locator("#vraag-4-tekst").FillAsync("Is vastgelegd wie na afloop de contacten met bewoners onderhoudt?");
        await page.Locator("#template-change-note").FillAsync("Een vraag over de nazorg voor bewoners toegevoegd.");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(fixture, "beheer-checklist-nieuwe-versie");
        await page.GetByRole(AriaRole.Button, new() { Name = "Versie 2 opslaan" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Checklists", Level = 1 }).WaitForAsync();
        var updated = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Evaluatie en nazorg" });
        await updated.GetByText("Bea de Beheerder").WaitForAsync();
        Assert.Contains("4", await updated.Locator("td").Nth(4).InnerTextAsync(), StringComparison.Ordinal);
    }

    private static async Task<Guid> WestwijkIdAsync(IPage page)
    {
        var list = new ProgrammeListPage(page);
        await list.OpenAsync();
        await list.OpenProgrammeAsync("Westwijk Vooruit");
        await new ProgrammeOverviewPage(page).Heading("Westwijk Vooruit").WaitForAsync();
        return Guid.Parse(page.Url.Split('/')[^1]);
    }
}
