using System.Diagnostics;
using Microsoft.Playwright;

namespace Wijkaanpak.Benchmarks;

/// <summary>
/// Memory per circuit: Chromium opens one tab after another on a page of the app (which runs in
/// this process), and after each step the managed heap and working set are read after a full
/// garbage collection. The growth divided by the number of open tabs is what one user costs.
/// </summary>
internal sealed class CircuitBenchmark(Uri address)
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public sealed record CircuitResult(string Page, int Circuits, double HeapKilobytesPerCircuit, double WorkingSetKilobytesPerCircuit);

    public async Task<IReadOnlyList<CircuitResult>> MeasureAsync(string pageName, string path, IReadOnlyList<int> levels, string email, string password)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--disable-renderer-backgrounding", "--disable-background-timer-throttling"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString(), Locale = "nl-NL" });
        context.SetDefaultTimeout(60_000);
        var signIn = await context.NewPageAsync();
        await signIn.GotoAsync("/inloggen");
        await signIn.GetByLabel("E-mailadres").FillAsync(email);
        await signIn.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(password);
        await signIn.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await signIn.Locator("[data-interactive=true]").WaitForAsync();

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
            results.Add(new CircuitResult(pageName, level, (heap - heapBefore) / 1024d / level, (workingSet - workingSetBefore) / 1024d / level));
        }

        await context.CloseAsync();
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
