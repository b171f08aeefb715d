using System.Text.Json;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Domain.Reports;

public enum ReportStatus
{
    Concept = 1,
    Vastgesteld,
}

/// <summary>The written parts of a progress report, next to the figures generated from the data (§6.4).</summary>
public enum NarrativeSection
{
    Samenvatting = 1,
    BestPractices,
    Lessen,
    Vooruitblik,
}

/// <summary>
/// The yearly progress report of a programme for the council. While it is a concept its figures
/// are generated from the current data and its narrative can be written; when the board adopts
/// it, the figures of that moment are kept as a snapshot and the report is frozen: later
/// corrections of the data do not change what the council received.
/// </summary>
public sealed class ProgressReport
{
    public const int SectionMaxLength = 20_000;
    public const int EarliestYear = 2000;
    public const int LatestYear = 2100;

    private static readonly JsonSerializerOptions SnapshotJson = new(JsonSerializerDefaults.Web);

    private ProgressReport()
    {
        Summary = string.Empty;
        BestPractices = string.Empty;
        Lessons = string.Empty;
        Outlook = string.Empty;
    }

    public Guid Id { get; private set; }

    public ProgrammeId ProgrammeId { get; private set; }

    public int Year { get; private set; }

    public string Summary { get; private set; }

    public string BestPractices { get; private set; }

    public string Lessons { get; private set; }

    public string Outlook { get; private set; }

    public ReportStatus Status { get; private set; }

    public bool IsAdopted => Status == ReportStatus.Vastgesteld;

    /// <summary>The date of the board's decision.</summary>
    public DateOnly? AdoptedOn { get; private set; }

    public Guid? AdoptedByUserId { get; private set; }

    public string? AdoptedByName { get; private set; }

    public UserRef? AdoptedBy => AdoptedByUserId is { } id ? new UserRef(id, AdoptedByName!) : null;

    public DateTimeOffset? AdoptedAt { get; private set; }

    /// <summary>The figures as adopted, as JSON: kept as text so that the snapshot never follows a change of the figures' shape by accident.</summary>
    public string? AdoptedFiguresJson { get; private set; }

    public DateTimeOffset LastChangedAt { get; private set; }

    public uint Version { get; private set; }

    public ReportFigures? AdoptedFigures => AdoptedFiguresJson is null ? null : JsonSerializer.Deserialize<ReportFigures>(AdoptedFiguresJson, SnapshotJson);

    public static ProgressReport Start(ProgrammeId programmeId, int year, DateTimeOffset now)
    {
        if (year is < EarliestYear or > LatestYear)
        {
            throw new DomainRuleException("ReportYearPlausible", $"Een voortgangsrapportage gaat over een jaar tussen {EarliestYear} en {LatestYear}.");
        }

        return new ProgressReport
        {
            Id = Guid.CreateVersion7(),
            ProgrammeId = programmeId,
            Year = year,
            Status = ReportStatus.Concept,
            LastChangedAt = now,
        };
    }

    public string TextOf(NarrativeSection section) => section switch
    {
        NarrativeSection.Samenvatting => Summary,
        NarrativeSection.BestPractices => BestPractices,
        NarrativeSection.Lessen => Lessons,
        NarrativeSection.Vooruitblik => Outlook,
        _ => throw new DomainRuleException("NarrativeSectionKnown", "Kies een onderdeel van de rapportage."),
    };

    /// <summary>Writes (or clears) one narrative section of a concept.</summary>
    public void WriteSection(NarrativeSection section, string? text, DateTimeOffset now)
    {
        EnsureConcept();
        var written = Guard.OptionalText(text, SectionMaxLength, "NarrativeSectionTooLong", $"Het onderdeel '{section.DisplayName()}'");
        switch (section)
        {
            case NarrativeSection.Samenvatting:
                Summary = written;
                break;
            case NarrativeSection.BestPractices:
                BestPractices = written;
                break;
            case NarrativeSection.Lessen:
                Lessons = written;
                break;
            case NarrativeSection.Vooruitblik:
                Outlook = written;
                break;
            default:
                throw new DomainRuleException("NarrativeSectionKnown", "Kies een onderdeel van de rapportage.");
        }

        LastChangedAt = now;
    }

    /// <summary>
    /// Records that the board adopted the report on <paramref name="adoptedOn"/>, and freezes it
    /// with the figures of this moment.
    /// </summary>
    public void Adopt(DateOnly adoptedOn, UserRef recordedBy, ReportFigures figures, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(recordedBy);
        ArgumentNullException.ThrowIfNull(figures);
        EnsureConcept();
        if (figures.Year != Year)
        {
            throw new DomainRuleException("FiguresOfTheReportYear", $"De cijfers horen bij {figures.Year}, de rapportage bij {Year}.");
        }

        if (adoptedOn > today)
        {
            throw new DomainRuleException("AdoptionNotInTheFuture", "De datum van vaststelling ligt niet in de toekomst.");
        }

        if (adoptedOn.Year < Year)
        {
            throw new DomainRuleException("AdoptionAfterReportYearStarts", $"Een rapportage over {Year} wordt niet vóór {Year} vastgesteld.");
        }

        Status = ReportStatus.Vastgesteld;
        AdoptedOn = adoptedOn;
        AdoptedByUserId = recordedBy.UserId;
        AdoptedByName = recordedBy.DisplayName;
        AdoptedAt = now;
        AdoptedFiguresJson = JsonSerializer.Serialize(figures, SnapshotJson);
        LastChangedAt = now;
    }

    /// <summary>The figures the report shows: the snapshot once adopted, otherwise those generated from the data now.</summary>
    public ReportFigures FiguresToShow(ReportFigures current) => AdoptedFigures ?? current;

    private void EnsureConcept()
    {
        if (IsAdopted)
        {
            throw new DomainRuleException(
                "AdoptedReportIsFrozen",
                $"De rapportage over {Year} is op {AdoptedOn:d-M-yyyy} vastgesteld door het bestuur en verandert niet meer.");
        }
    }
}

public static class ReportNames
{
    public static string DisplayName(this NarrativeSection section) => section switch
    {
        NarrativeSection.Samenvatting => "Samenvatting",
        NarrativeSection.BestPractices => "Wat goed werkte",
        NarrativeSection.Lessen => "Lessen en reflectie",
        NarrativeSection.Vooruitblik => "Vooruitblik",
        _ => section.ToString(),
    };

    public static string DisplayName(this ReportStatus status) => status switch
    {
        ReportStatus.Concept => "Concept",
        ReportStatus.Vastgesteld => "Vastgesteld",
        _ => status.ToString(),
    };
}
