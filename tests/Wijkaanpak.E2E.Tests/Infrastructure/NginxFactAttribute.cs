namespace Wijkaanpak.E2E.Tests.Infrastructure;

/// <summary>
/// A browser test behind Debian's nginx: skipped with its reason where nginx or Chromium is not
/// installed, except under CI (CI=true), where the test must run and fail if they are missing.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NginxFactAttribute : FactAttribute
{
    public NginxFactAttribute()
    {
        if (BrowserFixture.RunsInCi)
        {
            return;
        }

        if (!NginxProxy.Installed)
        {
            Skip = $"nginx ontbreekt ({NginxProxy.NginxPath}); installeer het met 'apt-get install nginx'.";
        }
        else if (!BrowserFixture.ChromiumInstalled)
        {
            Skip = $"Chromium ontbreekt ({BrowserFixture.ChromiumPath}); installeer het met 'apt-get install chromium'.";
        }
    }
}
