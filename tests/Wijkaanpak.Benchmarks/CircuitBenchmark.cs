using System.Globalization;
using Microsoft.Playwright;
using Wijkaanpak.TestSupport;

namespace Wijkaanpak.Benchmarks;

/// <summary>
/// Memory per circuit: Chromium opens one tab after another on a page of the app, and after each step
/// the app's live managed heap and working set are read. The app runs as a process of its own, one
/// per page, so that the heap holds only the app (not the browser driver's objects for every tab, as
/// when the app ran inside this process) and no circuit of the page measured before. The heap is read
/// by <c>dotnet-gcdump</c> (a local tool of the repository): it makes the app collect all garbage and
/// reports what stays alive. The growth divided by the number of open tabs is what one user costs.
/// </summary>
internal sealed class CircuitBenchmark(string connectionString)
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Per level of open tabs; <c>Interactive</c>: tabs whose page was still connected to its circuit when measured.</summary>
    public sealed record CircuitResult(string Page, int Circuits, double HeapKilobytesPerCircuit, double WorkingSetKilobytesPerCircuit, int Interactive);

    /// <summary>
    /// Headless Chromium for many tabs: a few renderer processes shared by all tabs (200 tabs would
    /// otherwise start 200 renderers, several GB), and no throttling of background tabs, whose
    /// circuits must stay connected and answer like the one in front.
    /// </summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = ChromiumPath,
        Headless = true,
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--disable-quic", "--renderer-process-limit=6", "--disable-renderer-backgrounding", "--disable-background-timer-throttling",
            "--disable-backgrounding-occluded-windows", "--disable-features=IntensiveWakeUpThrottling,CalculateNativeWinOcclusion",
        ],
    });

    /// <summary>A browser context signed in as the given user (cookies shared by every tab of it).</summary>
    public static async Task<IBrowserContext> SignInAsync(IBrowser browser, Uri address, string email, string password)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString(), Locale = "nl-NL" });
        context.SetDefaultTimeout(120_000);
        var signIn = await context.NewPageAsync();
        await signIn.GotoAsync("/inloggen");
        await signIn.GetByLabel("E-mailadres").FillAsync(email);
        await signIn.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(password);
        await signIn.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await signIn.Locator("[data-interactive=true]").WaitForAsync();
        return context;
    }

    public async Task<IReadOnlyList<CircuitResult>> MeasureAsync(string pageName, string path, IReadOnlyList<int> levels, string email, string password)
    {
        await RunToolAsync("restore");
        await using var app = await AppProcess.StartAsync(connectionString, AppProcess.FreePort());
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var context = await SignInAsync(browser, app.Address, email, password);

        // One visit before the baseline, closed as a user closes a tab: the code the page runs is then
        // compiled and its caches filled, which the first tab would otherwise be charged for.
        await (await OpenAsync(context, path)).CloseAsync(new() { RunBeforeUnload = true });
        await Task.Delay(TimeSpan.FromSeconds(2));

        // The signed-in tab and its circuit are part of the baseline.
        var (heapBefore, workingSetBefore) = await MeasureAsync(app.ProcessId);
        var results = new List<CircuitResult>();
        var tabs = new List<IPage>();
        foreach (var level in levels)
        {
            while (tabs.Count < level)
            {
                tabs.Add(await OpenAsync(context, path));
            }

            var (heap, workingSet) = await MeasureAsync(app.ProcessId);
            var interactive = 0;
            foreach (var tab in tabs)
            {
                interactive += await tab.EvaluateAsync<bool>(StillConnectedScript) ? 1 : 0;
            }

            if (interactive < level)
            {
                throw new InvalidOperationException($"{pageName}: {level} tabs open, maar {interactive} nog verbonden met hun circuit.");
            }

            results.Add(new CircuitResult(pageName, level, (heap - heapBefore) / 1024d / level, (workingSet - workingSetBefore) / 1024d / level, interactive));
        }

        await context.CloseAsync();
        return results;
    }

    /// <summary>The page runs in its circuit and Blazor's reconnect dialog is not open.</summary>
    private const string StillConnectedScript = """
        () => !!document.querySelector('[data-interactive=true]') && !document.querySelector('#components-reconnect-modal[open]')
        """;

    private static async Task<IPage> OpenAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await page.Locator("h1").First.WaitForAsync();
        await page.WaitForFunctionAsync("() => !document.querySelector('[aria-label$=\"geladen\"]')");
        return page;
    }

    /// <summary>The app's live managed heap after a full collection (gcdump's report opens with it) and its resident memory.</summary>
    private static async Task<(long Heap, long WorkingSet)> MeasureAsync(int processId)
    {
        var dump = Path.Combine(Path.GetTempPath(), $"wijkaanpak-circuits-{Guid.NewGuid():N}.gcdump");
        try
        {
            await RunToolAsync("run", "dotnet-gcdump", "collect", "--process-id", processId.ToString(CultureInfo.InvariantCulture), "--output", dump);
            var report = await RunToolAsync("run", "dotnet-gcdump", "report", dump);
            var heapLine = report.Split('\n').First(line => line.Contains("GC Heap bytes", StringComparison.Ordinal));
            var heap = long.Parse(heapLine.Trim().Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            var resident = File.ReadLines($"/proc/{processId}/status").First(line => line.StartsWith("VmRSS:", StringComparison.Ordinal));
            var workingSet = long.Parse(resident.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            return (heap, workingSet);
        }
        finally
        {
            File.Delete(dump);
        }
    }

    /// <summary>A <c>dotnet tool</c> command in the repository, whose manifest names the tool and its version.</summary>
    private static Task<string> RunToolAsync(params string[] arguments) =>
        DotnetCommand.RunAsync(AppProcess.RepositoryRoot, null, ["tool", .. arguments]);
}
