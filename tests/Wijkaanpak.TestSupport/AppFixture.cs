using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Wijkaanpak.Data.Access;
using Wijkaanpak.Data.Identity;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.TestSupport;

/// <summary>
/// The application's real services on a database of their own, outside Development (no demo data).
/// A test acts as a user by taking a service scope for that user.
/// </summary>
public sealed class AppFixture : IAsyncDisposable
{
    private WijkaanpakAppFactory? _app;

    public TestDatabase Database { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public static async Task<AppFixture> StartAsync()
    {
        var fixture = new AppFixture { Database = await TestDatabase.CreateAsync() };
        fixture._app = new WijkaanpakAppFactory(fixture.Database.ConnectionString, environment: "Testing");
        _ = fixture._app.Services;
        return fixture;
    }

    /// <summary>A service scope in which <paramref name="user"/> is the signed-in user (for access and audit).</summary>
    public AsyncServiceScope ScopeFor(CurrentUser user)
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CircuitCurrentUserProvider>().Adopt(user);
        return scope;
    }

    public T ServiceFor<T>(AsyncServiceScope scope)
        where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>A new active user with one role, a member of the given programmes.</summary>
    public async Task<CurrentUser> CreateUserAsync(Role role, Guid? organisationId = null, params ProgrammeId[] memberOf)
    {
        var id = Guid.CreateVersion7();
        var email = $"{role.ToString().ToLowerInvariant()}-{id:N}@test.example";
        await using var db = Database.CreateContext();
        db.Users.Add(new AppUser
        {
            Id = id,
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            DisplayName = $"{role} {id.ToString()[^4..]}",
            OrganisationId = organisationId,
            SecurityStamp = Guid.NewGuid().ToString(),
            CreatedAt = DateTimeOffset.UtcNow,
        });
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = id, RoleId = new Guid($"00000000-0000-0000-0000-{(int)role:D12}") });
        db.ProgrammeMembers.AddRange(memberOf.Select(programme => new ProgrammeMember(programme, id, DateTimeOffset.UtcNow)));
        await db.SaveChangesAsync();
        return new CurrentUser(id, $"{role} {id.ToString()[^4..]}", new HashSet<Role> { role }, organisationId);
    }

    public async Task AddMemberAsync(ProgrammeId programme, CurrentUser user)
    {
        await using var db = Database.CreateContext();
        db.ProgrammeMembers.Add(new ProgrammeMember(programme, user.UserId!.Value, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
