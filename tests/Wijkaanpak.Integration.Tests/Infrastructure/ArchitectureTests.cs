using NetArchTest.Rules;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Integration.Tests.Infrastructure;

/// <summary>Dependencies point Web → Data → Domain and Web → Domain; nothing points back.</summary>
public sealed class ArchitectureTests
{
    [Fact]
    public void Domain_DependsOnNoOtherLayerNorFramework()
    {
        var result = Types.InAssembly(typeof(Programme).Assembly)
            .ShouldNot()
            .HaveDependencyOnAny("Wijkaanpak.Data", "Wijkaanpak.Web", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Npgsql", "MudBlazor")
            .GetResult();

        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void Data_DoesNotDependOnTheWebApp()
    {
        // Identity's stores and the Data Protection key store live in the database, so those two
        // ASP.NET Core parts are allowed; the web stack itself is not.
        var result = Types.InAssembly(typeof(WijkaanpakDbContext).Assembly)
            .ShouldNot()
            .HaveDependencyOnAny(
                "Wijkaanpak.Web", "MudBlazor", "Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.Http",
                "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Authentication")
            .GetResult();

        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void Pages_DoNotUseTheDbContextDirectly()
    {
        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().Inherit(typeof(Microsoft.AspNetCore.Components.ComponentBase))
            .ShouldNot()
            .HaveDependencyOnAny("Wijkaanpak.Data.WijkaanpakDbContext", "Microsoft.EntityFrameworkCore")
            .GetResult();

        Assert.True(result.IsSuccessful, Describe(result));
    }

    private static string Describe(TestResult result) =>
        "Verkeerde afhankelijkheid in: " + string.Join(", ", result.FailingTypeNames ?? []);
}
