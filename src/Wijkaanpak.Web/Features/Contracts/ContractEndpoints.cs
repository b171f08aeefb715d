using Microsoft.AspNetCore.Components.Authorization;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Web.Features.Contracts;

/// <summary>The pdf of a signed contract version: a plain HTTP download, since a circuit cannot stream a file.</summary>
internal static class ContractEndpoints
{
    public static string PdfPath(Guid programmeId, int number) => $"/programmas/{programmeId}/contract/versies/{number}/pdf";

    public static void MapContractEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/programmas/{id:guid}/contract/versies/{number:int}/pdf", async (
            Guid id,
            int number,
            HttpContext context,
            AuthenticationStateProvider authentication,
            ContractService contracts,
            CancellationToken cancellationToken) =>
        {
            authentication.AdoptRequestUser(context);

            var result = await contracts.GetPdfAsync(new ProgrammeId(id), number, cancellationToken);
            return result.Status switch
            {
                ResultStatus.Ok => Results.File(result.Value!.Content, "application/pdf", result.Value.FileName),
                ResultStatus.Forbidden => Results.Forbid(),
                _ => Results.NotFound(),
            };
        }).RequireAuthorization();
    }
}
