using System.Diagnostics;
using Microsoft.Playwright;

namespace Wijkaanpak.Benchmarks;

/// <summary>
/// Memory per circuit: Chromium opens one tab after another on a page of the app (which runs in
/// this process), and after each step the managed heap and working set are read after a full
/// garbage collection. The growth divided by the number of open tabs is what one user costs.
/// </summary>
internal sealed class CircuitBenchmark(Uri address, CircuitCounter circuits)
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Per level of open tabs; <c>Connected</c>: circuits with a connected client when measured (the app's own metric), the signed-in tab included.</summary>
    public sealed record CircuitResult(string Page, int Circuits, double HeapKilobytesPerCircuit, double WorkingSetKilobytesPerCircuit, long Connected);

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
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var context = await SignInAsync(browser, address, email, password);

        // The signed-in tab and its circuit are part of the baseline.
        var (heapBefore, workingSetBefore) = Measure();
        var results = new List<CircuitResult>();
        var open = 0;
        foreach (var level in levels)
        {
            for (; open < level; open++)
            {
                var page = await context.NewPageAsync();
                await page.GotoAsync(path);
                await page.Locator("[data-interactive=true]").WaitForAsync();
                await page.Locator("h1").First.WaitForAsync();
            }

            var (heap, workingSet) = Measure();
            if (circuits.Connected < level)
            {
                throw new InvalidOperationException($"{pageName}: {level} tabs open, maar de app telt {circuits.Connected} verbonden circuits.");
            }

            results.Add(new CircuitResult(pageName, level, (heap - heapBefore) / 1024d / level, (workingSet - workingSetBefore) / 1024d / level, circuits.Connected));
        }

        // Closing each tab as a user does lets the page tell the server that its circuit is done
        // (Blazor's unload beacon); a context that is simply closed leaves the circuits retained.
        foreach (var page in context.Pages.ToList())
        {
            await page.CloseAsync(new() { RunBeforeUnload = true });
        }

        await context.CloseAsync();

        // Closed tabs leave their circuits retained on the server for a while (to reconnect to); the
        // next page's baseline must not include circuits that are released while it is measured.
        // The closed tabs' beacons end them within seconds; a minute at most (retention is 3 minutes).
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (circuits.Active > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        return results;
    }

    private static (long Heap, long WorkingSet) Measure()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }
}
