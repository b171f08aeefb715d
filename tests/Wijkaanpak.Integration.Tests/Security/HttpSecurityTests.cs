using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkaanpak.Data;
using Wijkaanpak.Integration.Tests.Infrastructure;

namespace Wijkaanpak.Integration.Tests.Security;

public sealed class HttpSecurityTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    [Theory]
    [InlineData("/inloggen")]
    [InlineData("/programmas")]
    public async Task Responses_CarryTheSecurityHeaders(string path)
    {
        var response = await (await demo.ClientForAsync(Actor.Raadslid)).GetAsync(new Uri(path, UriKind.Relative));

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("camera=()", Assert.Single(response.Headers.GetValues("Permissions-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInCookie_IsHttpOnlyAndSameSite()
    {
        using var client = demo.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var form = await client.GetAsync(new Uri("/inloggen", UriKind.Relative));
        var antiforgeryCookie = form.Headers.GetValues("Set-Cookie").Single(cookie => cookie.StartsWith("wijkaanpak.antiforgery", StringComparison.Ordinal));
        Assert.Contains("httponly", antiforgeryCookie, StringComparison.OrdinalIgnoreCase);

        using var signingIn = demo.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await DemoAppFixture.PostSignInAsync(signingIn, DemoAppFixture.DemoAccounts[Actor.Raadslid], DemoAppFixture.Password);

        var authCookie = response.Headers.GetValues("Set-Cookie").Single(cookie => cookie.StartsWith("wijkaanpak.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", authCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", authCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DataProtectionKeys_AreKeptInTheDatabase_SoEveryInstanceSharesThem()
    {
        await demo.ClientForAsync(Actor.Programmabureau);

        await using var scope = demo.App.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<WijkaanpakDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        Assert.True(await db.DataProtectionKeys.AnyAsync());
    }
}
