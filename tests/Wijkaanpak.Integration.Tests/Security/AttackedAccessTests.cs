using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wijkaanpak.Data;
using Wijkaanpak.Data.Identity;
using Wijkaanpak.Integration.Tests.Infrastructure;
using Wijkaanpak.TestSupport;
using Wijkaanpak.Web.Features.Contracts;
using Wijkaanpak.Web.Features.Execution;
using Wijkaanpak.Web.Features.Privacy;
using Wijkaanpak.Web.Shared.Security;
using Xunit.Abstractions;

namespace Wijkaanpak.Integration.Tests.Security;

/// <summary>
/// Access under attack over plain HTTP: guessing passwords from one address, forged requests for
/// every download endpoint by users who may not have it, and the transport protections outside
/// Development.
/// </summary>
public sealed class AttackedAccessTests(ITestOutputHelper output)
{
    private const string Password = DemoAppFixture.Password;

    [Fact]
    public async Task SignIn_MoreThanTenAttemptsAMinuteFromOneAddress_IsRefusedWith429InDutch()
    {
        var database = await TestDatabase.CreateAsync();
        await using var app = new WijkaanpakAppFactory(database.ConnectionString, environment: "Testing");
        // Outside Development the antiforgery cookie is Secure-only: the sign-in form needs https.
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://wijkaanpak.example") });

        for (var attempt = 1; attempt <= 10; attempt++)
        {
            var allowed = await DemoAppFixture.PostSignInAsync(client, $"raden-{attempt}@test.example", "niet-het-wachtwoord");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            Assert.Contains("Het e-mailadres of het wachtwoord klopt niet", await allowed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var refused = await DemoAppFixture.PostSignInAsync(client, "raden-11@test.example", "niet-het-wachtwoord");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("te vaak geprobeerd in te loggen", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(1), refused.Headers.RetryAfter!.Delta);
        // Only the sign-in post is limited: the rest of the app still answers this address.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/inloggen", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task OutsideDevelopment_HttpsResponsesCarryHsts_AndTheSessionCookieIsSecure()
    {
        var database = await TestDatabase.CreateAsync();
        await using var app = new WijkaanpakAppFactory(database.ConnectionString, environment: "Testing");
        const string email = "hsts@test.example";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var created = await users.CreateAsync(new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Hsts", CreatedAt = DateTimeOffset.UtcNow }, Password);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(error => error.Description)));
        }

        // HSTS leaves localhost out on purpose; a real host name over https gets it.
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://wijkaanpak.example") });
        var page = await client.GetAsync(new Uri("/inloggen", UriKind.Relative));
        var hsts = Assert.Single(page.Headers.GetValues("Strict-Transport-Security"));
        Assert.Contains("max-age=", hsts, StringComparison.Ordinal);
        Assert.Contains("secure", page.Headers.GetValues("Set-Cookie").Single(cookie => cookie.StartsWith("wijkaanpak.antiforgery", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);

        var signedIn = await DemoAppFixture.PostSignInAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var authCookie = signedIn.Headers.GetValues("Set-Cookie").Single(cookie => cookie.StartsWith("wijkaanpak.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", authCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", authCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task InDevelopment_ThereIsNoHsts_SoThatLocalHttpKeepsWorking()
    {
        var database = await TestDatabase.CreateAsync();
        await using var app = new WijkaanpakAppFactory(database.ConnectionString);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://wijkaanpak.example") });

        var page = await client.GetAsync(new Uri("/inloggen", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every download endpoint (exports, contract PDF, personal data) for every demo programme,
    /// requested by every demo account, including a user of another municipality's programme: only
    /// the Beheerder and the programme's members get past the check; every refusal is logged with
    /// the user's id.
    /// </summary>
    [Fact]
    public async Task ForgedDownloadRequests_AreRefusedForEveryoneWithoutAccess_AndEachRefusalIsLogged()
    {
        var database = await TestDatabase.CreateAsync();
        var log = new CollectingSink();
        await using var demo = new WijkaanpakAppFactory(database.ConnectionString);
        await using var app = demo.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<ILogger<AccessGuard>>(log)));

        Dictionary<string, Guid> programmes;
        Dictionary<string, Guid> userIds;
        Dictionary<Guid, HashSet<string>> members;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<WijkaanpakDbContext>>().CreateDbContextAsync();
            programmes = await db.Programmes.ToDictionaryAsync(programme => programme.Name, programme => programme.Id.Value);
            userIds = await db.Users.Where(user => user.Email!.EndsWith("@wijkaanpak.example")).ToDictionaryAsync(user => user.Email!, user => user.Id);
            members = (await db.ProgrammeMembers.ToListAsync())
                .GroupBy(member => member.ProgrammeId.Value)
                .ToDictionary(group => group.Key, group => group.Select(member => userIds.Single(user => user.Value == member.UserId).Key).ToHashSet());
        }

        const string beheerder = "beheer@wijkaanpak.example";
        var accounts = new[] { beheerder, "programmabureau@wijkaanpak.example", "partner@wijkaanpak.example", "raadslid@wijkaanpak.example", "collega@wijkaanpak.example" };
        var clients = new Dictionary<string, HttpClient>();
        foreach (var account in accounts)
        {
            clients[account] = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            Assert.Equal(HttpStatusCode.Redirect, (await DemoAppFixture.PostSignInAsync(clients[account], account, Password)).StatusCode);
        }

        var requests = new List<(string Path, Func<string, bool> MayHave)>();
        foreach (var programme in programmes.Values)
        {
            bool MemberOrBeheerder(string account) => account == beheerder || members.GetValueOrDefault(programme)?.Contains(account) == true;
            foreach (var format in Enum.GetValues<ExportFormat>())
            {
                requests.Add((ExportEndpoints.InterventionsExportPath(programme, format), MemberOrBeheerder));
                requests.Add((ExportEndpoints.BudgetLinesExportPath(programme, format), MemberOrBeheerder));
                requests.Add((ExportEndpoints.MeasurementsExportPath(programme, format), MemberOrBeheerder));
            }

            requests.Add((ContractEndpoints.PdfPath(programme, 1), MemberOrBeheerder));
        }

        foreach (var subject in userIds.Values)
        {
            requests.Add((PrivacyEndpoints.ExportPath(subject), account => account == beheerder));
        }

        var refusals = 0;
        var wrong = new List<string>();
        foreach (var (path, mayHave) in requests)
        {
            foreach (var account in accounts)
            {
                var before = log.Refusals(userIds[account]);
                var response = await clients[account].GetAsync(new Uri(path, UriKind.Relative));
                var refused = response.StatusCode == HttpStatusCode.Forbidden
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/geen-toegang", StringComparison.Ordinal));
                var passed = response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound;
                if (mayHave(account) ? !passed : !refused)
                {
                    wrong.Add($"{account} {path}: {(int)response.StatusCode} {response.Headers.Location}");
                }

                if (!mayHave(account))
                {
                    refusals++;
                    if (log.Refusals(userIds[account]) <= before)
                    {
                        wrong.Add($"{account} {path}: weigering niet gelogd");
                    }
                }
            }
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        output.WriteLine($"{requests.Count * accounts.Length} vervalste of gewone verzoeken, waarvan {refusals} geweigerd en gelogd");
        Assert.True(wrong.Count == 0, $"{wrong.Count} fout, {log.Describe()}{Environment.NewLine}{string.Join(Environment.NewLine, wrong.Take(30))}");
        Assert.True(refusals >= 60, $"maar {refusals} weigeringen getest");
    }

    /// <summary>Stands in for the access guard's logger (a closed ILogger&lt;T&gt; registration wins over the open one) and keeps its warnings.</summary>
    private sealed class CollectingSink : ILogger<AccessGuard>
    {
        private readonly ConcurrentQueue<string> _warnings = new();

        public string Describe() => $"{_warnings.Count} weigeringen gelogd";

        public int Refusals(Guid userId) => _warnings.Count(warning => warning.StartsWith("Geweigerd", StringComparison.Ordinal) && warning.Contains(userId.ToString(), StringComparison.Ordinal));

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                _warnings.Enqueue(formatter(state, exception));
            }
        }
    }
}
