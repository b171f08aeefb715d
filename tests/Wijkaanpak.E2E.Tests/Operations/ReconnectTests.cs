using Microsoft.Playwright;
using Wijkaanpak.E2E.Tests.Infrastructure;
using Wijkaanpak.E2E.Tests.Pages;
using Wijkaanpak.TestSupport;
using Xunit.Abstractions;

namespace Wijkaanpak.E2E.Tests.Operations;

/// <summary>
/// The browser loses its connection (the proxy goes away) while a user is typing: the Dutch
/// reconnect dialog says so, the circuit reconnects once the proxy is back, and what the user typed
/// but had not saved is still in the form and can be saved.
/// </summary>
public sealed class ReconnectTests(ITestOutputHelper output)
{
    private const string Programme = "Noord aan Zet";

    [NginxFact]
    public async Task ALostConnection_Reconnects_AndTheUnsavedInputIsStillThereToSave()
    {
        var database = await TestDatabase.CreateAsync();
        var appPort = AppProcess.FreePort();
        await using var app = await AppProcess.StartAsync(database.ConnectionString, appPort);
        NginxProxy? proxy = null;
        try
        {
            // The shipped configuration balances two instances; both are this one.
            proxy = await NginxProxy.StartAsync([appPort, appPort]);

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await BrowserFixture.LaunchChromiumAsync(playwright);
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = proxy.Address.ToString(),
                Locale = "nl-NL",
                ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            });
            context.SetDefaultTimeout(20_000);
            var page = await context.NewPageAsync();
            await Start.AtProgrammeAsync(page, SignInPage.Programmabureau, Programme);
            await page.GetByRole(AriaRole.Link, new() { Name = "Gegevens bewerken" }).ClickAsync();
            var form = new ProgrammeFormPage(page);
            await form.Horizon.FillAsync("16");
            // Still in the field when the connection goes: the server has not even seen this value yet.
            await form.Description.FillAsync("Getypt voordat de verbinding wegviel.");

            var port = proxy.Port;
            await proxy.DisposeAsync();
            proxy = null;

            var dialog = page.Locator("#components-reconnect-modal");
            await dialog.WaitForAsync(new() { State = WaitForSelectorState.Visible });
            await page.WaitForFunctionAsync("() => getComputedStyle(document.getElementById('components-reconnect-modal')).opacity === '1'");
            var said = await dialog.InnerTextAsync();
            Assert.True(
                said.Contains("De verbinding met de server is verbroken", StringComparison.Ordinal)
                    || said.Contains("Opnieuw verbinden lukte niet", StringComparison.Ordinal),
                $"De melding bij een verbroken verbinding luidt: {said}");
            await page.ScreenshotAsync("verbinding-verbroken");
            await page.AssertAccessibleAsync();

            proxy = await NginxProxy.StartAsync([appPort, appPort], port);
            await dialog.WaitForAsync(new() { State = WaitForSelectorState.Hidden, Timeout = 45_000 });

            Assert.Equal("16", await form.Horizon.InputValueAsync());
            Assert.Equal("Getypt voordat de verbinding wegviel.", await form.Description.InputValueAsync());
            await form.Save.ClickAsync();
            await new ProgrammeOverviewPage(page).Heading(Programme).WaitForAsync();
            await page.GetByText("(16 jaar)").WaitForAsync();
            await page.GetByText("Getypt voordat de verbinding wegviel.").WaitForAsync();
        }
        catch (Exception)
        {
            output.WriteLine($"nginx:\n{proxy?.ErrorLog}\napp:\n{app.Output}");
            throw;
        }
        finally
        {
            // Stopped and started by the test itself, so not a using declaration.
            if (proxy is not null)
            {
                await proxy.DisposeAsync();
            }
        }
    }
}
