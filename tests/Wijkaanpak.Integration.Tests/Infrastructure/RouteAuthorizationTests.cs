using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Wijkaanpak.TestSupport;

namespace Wijkaanpak.Integration.Tests.Infrastructure;

/// <summary>
/// Every page of the app, requested over HTTP by each demo role and by an anonymous visitor: the
/// page is served, or the visitor is sent to sign in, or is refused. A page without a row here fails
/// <see cref="EveryPage_IsInTheMatrix"/>. Membership of a programme is checked by the services (see
/// <see cref="AuthorizationMatrixTests"/>).
/// </summary>
public sealed partial class RouteAuthorizationTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    private static readonly Actor[] Anyone = [Actor.Anonymous, Actor.Beheerder, Actor.Programmabureau, Actor.Alliantiepartner, Actor.Raadslid];
    private static readonly Actor[] SignedIn = [Actor.Beheerder, Actor.Programmabureau, Actor.Alliantiepartner, Actor.Raadslid];

    /// <summary>Route template → who gets the page.</summary>
    private static readonly Dictionary<string, Actor[]> Pages = new()
    {
        ["/"] = SignedIn,
        ["/programmas"] = SignedIn,
        ["/programmas/nieuw"] = [Actor.Programmabureau],
        ["/programmas/{Id:guid}"] = SignedIn,
        ["/programmas/{Id:guid}/bewerken"] = [Actor.Programmabureau],
        ["/programmas/{Id:guid}/geschiedenis"] = [Actor.Beheerder, Actor.Programmabureau],
        ["/programmas/{Id:guid}/go-no-go"] = SignedIn,
        ["/programmas/{Id:guid}/besluiten"] = SignedIn,
        ["/programmas/{Id:guid}/checklists/{Code}"] = SignedIn,
        ["/mijn-aftekeningen"] = [Actor.Alliantiepartner],
        ["/programmas/{Id:guid}/contract"] = SignedIn,
        ["/programmas/{Id:guid}/alliantie"] = SignedIn,
        ["/programmas/{Id:guid}/inventarisatie"] = SignedIn,
        ["/programmas/{Id:guid}/metingen/importeren"] = [Actor.Programmabureau],
        ["/programmas/{Id:guid}/opgaven"] = SignedIn,
        ["/programmas/{Id:guid}/visie"] = SignedIn,
        ["/programmas/{Id:guid}/uitvoering"] = SignedIn,
        ["/programmas/{Id:guid}/financiering"] = SignedIn,
        ["/programmas/{Id:guid}/indicatoren"] = SignedIn,
        ["/programmas/{Id:guid}/indicatoren/{IndicatorId:guid}"] = SignedIn,
        ["/programmas/{Id:guid}/voortgangsrapportage/{Year:int}"] = SignedIn,
        ["/programmas/{Id:guid}/dashboard"] = SignedIn,
        ["/programmas/{Id:guid}/ondertekeningen"] = SignedIn,
        ["/portefeuille"] = SignedIn,
        ["/werklijst"] = [Actor.Programmabureau],
        ["/beheer/gebruikers"] = [Actor.Beheerder],
        ["/beheer/gebruikers/nieuw"] = [Actor.Beheerder],
        ["/beheer/gebruikers/{Id:guid}"] = [Actor.Beheerder],
        ["/beheer/organisaties"] = [Actor.Beheerder],
        ["/beheer/organisaties/{Id:guid}"] = [Actor.Beheerder],
        ["/beheer/checklists"] = [Actor.Beheerder],
        ["/beheer/checklists/{Code}/nieuwe-versie"] = [Actor.Beheerder],
        ["/account/wachtwoord"] = SignedIn,
        ["/inloggen"] = Anyone,
        ["/geen-toegang"] = Anyone,
        ["/not-found"] = Anyone,
        ["/Error"] = Anyone,
    };

    public static TheoryData<string> Templates => [.. Pages.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void EveryPage_IsInTheMatrix()
    {
        var routes = typeof(Program).Assembly.GetTypes()
            .Where(type => typeof(IComponent).IsAssignableFrom(type))
            .SelectMany(type => type.GetCustomAttributes<RouteAttribute>())
            .Select(route => route.Template)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(routes, Pages.Keys.Order(StringComparer.Ordinal).ToList());
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Page_IsServedToExactlyItsRoles(string template)
    {
        var url = ParameterPattern().Replace(template, match => match.Value.Contains(":guid", StringComparison.Ordinal) ? demo.Programme.ToString()
            : match.Value.Contains(":int", StringComparison.Ordinal) ? "2025"
            : "4.1");
        var outcome = new Dictionary<Actor, string>();
        foreach (var actor in Anyone)
        {
            var response = await (await demo.ClientForAsync(actor)).GetAsync(new Uri(url, UriKind.Relative));
            outcome[actor] = Describe(response);
        }

        var expected = Anyone.ToDictionary(
            actor => actor,
            actor => Pages[template].Contains(actor) ? "served" : actor == Actor.Anonymous ? "sign in" : "refused");
        Assert.Equal(expected, outcome);
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_SaysSoInDutchAndSetsNoCookie()
    {
        using var client = demo.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await DemoAppFixture.PostSignInAsync(client, DemoAppFixture.DemoAccounts[Actor.Raadslid], "fout-wachtwoord-123");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Het e-mailadres of het wachtwoord klopt niet", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(cookie => cookie.StartsWith("wijkaanpak.auth", StringComparison.Ordinal)));
    }

    private static string Describe(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.OK => "served",
        HttpStatusCode.Redirect or HttpStatusCode.Found when response.Headers.Location!.OriginalString.Contains("/inloggen", StringComparison.Ordinal) => "sign in",
        HttpStatusCode.Redirect or HttpStatusCode.Found when response.Headers.Location!.OriginalString.Contains("/geen-toegang", StringComparison.Ordinal) => "refused",
        _ => $"{(int)response.StatusCode} {response.Headers.Location}",
    };

    [GeneratedRegex("\\{[^}]+\\}")]
    private static partial Regex ParameterPattern();
}

/// <summary>The app in Development with its demo data and accounts, and one signed-in HTTP client per demo role.</summary>
public sealed partial class DemoAppFixture : IAsyncLifetime
{
    public const string Password = "Wijkaanpak-demo-2026";

    public static readonly IReadOnlyDictionary<Actor, string> DemoAccounts = new Dictionary<Actor, string>
    {
        [Actor.Beheerder] = "beheer@wijkaanpak.example",
        [Actor.Programmabureau] = "programmabureau@wijkaanpak.example",
        [Actor.Alliantiepartner] = "partner@wijkaanpak.example",
        [Actor.Raadslid] = "raadslid@wijkaanpak.example",
    };

    private readonly Dictionary<Actor, HttpClient> _clients = [];
    private readonly SemaphoreSlim _signingIn = new(1, 1);

    public WijkaanpakAppFactory App { get; private set; } = null!;

    /// <summary>Westwijk Vooruit, of which every demo account except the Beheerder is a member.</summary>
    public Guid Programme { get; private set; }

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.CreateAsync();
        App = new WijkaanpakAppFactory(database.ConnectionString);
        _ = App.Services;
        await using var db = database.CreateContext();
        Programme = (await db.Programmes.FirstAsync(programme => programme.Name == "Westwijk Vooruit")).Id.Value;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        _signingIn.Dispose();
        await App.DisposeAsync();
    }

    public async Task<HttpClient> ClientForAsync(Actor actor)
    {
        await _signingIn.WaitAsync();
        try
        {
            if (!_clients.TryGetValue(actor, out var client))
            {
                client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
                if (actor != Actor.Anonymous)
                {
                    var response = await PostSignInAsync(client, DemoAccounts[actor], Password);
                    Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                }

                _clients[actor] = client;
            }

            return client;
        }
        finally
        {
            _signingIn.Release();
        }
    }

    /// <summary>Signs in the way a browser does: the form, its antiforgery token and cookie, then the post.</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(client);
        var form = await client.GetStringAsync(new Uri("/inloggen", UriKind.Relative));
        var token = AntiforgeryToken().Match(form).Groups["token"].Value;
        return await client.PostAsync(new Uri("/inloggen", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
