using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Wijkaanpak.Data.Identity;

namespace Wijkaanpak.Web.Features.Account;

/// <summary>Sign-out and the external (OpenID Connect) sign-in round trip: plain HTTP, since they set cookies.</summary>
internal static class AccountEndpoints
{
    public const string SignInPath = "/inloggen";
    public const string ExternalCallbackPath = "/inloggen/extern/terug";

    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Form-bound parameter: the framework validates the antiforgery token of the sign-out form.
        endpoints.MapPost("/uitloggen", async ([FromForm] string? returnUrl, SignInManager<AppUser> signInManager) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect(SignInPath);
        });

        endpoints.MapPost("/inloggen/extern", ([FromForm] string provider, [FromForm] string? returnUrl, SignInManager<AppUser> signInManager) =>
        {
            var redirect = $"{ExternalCallbackPath}?returnUrl={Uri.EscapeDataString(SafeReturnUrl(returnUrl))}";
            var properties = signInManager.ConfigureExternalAuthenticationProperties(provider, redirect);
            return TypedResults.Challenge(properties, [provider]);
        });

        endpoints.MapGet(ExternalCallbackPath, async (string? returnUrl, SignInManager<AppUser> signInManager, UserManager<AppUser> userManager, ILoggerFactory loggers) =>
        {
            var info = await signInManager.GetExternalLoginInfoAsync();
            var email = info?.Principal.FindFirstValue(ClaimTypes.Email) ?? info?.Principal.FindFirstValue("email");
            var user = email is null ? null : await userManager.FindByEmailAsync(email);
            if (info is null || user is null || !user.IsActive)
            {
                // Accounts, roles and access are kept here: the identity provider only proves who someone is.
                loggers.CreateLogger("Wijkaanpak.Account").LogWarning("Externe aanmelding geweigerd voor {Email}", email ?? "(geen e-mailadres)");
                return Results.LocalRedirect($"{SignInPath}?fout=extern");
            }

            await signInManager.SignInAsync(user, isPersistent: false, info.LoginProvider);
            return Results.LocalRedirect(SafeReturnUrl(returnUrl));
        });
    }

    /// <summary>Only local addresses: an open redirect would let a phishing link borrow our sign-in page.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && !returnUrl.Any(char.IsControl) && RedirectHttpResult.IsLocalUrl(returnUrl)
            ? returnUrl
            : "/";
}
