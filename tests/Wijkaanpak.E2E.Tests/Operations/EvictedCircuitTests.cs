using Microsoft.Playwright;
using Wijkaanpak.E2E.Tests.Infrastructure;
using Wijkaanpak.E2E.Tests.Pages;
using Wijkaanpak.TestSupport;
using Xunit.Abstractions;

namespace Wijkaanpak.E2E.Tests.Operations;

/// <summary>
/// The browser stays away longer than the server keeps its circuit, so the server evicts it (here after
/// two seconds instead of three minutes). When the connection is back, Blazor resumes the page in a new
/// circuit: what the user had typed without saving is in the form again, also the text of the field they
/// were typing in, a Dutch notice says so, and saving stores it. Input typed before someone else saved
/// the same record is not saved over it unseen (ADR 0013).
/// </summary>
public sealed class EvictedCircuitTests(ITestOutputHelper output)
{
    private const string Programme = "Noord aan Zet";

    [NginxFact]
    public async Task TheProgrammeForm_AfterItsCircuitWasEvicted_ShowsTheUnsavedInputAgain_AndSavingStoresIt() =>
        await BehindTheProxyAsync(async (rig, page) =>
        {
            const string description = "Getypt vlak voordat de laptop dichtging; nog niet opgeslagen.";
            await Start.AtProgrammeAsync(page, SignInPage.Programmabureau, Programme);
            await page.GetByRole(AriaRole.Link, new() { Name = "Gegevens bewerken" }).ClickAsync();
            var form = new ProgrammeFormPage(page);
            await form.Horizon.FillAsync("19");
            // Still in the field when the connection goes: only the browser has this text.
            await form.Description.FillAsync(description);

            await rig.CutTheConnectionUntilTheCircuitIsEvictedAsync();
            await rig.BringTheConnectionBackAsync();

            var notice = RestoredInputNotice(page);
            await notice.WaitForAsync();
            Assert.Equal("alert", await notice.GetAttributeAsync("role"));
            Assert.Contains("staat weer in het formulier", await notice.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("19", await form.Horizon.InputValueAsync());
            Assert.Equal(description, await form.Description.InputValueAsync());
            await page.AssertAccessibleAsync();
            await page.ScreenshotAsync("invoer-teruggezet");

            await form.Save.ClickAsync();
            await new ProgrammeOverviewPage(page).Heading(Programme).WaitForAsync();
            await page.ReloadAsync();
            await page.WaitUntilInteractiveAsync();
            await page.GetByText("(19 jaar)").WaitForAsync();
            await page.GetByText(description).WaitForAsync();
        });

    [NginxFact]
    public async Task AChecklistAnswer_AfterItsCircuitWasEvicted_IsBackInItsCardMarkedUnsaved_AndSavingStoresIt() =>
        await BehindTheProxyAsync(async (rig, page) =>
        {
            const string explanation = "Besproken aan de uitvoeringstafel; de bijsturing volgt na de zomer.";
            await Start.AtProgrammeAsync(page, SignInPage.Alliantiepartner, "Westwijk Vooruit");
            await new ProcessModelSection(page).OpenChecklistAsync("8.1", "Wendbaar bijsturen");
            var question = new ChecklistPage(page).Question("8.1-01");
            var partly = question.GetByRole(AriaRole.Radio, new() { Name = "Deels", Exact = true });
            await partly.CheckAsync();
            await question.GetByLabel("Toelichting").FillAsync(explanation);

            await rig.CutTheConnectionUntilTheCircuitIsEvictedAsync();
            await rig.BringTheConnectionBackAsync();

            await RestoredInputNotice(page).WaitForAsync();
            await question.GetByText("Teruggezet na de verbroken verbinding, nog niet opgeslagen").WaitForAsync();
            Assert.True(await partly.IsCheckedAsync(), "Het gekozen antwoord 'Deels' is niet teruggezet.");
            Assert.Equal(explanation, await question.GetByLabel("Toelichting").InputValueAsync());
            await page.AssertAccessibleAsync();
            await question.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "antwoord-teruggezet.png") });

            await question.GetByRole(AriaRole.Button, new() { Name = "opslaan" }).ClickAsync();
            await question.GetByText("Beantwoord door Anna Partner").WaitForAsync();
            await RestoredInputNotice(page).WaitForAsync(new() { State = WaitForSelectorState.Detached });
            Assert.Equal(0, await question.GetByText("nog niet opgeslagen").CountAsync());

            await page.ReloadAsync();
            await page.WaitUntilInteractiveAsync();
            await page.Locator(".questions").WaitForAsync();
            Assert.Equal(explanation, await question.GetByLabel("Toelichting").InputValueAsync());
            Assert.True(await partly.IsCheckedAsync(), "Na opnieuw laden is 'Deels' niet opgeslagen.");
        });

    [NginxFact]
    public async Task AReportSectionBeingWritten_AfterItsCircuitWasEvicted_IsOpenWithItsTextAgain_AndSavingStoresIt() =>
        await BehindTheProxyAsync(async (rig, page) =>
        {
            const string summary = "Het eerste jaar liep volgens plan; de huisbezoeken bereikten twee keer zoveel gezinnen.";
            var programmeUrl = await Start.AtProgrammeAsync(page, SignInPage.Programmabureau, "Westwijk Vooruit");
            var report = new ReportPage(page);
            await report.OpenAsync(programmeUrl, 2026);
            await page.GetByRole(AriaRole.Button, new() { Name = "Samenvatting bewerken" }).ClickAsync();
            var text = report.Section("Samenvatting").GetByRole(AriaRole.Textbox, new() { Name = "Samenvatting" });
            // Typed without leaving the field: the server has only the section open, not the text.
            await text.FillAsync(summary);

            await rig.CutTheConnectionUntilTheCircuitIsEvictedAsync();
            await rig.BringTheConnectionBackAsync();

            await RestoredInputNotice(page).WaitForAsync();
            Assert.Equal(summary, await text.InputValueAsync());
            await page.AssertAccessibleAsync();

            await report.Section("Samenvatting").GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
            await Assertions.Expect(report.Section("Samenvatting")).ToContainTextAsync(summary);
            await page.ReloadAsync();
            await page.WaitUntilInteractiveAsync();
            await Assertions.Expect(report.Section("Samenvatting")).ToContainTextAsync(summary);
        });

    [NginxFact]
    public async Task InputTypedBeforeAColleagueSaved_ComesBackWithAWarning_AndSavingItShowsTheConflictInsteadOfOverwriting() =>
        await BehindTheProxyAsync(async (rig, page) =>
        {
            const string mine = "Mijn tekst, getypt voordat de verbinding wegviel.";
            const string colleagues = "De tekst die een collega intussen opsloeg.";
            await Start.AtProgrammeAsync(page, SignInPage.Programmabureau, Programme);
            await page.GetByRole(AriaRole.Link, new() { Name = "Gegevens bewerken" }).ClickAsync();
            var form = new ProgrammeFormPage(page);
            await form.Description.FillAsync(mine);
            await form.Horizon.FocusAsync();

            await rig.CutTheConnectionUntilTheCircuitIsEvictedAsync();

            // Meanwhile a colleague, whose connection is fine, saves another description.
            var colleague = await rig.NewPageAsync(rig.App.Address);
            await Start.AtProgrammeAsync(colleague, SignInPage.Programmabureau, Programme);
            await colleague.GetByRole(AriaRole.Link, new() { Name = "Gegevens bewerken" }).ClickAsync();
            var colleaguesForm = new ProgrammeFormPage(colleague);
            await colleaguesForm.Description.FillAsync(colleagues);
            await colleaguesForm.Save.ClickAsync();
            await colleague.GetByText(colleagues).WaitForAsync();

            await rig.BringTheConnectionBackAsync();

            var notice = RestoredInputNotice(page);
            await notice.GetByText("Intussen heeft iemand anders dit opgeslagen.").WaitForAsync();
            Assert.Equal(mine, await form.Description.InputValueAsync());
            await page.AssertAccessibleAsync();
            await page.ScreenshotAsync("invoer-teruggezet-intussen-gewijzigd");

            await form.Save.ClickAsync();
            await page.GetByText("Iemand anders heeft dit programma gewijzigd nadat u het opende.").WaitForAsync();
            var differences = page.GetByRole(AriaRole.Table).Filter(new() { HasText = "Nu opgeslagen" });
            Assert.Contains(colleagues, await differences.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains(mine, await differences.InnerTextAsync(), StringComparison.Ordinal);

            await colleague.ReloadAsync();
            await colleague.WaitUntilInteractiveAsync();
            await colleague.GetByText(colleagues).WaitForAsync();
            Assert.Equal(0, await colleague.GetByText(mine).CountAsync());
        });

    private static ILocator RestoredInputNotice(IPage page) => page.GetByTestId("restored-input");

    /// <summary>The app, with a two-second circuit retention, behind nginx; a browser on nginx; the app's log on failure.</summary>
    private async Task BehindTheProxyAsync(Func<ProxiedApp, IPage, Task> scenario)
    {
        await using var rig = await ProxiedApp.StartAsync();
        try
        {
            await scenario(rig, await rig.NewPageAsync(rig.ProxyAddress));
        }
        catch (Exception)
        {
            output.WriteLine($"nginx:\n{rig.ProxyLog}\napp:\n{rig.App.Output}");
            throw;
        }
    }

    /// <summary>An app process whose browser connection a test can cut (by stopping nginx) and bring back.</summary>
    private sealed class ProxiedApp : IAsyncDisposable
    {
        /// <summary>The framework logs the eviction at this level; the test waits for it instead of guessing a time.</summary>
        private const string EvictionLog = "Serilog:MinimumLevel:Override:Microsoft.AspNetCore.Components.Server.Circuits.CircuitRegistry";

        private readonly IPlaywright _playwright;
        private readonly IBrowser _browser;
        private readonly int _proxyPort;
        private NginxProxy? _proxy;

        private ProxiedApp(AppProcess app, NginxProxy proxy, IPlaywright playwright, IBrowser browser)
        {
            App = app;
            _proxy = proxy;
            _proxyPort = proxy.Port;
            _playwright = playwright;
            _browser = browser;
        }

        public AppProcess App { get; }

        /// <summary>Where the browser reaches the app while the connection is up.</summary>
        public Uri ProxyAddress => new($"http://127.0.0.1:{_proxyPort}/");

        public string ProxyLog => _proxy?.ErrorLog ?? "(nginx gestopt)";

        public static async Task<ProxiedApp> StartAsync()
        {
            var database = await TestDatabase.CreateAsync();
            var appPort = AppProcess.FreePort();
            var app = await AppProcess.StartAsync(database.ConnectionString, appPort, settings: new Dictionary<string, string>
            {
                ["Wijkaanpak:Circuits:DisconnectedCircuitRetentionPeriod"] = "00:00:02",
                [EvictionLog] = "Debug",
            });

            // The shipped configuration balances two instances; both are this one.
            var proxy = await NginxProxy.StartAsync([appPort, appPort]);
            var playwright = await Playwright.CreateAsync();
            return new ProxiedApp(app, proxy, playwright, await BrowserFixture.LaunchChromiumAsync(playwright));
        }

        public async Task<IPage> NewPageAsync(Uri address) => await BrowserFixture.NewPageAsync(_browser, address, timeout: 20_000);

        /// <summary>Stops nginx, so the browser loses its connection, and waits until the server has evicted the circuit.</summary>
        public async Task CutTheConnectionUntilTheCircuitIsEvictedAsync()
        {
            var evictionsBefore = Evictions();
            await StopProxyAsync();
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (Evictions() == evictionsBefore)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException("De server ruimde het circuit niet op binnen 20 s na het verbreken van de verbinding.");
                }

                await Task.Delay(100);
            }
        }

        /// <summary>Starts nginx again on its old port and waits until the browser has its page back.</summary>
        public async Task BringTheConnectionBackAsync()
        {
            _proxy = await NginxProxy.StartAsync([App.Port, App.Port], _proxyPort);
            foreach (var page in _browser.Contexts.SelectMany(context => context.Pages).Where(page => page.Url.StartsWith(ProxyAddress.ToString(), StringComparison.Ordinal)))
            {
                // The browser retries every few seconds; once the server refuses the evicted circuit, it resumes the page.
                await page.Locator("#components-reconnect-modal").WaitForAsync(new() { State = WaitForSelectorState.Hidden, Timeout = 45_000 });
                await page.WaitUntilInteractiveAsync();
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _browser.DisposeAsync();
            _playwright.Dispose();
            await StopProxyAsync();
            await App.DisposeAsync();
        }

        private async Task StopProxyAsync()
        {
            if (_proxy is not null)
            {
                await _proxy.DisposeAsync();
                _proxy = null;
            }
        }

        private int Evictions() => App.Output.Split('\n').Count(line => line.Contains(" evicted due to ", StringComparison.Ordinal));
    }
}
