using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Data;
using Wijkaanpak.Data.Access;
using Wijkaanpak.Data.Identity;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Organisations;

namespace Wijkaanpak.Web.Hosting;

/// <summary>
/// One demo account per role, plus a colleague of another programme, for Development only (the
/// caller checks). Listed in README; the shared password is public and only ever used here.
/// </summary>
internal static class DemoAccounts
{
    public const string Password = "Wijkaanpak-demo-2026";

    public sealed record Account(string Email, string Name, Role Role, string? Organisation, string[] Programmes);

    public static readonly IReadOnlyList<Account> All =
    [
        new("beheer@wijkaanpak.example", "Bea de Beheerder", Role.Beheerder, null, []),
        new("programmabureau@wijkaanpak.example", "Pim van het Programmabureau", Role.Programmabureau, "Gemeente Vlaardingen",
            ["Westwijk Vooruit", "Noord aan Zet", "Perspectief Schilderswijk"]),
        new("partner@wijkaanpak.example", "Anna Partner", Role.Alliantiepartner, "Woonstichting De Waterweg", ["Westwijk Vooruit"]),
        new("raadslid@wijkaanpak.example", "Rik Raadslid", Role.Raadslid, null, ["Westwijk Vooruit", "Noord aan Zet"]),
        new("collega@wijkaanpak.example", "Kees uit Kanaleneiland", Role.Programmabureau, "Gemeente Utrecht", ["Kanaleneiland Samen Sterker"]),
    ];

    private static readonly (string Name, OrganisationType Type)[] Organisations =
    [
        ("Gemeente Vlaardingen", OrganisationType.Gemeente),
        ("Gemeente Utrecht", OrganisationType.Gemeente),
        ("Woonstichting De Waterweg", OrganisationType.Woningcorporatie),
        ("Politie eenheid Rotterdam", OrganisationType.Politie),
        ("Bewonersplatform Westwijk", OrganisationType.Bewonersorganisatie),
        ("Stichting Welzijn Vlaardingen", OrganisationType.Welzijn),
    ];

    public static async Task<bool> SeedAsync(IServiceProvider services)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        if (await users.Users.AnyAsync())
        {
            return false;
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var factory = services.GetRequiredService<IDbContextFactory<WijkaanpakDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var organisations = await db.Organisations.ToDictionaryAsync(organisation => organisation.Name);
        foreach (var (name, type) in Organisations.Where(organisation => !organisations.ContainsKey(organisation.Name)))
        {
            organisations[name] = Organisation.Create(name, type, clock.GetUtcNow());
            db.Organisations.Add(organisations[name]);
        }

        await db.SaveChangesAsync();
        var programmes = await db.Programmes.ToDictionaryAsync(programme => programme.Name, programme => programme.Id);

        foreach (var account in All)
        {
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(),
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.Name,
                OrganisationId = account.Organisation is null ? null : organisations[account.Organisation].Id.Value,
                CreatedAt = clock.GetUtcNow(),
            };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Voorbeeldgebruiker {account.Email}: {string.Join(" ", created.Errors.Select(error => error.Description))}");
            }

            await users.AddToRoleAsync(user, account.Role.ToString());
            db.ProgrammeMembers.AddRange(account.Programmes
                .Where(programmes.ContainsKey)
                .Select(name => new ProgrammeMember(programmes[name], user.Id, clock.GetUtcNow())));
        }

        await db.SaveChangesAsync();
        return true;
    }
}
