using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Domain.Reports;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Web.Features.Reports;

/// <summary>
/// The yearly progress report for the council (§6.4): the report generated from the data, its
/// written sections, the board's adoption that freezes it, the Word and pdf documents, and the
/// adopted figures next to today's.
/// </summary>
public sealed class ReportService(
    IDbContextFactory<WijkaanpakDbContext> dbFactory,
    IValidator<SectionEditModel> sectionValidator,
    IValidator<AdoptionEditModel> adoptionValidator,
    AccessGuard access,
    TimeProvider clock)
{
    private const string ConflictMessage =
        "Iemand anders heeft deze rapportage intussen gewijzigd. Uw tekst staat nog in het formulier; hieronder ziet u wat er intussen is opgeslagen.";

    public async Task<Result<ReportPageView>> GetAsync(ProgrammeId programmeId, int year, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ViewProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied.As<ReportPageView>();
        }

        var user = await access.CurrentUserAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await LoadViewAsync(db, programmeId, year, cancellationToken);
        if (report is null)
        {
            return NotFound(year).As<ReportPageView>();
        }

        var years = await db.ProgressReports.AsNoTracking().Where(stored => stored.ProgrammeId == programmeId)
            .OrderByDescending(stored => stored.Year)
            .Select(stored => new ReportYear(stored.Year, stored.Status))
            .ToListAsync(cancellationToken);
        return new ReportPageView(
            report,
            years,
            await access.PermitsAsync(user, Capability.EditProgramme, programmeId, cancellationToken),
            await access.PermitsAsync(user, Capability.AdoptReport, programmeId, cancellationToken));
    }

    /// <summary>Saves one written section; the first save of a year stores its concept report.</summary>
    public async Task<Result<uint>> SaveSectionAsync(ProgrammeId programmeId, int year, SectionEditModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (await access.DenyAsync(Capability.EditProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied.As<uint>();
        }

        if (await sectionValidator.ErrorsOfAsync(model, cancellationToken) is { } errors)
        {
            return Result.Invalid(errors).As<uint>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Programmes.AnyAsync(programme => programme.Id == programmeId, cancellationToken))
        {
            return Result.ProgrammeNotFound().As<uint>();
        }

        var now = clock.GetUtcNow();
        var report = await db.ProgressReports.SingleOrDefaultAsync(stored => stored.ProgrammeId == programmeId && stored.Year == year, cancellationToken);
        if (report is not null && report.Version != model.Version)
        {
            return Conflict(report, model).As<uint>();
        }

        try
        {
            if (report is null)
            {
                if (model.Version != 0)
                {
                    return Result.NotFound("Deze rapportage bestaat niet meer.").As<uint>();
                }

                report = ProgressReport.Start(programmeId, year, now);
                db.ProgressReports.Add(report);
            }
            else
            {
                db.Entry(report).Property(stored => stored.Version).OriginalValue = model.Version;
            }

            report.WriteSection(model.Section, model.Text, now);
            await db.SaveChangesAsync(cancellationToken);
            return report.Version;
        }
        catch (DomainRuleException broken)
        {
            return (broken.Rule == "NarrativeSectionTooLong"
                ? Result.Invalid(new Dictionary<string, string[]> { [nameof(SectionEditModel.Text)] = [broken.Message] })
                : Result.RuleBroken(broken.Message)).As<uint>();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict(ConflictMessage).As<uint>();
        }
        catch (DbUpdateException duplicate) when (duplicate.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Result.Conflict("Intussen heeft iemand anders de rapportage over dit jaar begonnen. Laad de nieuwste stand en sla dan opnieuw op.").As<uint>();
        }
    }

    /// <summary>Records the board's adoption on a date and freezes the report with the figures of this moment.</summary>
    public async Task<Result> AdoptAsync(ProgrammeId programmeId, int year, AdoptionEditModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (await access.DenyAsync(Capability.AdoptReport, programmeId, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (await adoptionValidator.ErrorsOfAsync(model, cancellationToken) is { } errors)
        {
            return Result.Invalid(errors);
        }

        var user = await access.CurrentUserAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var figures = await ReportFiguresBuilder.BuildAsync(db, programmeId, year, now, cancellationToken);
        if (figures is null)
        {
            return Result.ProgrammeNotFound();
        }

        var report = await db.ProgressReports.SingleOrDefaultAsync(stored => stored.ProgrammeId == programmeId && stored.Year == year, cancellationToken);
        try
        {
            if (report is null)
            {
                // A report adopted without written sections is still the board's report.
                report = ProgressReport.Start(programmeId, year, now);
                db.ProgressReports.Add(report);
            }
            else
            {
                db.Entry(report).Property(stored => stored.Version).OriginalValue = model.Version;
            }

            report.Adopt(DateOnly.FromDateTime(model.AdoptedOn!.Value), user.ToUserRef(), figures, clock.TodayInNetherlands(), now);
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok();
        }
        catch (DomainRuleException broken)
        {
            return Result.RuleBroken(broken.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict("Iemand anders heeft de rapportage intussen gewijzigd. Laad de nieuwste stand, lees hem na en stel dan opnieuw vast.");
        }
        catch (DbUpdateException duplicate) when (duplicate.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Result.Conflict("Intussen heeft iemand anders de rapportage over dit jaar begonnen. Laad de nieuwste stand.");
        }
    }

    /// <summary>The report as a Word document or a pdf, for the council's agenda.</summary>
    public async Task<Result<ReportDocument>> GetDocumentAsync(ProgrammeId programmeId, int year, ReportFormat format, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ViewProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied.As<ReportDocument>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await LoadViewAsync(db, programmeId, year, cancellationToken);
        if (report is null)
        {
            return NotFound(year).As<ReportDocument>();
        }

        return format == ReportFormat.Docx
            ? new ReportDocument(ReportDocxWriter.Write(report), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ReportFormats.FileName(report.Figures, format))
            : new ReportDocument(ReportPdfWriter.Write(report), "application/pdf", ReportFormats.FileName(report.Figures, format));
    }

    /// <summary>
    /// The key figures of the latest adopted report (indicator values of its year, money totals)
    /// next to the same figures generated from today's data; none when nothing is adopted yet.
    /// </summary>
    public async Task<Result<AdoptedComparisonView?>> CompareWithAdoptedAsync(ProgrammeId programmeId, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ViewProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied.As<AdoptedComparisonView?>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var adopted = await db.ProgressReports.AsNoTracking()
            .Where(report => report.ProgrammeId == programmeId && report.Status == ReportStatus.Vastgesteld)
            .OrderByDescending(report => report.Year)
            .FirstOrDefaultAsync(cancellationToken);
        if (adopted?.AdoptedFigures is not { } then)
        {
            return Result<AdoptedComparisonView?>.Ok(null);
        }

        // Only the parts of today's figures the comparison shows: the dashboard and the overview
        // show it on every visit, so it must not cost a whole report.
        var year = adopted.Year;
        var nowIndicators = await ReportFiguresBuilder.IndicatorsAsync(db, programmeId, year, cancellationToken);
        var nowMoney = await ReportFiguresBuilder.MoneyAsync(db, programmeId, cancellationToken);
        var currentIndicators = nowIndicators.ToDictionary(indicator => indicator.Id);
        var indicators = then.Indicators
            .Select(indicator => new ComparedFigure(
                Labelled(indicator.Name, indicator.Unit, year),
                ReportFormats.Value(indicator.ValueIn(year)),
                ReportFormats.Value(currentIndicators.GetValueOrDefault(indicator.Id)?.ValueIn(year))))
            .Concat(nowIndicators.Where(indicator => then.Indicators.All(known => known.Id != indicator.Id))
                .Select(indicator => new ComparedFigure(Labelled(indicator.Name, indicator.Unit, year), "–", ReportFormats.Value(indicator.ValueIn(year)))))
            .ToList();
        var money = new List<ComparedFigure>
        {
            new("Toegezegd", Money.Euro(then.Money.Committed), Money.Euro(nowMoney.Committed)),
            new("Besteed", Money.Euro(then.Money.Spent), Money.Euro(nowMoney.Spent)),
            new("Niet gedekt", Money.Euro(then.Money.Uncovered), Money.Euro(nowMoney.Uncovered)),
        };
        return Result<AdoptedComparisonView?>.Ok(new AdoptedComparisonView(year, adopted.AdoptedOn!.Value, indicators, money));
    }

    private static string Labelled(string name, string unit, int year) =>
        string.IsNullOrEmpty(unit) ? $"{name} ({year})" : $"{name} ({year}, {unit})";

    private async Task<ReportView?> LoadViewAsync(WijkaanpakDbContext db, ProgrammeId programmeId, int year, CancellationToken cancellationToken)
    {
        if (year is < ProgressReport.EarliestYear or > ProgressReport.LatestYear)
        {
            return null;
        }

        var stored = await db.ProgressReports.AsNoTracking().SingleOrDefaultAsync(report => report.ProgrammeId == programmeId && report.Year == year, cancellationToken);

        // An adopted report shows its snapshot: nothing is generated from today's data.
        var figures = stored?.AdoptedFigures ?? await ReportFiguresBuilder.BuildAsync(db, programmeId, year, clock.GetUtcNow(), cancellationToken);
        if (figures is null)
        {
            return null;
        }

        var report = stored ?? ProgressReport.Start(programmeId, year, clock.GetUtcNow());
        return new ReportView(
            programmeId,
            year,
            report.Status,
            Enum.GetValues<NarrativeSection>().ToDictionary(section => section, report.TextOf),
            report.AdoptedOn,
            report.AdoptedByName,
            report.FiguresToShow(figures),
            stored?.Version ?? 0);
    }

    private static Result NotFound(int year) =>
        Result.NotFound(year is < ProgressReport.EarliestYear or > ProgressReport.LatestYear
            ? $"Een voortgangsrapportage gaat over een jaar tussen {ProgressReport.EarliestYear} en {ProgressReport.LatestYear}."
            : Result.ProgrammeNotFoundMessage);

    private static Result Conflict(ProgressReport stored, SectionEditModel yours) =>
        stored.IsAdopted
            ? Result.RuleBroken($"De rapportage over {stored.Year} is intussen vastgesteld door het bestuur en verandert niet meer.")
            : Result.Conflict(ConflictMessage, [new FieldDifference(nameof(SectionEditModel.Text), yours.Section.DisplayName(), stored.TextOf(yours.Section), yours.Text)]);
}
