using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Wijkaanpak.Data;
using Wijkaanpak.Data.Identity;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Web.Features.Account;

namespace Wijkaanpak.Web.Hosting;

/// <summary>Accounts, sign-in cookies, optional OpenID Connect, authorization policies and shared Data Protection keys.</summary>
internal static class IdentitySetup
{
    public const string OpenIdConnectSection = "Authentication:OpenIdConnect";

    public static void AddWijkaanpakIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();

        var authentication = services.AddAuthentication(options =>
        {
            options.DefaultScheme = IdentityConstants.ApplicationScheme;
            options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
        });
        authentication.AddIdentityCookies();
        AddOpenIdConnectWhenConfigured(authentication, builder.Configuration);

        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Length over composition rules, as current password guidance advises.
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 5;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedAccount = true;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<WijkaanpakDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<DutchIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();
        services.AddScoped<IUserConfirmation<AppUser>, ActiveUserConfirmation>();
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        var secureCookies = !builder.Environment.IsDevelopment();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = AccountEndpoints.SignInPath;
            options.AccessDeniedPath = "/geen-toegang";
            options.Cookie.Name = "wijkaanpak.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "wijkaanpak.antiforgery";
            options.Cookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });

        services.AddAuthorization(options =>
        {
            // One policy per capability, granted to the roles of the access matrix (page-level guard;
            // services check again, including membership of the programme).
            foreach (var capability in Enum.GetValues<Capability>())
            {
                var roles = Enum.GetValues<Role>().Where(role => AccessPolicy.CapabilitiesOf(role).Contains(capability)).Select(role => role.ToString()).ToArray();
                options.AddPolicy(capability.ToString(), policy => policy.RequireRole(roles));
            }
        });

        // Keys in the database: sign-ins survive restarts and are shared by every instance.
        services.AddDataProtection().SetApplicationName("Wijkaanpak").PersistKeysToDbContext<WijkaanpakDbContext>();
    }

    private static void AddOpenIdConnectWhenConfigured(AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var section = configuration.GetSection(OpenIdConnectSection);
        if (string.IsNullOrWhiteSpace(section["Authority"]))
        {
            return;
        }

        authentication.AddOpenIdConnect("oidc", section["DisplayName"] ?? "uw organisatie", options =>
        {
            options.Authority = section["Authority"];
            options.ClientId = section["ClientId"];
            options.ClientSecret = section["ClientSecret"];
            options.ResponseType = "code";
            options.UsePkce = true;
            options.SaveTokens = false;
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.CallbackPath = "/signin-oidc";
            options.Scope.Clear();
            foreach (var scope in new[] { "openid", "profile", "email" })
            {
                options.Scope.Add(scope);
            }

            options.MapInboundClaims = false;
            options.TokenValidationParameters.NameClaimType = "name";
        });
    }
}
