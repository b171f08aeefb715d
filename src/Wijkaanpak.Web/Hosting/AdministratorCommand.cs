using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Wijkaanpak.Data.Identity;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Web.Hosting;

/// <summary>
/// `--create-admin EMAIL "NAME"`: the first Beheerder of a new installation, with a generated
/// password that must be changed at first sign-in. Demo accounts exist only in Development.
/// </summary>
internal static class AdministratorCommand
{
    public const string Switch = "--create-admin";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var position = Array.IndexOf(args, Switch);
        if (position < 0 || position + 2 >= args.Length)
        {
            await Console.Error.WriteLineAsync($"Gebruik: {Switch} e-mailadres \"Naam\"");
            return 2;
        }

        var email = args[position + 1].Trim();
        var name = args[position + 2].Trim();
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CircuitCurrentUserProvider>().Adopt(CurrentUser.Anonymous with { DisplayName = "Systeem (installatie)" });
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var password = RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            MustChangePassword = true,
            CreatedAt = TimeProvider.System.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, created.Errors.Select(error => error.Description)));
            return 1;
        }

        await users.AddToRoleAsync(user, nameof(Role.Beheerder));
        await Console.Out.WriteLineAsync($"Beheerder {email} aangemaakt. Eenmalig wachtwoord (wijzigen bij de eerste keer inloggen): {password}");
        return 0;
    }
}
