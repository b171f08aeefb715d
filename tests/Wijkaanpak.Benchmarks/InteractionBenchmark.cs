using System.Text.Json;
using Microsoft.Playwright;

namespace Wijkaanpak.Benchmarks;

/// <summary>
/// Latency of an action over the SignalR circuit as the user sees it: the browser clocks from the
/// click to the change on screen (<c>performance.now()</c> and a MutationObserver in the page, so
/// Playwright's own round trips are not counted). N users act at the same moment, each in their own
/// tab, circuit and programme (a shared record would turn every save into an edit conflict).
/// </summary>
internal sealed class InteractionBenchmark(Uri address, IReadOnlyList<Guid> programmes, string checklistCode, string questionKey, ServerEventTimer server)
{
    /// <summary>
    /// One action at one number of users: as the browser sees it, and the server's handling of the
    /// click alone (<see cref="ServerEventTimer"/>); <c>Failure</c> says why it could not be measured.
    /// </summary>
    public sealed record InteractionResult(string Action, int Users, Statistics Milliseconds, Statistics ServerMilliseconds = default, string? Failure = null);

    /// <summary>
    /// Saves the answer of one question card and resolves when the card shows the stored answer: the
    /// save button, disabled while the circuit saves, is released again, or a new confirmation
    /// appears (not that alone: MudBlazor leaves out a message that is still on screen, so a quick
    /// second save shows none). A message in the card (an error or an edit conflict) fails the measurement instead.
    /// </summary>
    private const string SaveAnswerScript = """
        async (cardId) => {
          const card = document.getElementById(cardId);
          const button = () => [...card.querySelectorAll('button')].find(b => b.textContent.trim() === 'Antwoord opslaan');
          const failed = () => card.querySelector('[role=alert]');
          const seen = new WeakSet(document.querySelectorAll('.mud-snackbar'));
          const confirmed = () => [...document.querySelectorAll('.mud-snackbar')].some(s => !seen.has(s) && s.textContent.includes('is opgeslagen'));
          let saving = false;
          const start = performance.now();
          return await new Promise((resolve, reject) => {
            const observer = new MutationObserver(() => {
              if (failed()) { observer.disconnect(); reject(new Error(failed().textContent)); return; }
              if (button().disabled) { saving = true; }
              else if (saving || confirmed()) { observer.disconnect(); resolve(performance.now() - start); }
            });
            observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['disabled', 'class'] });
            setTimeout(() => { observer.disconnect(); reject(new Error('het antwoord was na 60 s niet opgeslagen')); }, 60000);
            button().click();
          });
        }
        """;

    /// <summary>
    /// Changes the status in the open status form and resolves when the form has closed on the
    /// stored change (a failure or conflict keeps it open with a message, which fails the measurement).
    /// </summary>
    private const string ChangeStatusScript = """
        async () => {
          const form = document.getElementById('status-form');
          const button = [...form.querySelectorAll('button')].find(b => b.textContent.trim() === 'Status wijzigen');
          const failed = () => form.querySelector('[role=alert]');
          const start = performance.now();
          return await new Promise((resolve, reject) => {
            const observer = new MutationObserver(() => {
              if (!document.getElementById('status-form')) { observer.disconnect(); resolve(performance.now() - start); }
              else if (failed()) { observer.disconnect(); reject(new Error(failed().textContent)); }
            });
            observer.observe(document.body, { childList: true, subtree: true, characterData: true });
            setTimeout(() => { observer.disconnect(); reject(new Error('de status was na 60 s niet gewijzigd')); }, 60000);
            button.click();
          });
        }
        """;

    public async Task<IReadOnlyList<InteractionResult>> MeasureAsync(IReadOnlyList<int> levels, int rounds, string email, string password)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await CircuitBenchmark.LaunchAsync(playwright);
        var context = await CircuitBenchmark.SignInAsync(browser, address, email, password);
        var users = levels.Max();
        if (programmes.Count < users)
        {
            throw new InvalidOperationException($"{users} gebruikers vragen {users} programma's; de gegevensset heeft er {programmes.Count}.");
        }

        var cardId = "vraag-" + questionKey.Replace('.', '-');
        var tabs = new List<IPage>();
        foreach (var programme in programmes.Take(users))
        {
            var tab = await context.NewPageAsync();
            await tab.GotoAsync($"/programmas/{programme}/checklists/{checklistCode}");
            await tab.Locator("[data-interactive=true]").WaitForAsync();
            await tab.Locator($"#{cardId}").GetByRole(AriaRole.Button, new() { Name = "Antwoord opslaan" }).WaitForAsync();
            tabs.Add(tab);
        }

        var results = new List<InteractionResult>();
        var answer = 0;
        foreach (var level in levels)
        {
            var samples = new List<double>();
            var serverSamples = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                // A different status every round: saving the same answer again changes nothing.
                var status = answer++ % 2 == 0 ? "Ja" : "Nee";
                await Task.WhenAll(tabs.Take(level).Select(async tab =>
                {
                    await tab.Locator($"#{cardId}").GetByRole(AriaRole.Radio, new() { Name = status, Exact = true }).CheckAsync();
                    await DismissMessagesAsync(tab);
                }));
                server.Take(TimedEvent);
                var timings = await Task.WhenAll(tabs.Take(level).Select(tab => tab.EvaluateAsync<JsonElement>(SaveAnswerScript, cardId)));
                samples.AddRange(timings.Select(timing => timing.GetDouble()));
                serverSamples.AddRange(server.Take(TimedEvent));
            }

            results.Add(new InteractionResult($"Checklistvraag beantwoorden ({checklistCode})", level, Statistics.Of(samples), ServerStatistics(serverSamples)));
        }

        try
        {
            // The same tabs on the execution programme: each user changes one intervention's status.
            await Task.WhenAll(tabs.Zip(programmes).Select(async pair =>
            {
                await pair.First.GotoAsync($"/programmas/{pair.Second}/uitvoering");
                await pair.First.Locator("[data-interactive=true]").WaitForAsync();
            }));
            // The first intervention with a status button (a copy of the same one in every programme): the
            // table shows a page of interventions at a time, and ended ones have no status to change.
            await Task.WhenAll(tabs.Select(FirstPageWithAStatusButtonAsync));
            var statusButton = await tabs[0].Locator(StatusButtons).First.GetAttributeAsync("aria-label")
                ?? throw new InvalidOperationException("Het uitvoeringsprogramma toont geen interventie waarvan de status kan wijzigen.");
            foreach (var level in levels)
            {
                var samples = new List<double>();
                var serverSamples = new List<double>();
                for (var round = 0; round < rounds; round++)
                {
                    await Task.WhenAll(tabs.Take(level).Select(tab => OpenStatusFormAsync(tab, statusButton)));
                    server.Take(TimedEvent);
                    var timings = await Task.WhenAll(tabs.Take(level).Select(tab => tab.EvaluateAsync<JsonElement>(ChangeStatusScript)));
                    samples.AddRange(timings.Select(timing => timing.GetDouble()));
                    serverSamples.AddRange(server.Take(TimedEvent));
                }

                results.Add(new InteractionResult("Status van een interventie wijzigen", level, Statistics.Of(samples), ServerStatistics(serverSamples)));
            }
        }
        catch (Exception failure) when (failure is PlaywrightException or TimeoutException)
        {
            // Reported in the table rather than losing the whole run.
            results.Add(new InteractionResult("Status van een interventie wijzigen", 0, default, default, failure.Message.Split('\n')[0]));
        }

        await context.CloseAsync();
        return results;
    }

    /// <summary>
    /// Closes the confirmations still on screen (not timed): MudBlazor does not show a message again
    /// while the same one is visible, and the timed save must be able to show its own.
    /// </summary>
    private static async Task DismissMessagesAsync(IPage tab)
    {
        var messages = tab.Locator(".mud-snackbar");
        for (var attempt = 0; attempt < 100 && await messages.CountAsync() > 0; attempt++)
        {
            await tab.EvaluateAsync("() => document.querySelectorAll('.mud-snackbar button').forEach(button => button.click())");
            await Task.Delay(100);
        }
    }

    private const string StatusButtons = "button[aria-label^='Status van ']:visible";

    /// <summary>
    /// The timed buttons' event as the server's metric names it. Between taking the metric's samples before
    /// the timed clicks and after them, the timed clicks are the only clicks the users make.
    /// </summary>
    private const string TimedEvent = "onclick";

    private static Statistics ServerStatistics(List<double> samples) => samples.Count == 0 ? default : Statistics.Of(samples);

    /// <summary>Pages through the interventions as a user would, to the first page with an intervention that has not ended.</summary>
    private static async Task FirstPageWithAStatusButtonAsync(IPage tab)
    {
        var next = tab.GetByRole(AriaRole.Button, new() { Name = "Volgende pagina", Exact = true });
        while (await tab.Locator(StatusButtons).CountAsync() == 0)
        {
            if (await next.IsDisabledAsync())
            {
                throw new InvalidOperationException("Geen interventie in het uitvoeringsprogramma waarvan de status kan wijzigen.");
            }

            var shown = await tab.Locator("#interventions tbody").InnerTextAsync();
            await next.ClickAsync();
            await tab.WaitForFunctionAsync("shown => document.querySelector('#interventions tbody').innerText !== shown", shown);
        }
    }

    /// <summary>Opens the status form and chooses, back and forth, one of two statuses that do not end the intervention.</summary>
    private static async Task OpenStatusFormAsync(IPage tab, string statusButton)
    {
        await tab.GetByRole(AriaRole.Button, new() { Name = statusButton, Exact = true }).ClickAsync();
        await tab.GetByLabel("Nieuwe status", new() { Exact = true }).ClickAsync();
        // The list opens after a round trip; counting its options before that finds none of them.
        await tab.GetByRole(AriaRole.Option).First.WaitForAsync();
        var status = await tab.GetByRole(AriaRole.Option, new() { Name = "Bijgesteld", Exact = true }).CountAsync() > 0 ? "Bijgesteld" : "Lopend";
        await tab.GetByRole(AriaRole.Option, new() { Name = status, Exact = true }).ClickAsync();
        await tab.GetByRole(AriaRole.Option, new() { Name = status, Exact = true }).WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await tab.Locator("#status-reason").FillAsync("Bijgesteld na het overleg van de kernpartners.");

        // The field binds on change, which leaving it fires; the timed click itself does not leave it.
        await tab.Locator("#status-reason").BlurAsync();
    }
}
