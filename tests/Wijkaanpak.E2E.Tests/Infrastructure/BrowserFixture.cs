using Microsoft.Playwright;
using Wijkaanpak.TestSupport;

namespace Wijkaanpak.E2E.Tests.Infrastructure;

/// <summary>The app on a real Kestrel port with its own database, and one headless Chromium for the collection.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private WijkaanpakAppFactory? _app;

    public static bool ChromiumInstalled => File.Exists(ChromiumPath);

    public static bool RunsInCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The app's database, for tests that arrange what the demo data lacks (indicators).</summary>
    public TestDatabase Database { get; private set; } = null!;

    /// <summary>Where every browser test puts its pictures, also those that start an app of their own.</summary>
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public string ScreenshotFolder => Screenshots;

    public async Task InitializeAsync()
    {
        if (!ChromiumInstalled)
        {
            if (RunsInCi)
            {
                throw new InvalidOperationException($"Chromium ontbreekt op {ChromiumPath}: .ci/run installeert het met apt-get.");
            }

            return;
        }

        Database = await TestDatabase.CreateAsync();
        // Every browser test signs in from 127.0.0.1 on this one app: lift the per-address sign-in limit.
        _app = new WijkaanpakAppFactory(Database.ConnectionString, onRealPort: true, settings: new Dictionary<string, string> { ["Security:SignInAttemptsPerMinute"] = "10000" });
        BaseAddress = _app.ServerAddress;

        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>Debian's headless Chromium, as every browser test uses it.</summary>
    public static async Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public async Task<IPage> NewPageAsync() => await NewPageAsync(Browser, BaseAddress, timeout: 15_000);

    /// <summary>
    /// A page in a context of its own (its own cookies), as a Dutch user with a laptop screen sees it.
    /// It answers "leave this page?" with yes, as a user who means to go on does, unless the test
    /// answers dialogs itself (<paramref name="answerDialogs"/> false).
    /// </summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser, Uri address, float timeout, bool answerDialogs = true)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address?.ToString(),
            Locale = "nl-NL",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(timeout);
        var page = await context.NewPageAsync();
        if (answerDialogs)
        {
            page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        }

        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
