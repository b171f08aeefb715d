using System.Globalization;
using System.Threading.RateLimiting;
using Wijkaanpak.Web.Features.Account;

namespace Wijkaanpak.Web.Hosting;

/// <summary>
/// Sign-in attempts per client address: Identity's lockout protects one account after 5 failures,
/// this limit stops one address from trying many accounts (password spraying) or locking them all.
/// </summary>
internal static class SignInRateLimiting
{
    public const string AttemptsPerMinuteSetting = "Security:SignInAttemptsPerMinute";
    public const int DefaultAttemptsPerMinute = 10;
    public const string RejectionMessage = "U hebt te vaak geprobeerd in te loggen vanaf dit adres. Wacht een minuut en probeer het dan opnieuw.";

    public static void AddSignInRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var attemptsPerMinute = configuration.GetValue(AttemptsPerMinuteSetting, DefaultAttemptsPerMinute);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignInAttempt(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "onbekend",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = attemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("geen-aanmelding"));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Wijkaanpak.Account")
                    .LogWarning("Aanmelden geweigerd: te veel pogingen vanaf {RemoteAddress}", context.Connection.RemoteIpAddress?.ToString() ?? "onbekend");
                context.Response.Headers.RetryAfter = ((int)TimeSpan.FromMinutes(1).TotalSeconds).ToString(CultureInfo.InvariantCulture);
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(RejectionMessage, cancellationToken);
            };
        });
    }

    /// <summary>The posts that check a password or start an external sign-in.</summary>
    private static bool IsSignInAttempt(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments(AccountEndpoints.SignInPath, StringComparison.OrdinalIgnoreCase);
}
