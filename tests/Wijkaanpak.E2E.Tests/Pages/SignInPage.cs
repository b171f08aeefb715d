using Microsoft.Playwright;
using Wijkaanpak.E2E.Tests.Infrastructure;

namespace Wijkaanpak.E2E.Tests.Pages;

/// <summary>The demo accounts of Development (README) and the sign-in form.</summary>
public sealed class SignInPage(IPage page)
{
    public const string Password = "Wijkaanpak-demo-2026";
    public const string Beheerder = "beheer@wijkaanpak.example";
    public const string Programmabureau = "programmabureau@wijkaanpak.example";
    public const string Alliantiepartner = "partner@wijkaanpak.example";
    public const string Raadslid = "raadslid@wijkaanpak.example";
    public const string CollegaElders = "collega@wijkaanpak.example";

    public ILocator Email => page.GetByLabel("E-mailadres");

    public ILocator PasswordField => page.GetByLabel("Wachtwoord", new() { Exact = true });

    public async Task OpenAsync()
    {
        await page.GotoAsync("/inloggen");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Inloggen", Level = 1 }).WaitForAsync();
    }

    public async Task SubmitAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await PasswordField.FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
    }

    /// <summary>Signs in and waits until the app is live on the page it lands on.</summary>
    public async Task SignInAsAsync(string email)
    {
        await OpenAsync();
        await SubmitAsync(email, Password);
        await page.WaitUntilInteractiveAsync();
    }
}
