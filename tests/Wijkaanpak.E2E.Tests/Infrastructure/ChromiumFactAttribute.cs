namespace Wijkaanpak.E2E.Tests.Infrastructure;

/// <summary>
/// A browser test: skipped with its reason where Debian's Chromium is not installed, except under
/// CI (CI=true), where a missing browser must fail the run instead of hiding it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!BrowserFixture.ChromiumInstalled && !BrowserFixture.RunsInCi)
        {
            Skip = $"Chromium ontbreekt ({BrowserFixture.ChromiumPath}); installeer het met 'apt-get install chromium'.";
        }
    }
}
