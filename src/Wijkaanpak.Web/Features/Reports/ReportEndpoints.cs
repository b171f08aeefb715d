using Microsoft.AspNetCore.Components.Authorization;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Web.Features.Reports;

/// <summary>The progress report as Word and pdf: plain HTTP downloads, since a circuit cannot stream a file.</summary>
internal static class ReportEndpoints
{
    public static string DocumentPath(Guid programmeId, int year, ReportFormat format) =>
        $"/programmas/{programmeId}/voortgangsrapportage/{year}/{(format == ReportFormat.Docx ? "docx" : "pdf")}";

    public static void MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/programmas/{id:guid}/voortgangsrapportage/{year:int}/{format:regex(^(docx|pdf)$)}", async (
            Guid id,
            int year,
            string format,
            HttpContext context,
            AuthenticationStateProvider authentication,
            ReportService reports,
            CancellationToken cancellationToken) =>
        {
            authentication.AdoptRequestUser(context);

            var result = await reports.GetDocumentAsync(new ProgrammeId(id), year, format == "docx" ? ReportFormat.Docx : ReportFormat.Pdf, cancellationToken);
            return result.Status switch
            {
                ResultStatus.Ok => Results.File(result.Value!.Content, result.Value.ContentType, result.Value.FileName),
                ResultStatus.Forbidden => Results.Forbid(),
                _ => Results.NotFound(),
            };
        }).RequireAuthorization();
    }
}
