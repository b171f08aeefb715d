using System.Globalization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using MudBlazor;
using MudBlazor.Services;
using Serilog;
using Serilog.Formatting.Compact;
using Wijkaanpak.Data;
using Wijkaanpak.Data.Audit;
using Wijkaanpak.Web.Features.Account;
using Wijkaanpak.Web.Features.Alliance;
using Wijkaanpak.Web.Features.Checklists;
using Wijkaanpak.Web.Features.Contracts;
using Wijkaanpak.Web.Features.Dashboards;
using Wijkaanpak.Web.Features.Decisions;
using Wijkaanpak.Web.Features.Execution;
using Wijkaanpak.Web.Features.History;
using Wijkaanpak.Web.Features.Monitoring;
using Wijkaanpak.Web.Features.Monitoring.Import;
using Wijkaanpak.Web.Features.Organisations;
using Wijkaanpak.Web.Features.Privacy;
using Wijkaanpak.Web.Features.Programmes;
using Wijkaanpak.Web.Features.Reports;
using Wijkaanpak.Web.Features.Users;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Faults;
using Wijkaanpak.Web.Shared.Forms;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Web.Hosting;

internal static class ServiceRegistration
{
    public static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static WebApplicationBuilder AddWijkaanpak(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var isDevelopment = builder.Environment.IsDevelopment();

        // A logger per host (not Serilog's static one), so that tests can start several hosts in one process.
        services.AddSerilog((provider, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(provider).Enrich.FromLogContext();
            if (isDevelopment)
            {
                logger.WriteTo.Console(formatProvider: CultureInfo.InvariantCulture);
            }
            else
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
        });

        // SignalR's default of 32 KB dropped a pasted text of 40,000 characters without a word, and the
        // reconnect then showed the form as saved. The longest field takes about 20,000 characters
        // (a report section, a checklist answer's links); as JSON a character takes at most 6 bytes.
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 256 * 1024);

        // How long a disconnected circuit waits for its browser, and how long the state it leaves when it is
        // evicted can be resumed (docs/operations.md, ADR 0013); tests shorten the first to seconds.
        services.Configure<CircuitOptions>(builder.Configuration.GetSection("Wijkaanpak:Circuits"));
        services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            options.SnackbarConfiguration.VisibleStateDuration = 6000;
        });
        services.AddTransient<MudLocalizer, DutchMudLocalizer>();
        services.Configure<BrandingOptions>(builder.Configuration.GetSection(BrandingOptions.Section));
        services.AddSingleton(TimeProvider.System);

        // Behind a TLS-terminating proxy the app must see the client's scheme and address: without it the
        // Secure antiforgery cookie is refused and the sign-in limit counts every user as the proxy. Only
        // proxies on this machine (loopback) and those listed in ReverseProxy:KnownProxies are believed.
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in builder.Configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });

        var connectionString = builder.Configuration.GetConnectionString(LocalDatabase.ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{LocalDatabase.ConnectionStringName} ontbreekt.");

        // Scoped factory: each circuit's contexts carry the audit interceptor with that circuit's user.
        services.AddDbContextFactory<WijkaanpakDbContext>(
            (provider, options) => options.UseWijkaanpakDatabase(connectionString).AddInterceptors(provider.GetRequiredService<AuditInterceptor>()),
            ServiceLifetime.Scoped);
        services.AddScoped<AuditInterceptor>();
        services.AddScoped<CircuitCurrentUserProvider>();
        services.AddScoped<ICurrentUserProvider>(provider => provider.GetRequiredService<CircuitCurrentUserProvider>());
        services.AddScoped<IAuditActor>(provider => provider.GetRequiredService<CircuitCurrentUserProvider>());
        services.AddScoped<AccessGuard>();
        services.AddScoped<LeavingConfirmation>();
        services.AddScoped<DatabaseOutageNotice>();
        services.AddHealthChecks().AddDbContextCheck<WijkaanpakDbContext>("database");
        builder.AddWijkaanpakIdentity();
        services.AddSignInRateLimiting(builder.Configuration);

        ProgrammesFeature.Register(services);
        OrganisationsFeature.Register(services);
        UsersFeature.Register(services);
        HistoryFeature.Register(services);
        ChecklistsFeature.Register(services);
        DecisionsFeature.Register(services);
        ContractsFeature.Register(services);
        AllianceFeature.Register(services);
        MonitoringImportFeature.Register(services);
        Features.Vision.VisionFeature.Register(services);
        ExecutionFeature.Register(services);
        MonitoringFeature.Register(services);
        PrivacyFeature.Register(services);
        ReportsFeature.Register(services);
        DashboardsFeature.Register(services);
        return builder;
    }

    public static WebApplication UseWijkaanpak(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseSerilogRequestLogging();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Dutch),
            SupportedCultures = [Dutch],
            SupportedUICultures = [Dutch],
        });
        app.UseSecurityHeaders();
        app.UseRateLimiter();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMustChangePassword();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthChecks("/health", new() { ResponseWriter = HealthReportWriter.WriteAsync }).AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapContractEndpoints();
        app.MapExportEndpoints();
        app.MapPrivacyEndpoints();
        app.MapReportEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
