using System.Diagnostics;
using Microsoft.Playwright;
using Wijkaanpak.E2E.Tests.Infrastructure;
using Wijkaanpak.E2E.Tests.Pages;
using Wijkaanpak.TestSupport;
using Xunit.Abstractions;

namespace Wijkaanpak.E2E.Tests.Operations;

/// <summary>
/// Two app processes on one database behind nginx with the configuration from docs/nginx: each
/// instance in turn is switched off while a signed-in user works on. The user keeps their sign-in
/// (Data Protection keys in PostgreSQL), the circuit's WebSocket passes the proxy, and an edit saved
/// through one instance is what the other one shows.
/// </summary>
public sealed class TwoInstancesBehindNginxTests(ITestOutputHelper output)
{
    /// <summary>fail_timeout in docs/nginx/wijkaanpak.conf: how long nginx skips an instance it saw fail.</summary>
    private static readonly TimeSpan ProxyFailTimeout = TimeSpan.FromSeconds(10);

    [NginxFact]
    public async Task ASignedInUser_KeepsTheirSignInAndSeesTheirEdit_WhenEitherInstanceGoesDown()
    {
        var database = await TestDatabase.CreateAsync();
        var firstPort = AppProcess.FreePort();
        var secondPort = AppProcess.FreePort();
        AppProcess? first = null;
        AppProcess? second = null;
        NginxProxy? proxy = null;
        try
        {
            // One after the other: the first applies the migrations, adds the demo data and creates
            // the Data Protection key (on the sign-in form) that the second then finds in the database.
            first = await AppProcess.StartAsync(database.ConnectionString, firstPort);
            using (var direct = new HttpClient { BaseAddress = first.Address })
            {
                (await direct.GetAsync(new Uri("inloggen", UriKind.Relative))).EnsureSuccessStatusCode();
            }

            second = await AppProcess.StartAsync(database.ConnectionString, secondPort);
            proxy = await NginxProxy.StartAsync([firstPort, secondPort]);

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await BrowserFixture.LaunchChromiumAsync(playwright);
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = proxy.Address.ToString(), Locale = "nl-NL" });
            context.SetDefaultTimeout(20_000);
            var page = await context.NewPageAsync();
            await new SignInPage(page).SignInAsAsync(SignInPage.Programmabureau);

            // The first instance goes down: whatever served the user so far, now only the second can.
            await first.StopAsync();
            var firstDown = Stopwatch.StartNew();
            page = await ReopenAsync(page);
            var list = new ProgrammeListPage(page);
            await list.OpenAsync();
            Assert.DoesNotContain("/inloggen", page.Url, StringComparison.Ordinal);
            await list.OpenProgrammeAsync("Noord aan Zet");
            var overview = new ProgrammeOverviewPage(page);
            await overview.Heading("Noord aan Zet").WaitForAsync();
            var programmeUrl = page.Url;
            await page.GetByRole(AriaRole.Link, new() { Name = "Gegevens bewerken" }).ClickAsync();
            var form = new ProgrammeFormPage(page);
            await form.Horizon.FillAsync("19");
            await form.Save.ClickAsync();
            await page.GetByText("(19 jaar)").WaitForAsync();

            // The first comes back and the second goes down; nginx tries the first again once its fail_timeout is over.
            await first.DisposeAsync();
            first = null;
            first = await AppProcess.StartAsync(database.ConnectionString, firstPort);
            await second.StopAsync();
            var wait = ProxyFailTimeout + TimeSpan.FromSeconds(1) - firstDown.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            page = await ReopenAsync(page);
            await page.GotoAsync(programmeUrl);
            await page.WaitUntilInteractiveAsync();
            Assert.DoesNotContain("/inloggen", page.Url, StringComparison.Ordinal);
            await new ProgrammeOverviewPage(page).Heading("Noord aan Zet").WaitForAsync();
            await page.GetByText("(19 jaar)").WaitForAsync();
        }
        catch (Exception)
        {
            output.WriteLine($"nginx:\n{proxy?.ErrorLog}\neerste instantie:\n{first?.Output}\ntweede instantie:\n{second?.Output}");
            throw;
        }
        finally
        {
            if (proxy is not null)
            {
                await proxy.DisposeAsync();
            }

            if (second is not null)
            {
                await second.DisposeAsync();
            }

            if (first is not null)
            {
                await first.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The same browser (same cookies) in a new tab. A tab whose instance went down reconnects and
    /// reloads by itself; a fresh tab keeps the test's own navigation from racing that reload.
    /// </summary>
    private static async Task<IPage> ReopenAsync(IPage page)
    {
        var fresh = await page.Context.NewPageAsync();
        await page.CloseAsync();
        return fresh;
    }
}
