using System.Text.Json;
using Microsoft.AspNetCore.Components.Authorization;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Web.Features.Privacy;

/// <summary>The export of one person's data as a JSON download; the service decides who may have it.</summary>
internal static class PrivacyEndpoints
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string ExportPath(Guid userId) => $"/beheer/gebruikers/{userId}/persoonsgegevens.json";

    public static void MapPrivacyEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/beheer/gebruikers/{id:guid}/persoonsgegevens.json", async (
            Guid id,
            HttpContext context,
            AuthenticationStateProvider authentication,
            PrivacyService privacy,
            CancellationToken cancellationToken) =>
        {
            authentication.AdoptRequestUser(context);
            var result = await privacy.ExportAsync(id, cancellationToken);
            return result.Status switch
            {
                ResultStatus.Ok => Results.File(JsonSerializer.SerializeToUtf8Bytes(result.Value, Indented), "application/json", $"persoonsgegevens-{id}.json"),
                ResultStatus.Forbidden => Results.Forbid(),
                _ => Results.NotFound(),
            };
        }).RequireAuthorization();
}
