using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Web.Features.Account;

/// <summary>Someone whose password an administrator set must choose their own before doing anything else.</summary>
internal static class MustChangePasswordMiddleware
{
    private const string ChangePasswordPath = "/account/wachtwoord";

    private static readonly string[] AlwaysAllowed = ["/account/wachtwoord", "/uitloggen", "/_framework", "/_content", "/_blazor", "/health", "/app.css", "/Wijkaanpak.Web.styles.css"];

    public static IApplicationBuilder UseMustChangePassword(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (context.User.HasClaim(claim => claim.Type == CurrentUser.MustChangePasswordClaim)
                && HttpMethods.IsGet(context.Request.Method)
                && !AlwaysAllowed.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.Redirect(ChangePasswordPath);
                return;
            }

            await next();
        });
}
