using Microsoft.Playwright;
using Wijkaanpak.E2E.Tests.Infrastructure;
using Wijkaanpak.E2E.Tests.Pages;

namespace Wijkaanpak.E2E.Tests.Forms;

/// <summary>An answer typed and not yet saved is not lost without a word when the user clicks away.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UnsavedInputTests(BrowserFixture fixture)
{
    [ChromiumFact]
    public async Task LeavingAChecklistWithAnUnsavedAnswer_AsksFirst_AndStayingKeepsTheAnswer()
    {
        var page = await BrowserFixture.NewPageAsync(fixture.Browser, fixture.BaseAddress, timeout: 15_000, answerDialogs: false);
        var questions = new List<string>();
        var stay = true;
        page.Dialog += async (_, dialog) =>
        {
            questions.Add(dialog.Message);
            await (stay ? dialog.DismissAsync() : dialog.AcceptAsync());
        };
        await Start.AtProgrammeAsync(page, SignInPage.Programmabureau, "Westwijk Vooruit");
        await new ProcessModelSection(page).OpenChecklistAsync("8.1", "Wendbaar bijsturen");
        var checklist = new ChecklistPage(page);
        var explanation = checklist.Question("8.1-02").GetByLabel("Toelichting");
        await explanation.FillAsync("Besproken in de stuurgroep; nog vast te leggen.");
        await explanation.PressAsync("Tab");

        await checklist.BackToProgrammeAsync("Westwijk Vooruit");

        await Assertions.Expect(page.Locator(".questions")).ToBeVisibleAsync();
        Assert.Equal("Besproken in de stuurgroep; nog vast te leggen.", await explanation.InputValueAsync());
        Assert.Contains("nog niet is opgeslagen", Assert.Single(questions), StringComparison.Ordinal);

        // A second thought, as a person has it: a moment later, the same link, and this time leave.
        stay = false;
        await Task.Delay(1000);
        await checklist.BackToProgrammeAsync("Westwijk Vooruit");
        await new ProgrammeOverviewPage(page).Heading("Westwijk Vooruit").WaitForAsync();
        Assert.Equal(2, questions.Count);
    }

    [ChromiumFact]
    public async Task ASavedAnswer_LeavesWithoutAQuestion()
    {
        var page = await BrowserFixture.NewPageAsync(fixture.Browser, fixture.BaseAddress, timeout: 15_000, answerDialogs: false);
        var questions = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            questions.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        await Start.AtProgrammeAsync(page, SignInPage.Programmabureau, "Westwijk Vooruit");
        await new ProcessModelSection(page).OpenChecklistAsync("8.1", "Wendbaar bijsturen");
        var checklist = new ChecklistPage(page);

        await checklist.AnswerAsync("8.1-03", "Deels", "Eerste stap gezet.");
        await checklist.Question("8.1-03").GetByText("Beantwoord door Pim van het Programmabureau").WaitForAsync();
        await checklist.BackToProgrammeAsync("Westwijk Vooruit");

        await new ProgrammeOverviewPage(page).Heading("Westwijk Vooruit").WaitForAsync();
        Assert.Empty(questions);
    }
}
