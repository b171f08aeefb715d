using Microsoft.AspNetCore.Components.Authorization;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Features.Monitoring;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Web.Features.Execution;

/// <summary>The exports (interventions, budget lines, measurements) as plain HTTP downloads (a circuit cannot stream a file); the services decide who may have them.</summary>
internal static class ExportEndpoints
{
    public static string InterventionsExportPath(Guid programmeId, ExportFormat format) => $"/programmas/{programmeId}/uitvoering/export.{Extension(format)}";

    public static string BudgetLinesExportPath(Guid programmeId, ExportFormat format) => $"/programmas/{programmeId}/financiering/export.{Extension(format)}";

    public static string MeasurementsExportPath(Guid programmeId, ExportFormat format) => $"/programmas/{programmeId}/indicatoren/export.{Extension(format)}";

    public static void MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        foreach (var format in Enum.GetValues<ExportFormat>())
        {
            endpoints.MapGet($"/programmas/{{id:guid}}/uitvoering/export.{Extension(format)}", async (
                Guid id,
                HttpContext context,
                AuthenticationStateProvider authentication,
                ExecutionService execution,
                CancellationToken cancellationToken) =>
            {
                authentication.AdoptRequestUser(context);
                return Download(await execution.ExportInterventionsAsync(new ProgrammeId(id), format, cancellationToken));
            }).RequireAuthorization();
            endpoints.MapGet($"/programmas/{{id:guid}}/financiering/export.{Extension(format)}", async (
                Guid id,
                HttpContext context,
                AuthenticationStateProvider authentication,
                FinancingService financing,
                CancellationToken cancellationToken) =>
            {
                authentication.AdoptRequestUser(context);
                return Download(await financing.ExportLinesAsync(new ProgrammeId(id), format, cancellationToken));
            }).RequireAuthorization();
            endpoints.MapGet($"/programmas/{{id:guid}}/indicatoren/export.{Extension(format)}", async (
                Guid id,
                HttpContext context,
                AuthenticationStateProvider authentication,
                IndicatorService indicators,
                CancellationToken cancellationToken) =>
            {
                authentication.AdoptRequestUser(context);
                return Download(await indicators.ExportMeasurementsAsync(new ProgrammeId(id), format, cancellationToken));
            }).RequireAuthorization();
        }
    }

    private static string Extension(ExportFormat format) => format == ExportFormat.Xlsx ? "xlsx" : "csv";

    private static IResult Download(Result<ExportFile> result) => result.Status switch
    {
        ResultStatus.Ok => Results.File(result.Value!.Content, result.Value.ContentType, result.Value.FileName),
        ResultStatus.Forbidden => Results.Forbid(),
        _ => Results.NotFound(),
    };
}
