using Wijkaanpak.TestSupport;

namespace Wijkaanpak.Integration.Tests.Infrastructure;

/// <summary>One running app and database per test class; tests isolate themselves by their own users and programmes.</summary>
public sealed class AppClassFixture : IAsyncLifetime
{
    public AppFixture App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await AppFixture.StartAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}
