using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Wijkaanpak.Web.Hosting;

/// <summary>Writes /health as JSON: the overall state and each check's (the database's) state.</summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(entry => entry.Key, entry => new
            {
                status = entry.Value.Status.ToString(),
                durationMs = Math.Round(entry.Value.Duration.TotalMilliseconds, 1),
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
