using Wijkaanpak.Domain.Reports;
using Wijkaanpak.Web.Shared;

namespace Wijkaanpak.Web.Features.Reports;

/// <summary>A part of the report, in the order it is read; the page, the Word file and the pdf each render the same parts.</summary>
public abstract record ReportBlock;

public sealed record TitleBlock(string Title, string Subtitle, IReadOnlyList<Fact> Facts) : ReportBlock;

public sealed record HeadingBlock(string Text) : ReportBlock;

public sealed record SubHeadingBlock(string Text) : ReportBlock;

public sealed record ParagraphBlock(string Text) : ReportBlock;

public sealed record FactsBlock(IReadOnlyList<Fact> Facts) : ReportBlock;

/// <summary>A table; each column's share of the width, and which columns hold numbers (right-aligned).</summary>
public sealed record TableBlock(string Caption, IReadOnlyList<Column> Columns, IReadOnlyList<string[]> Rows) : ReportBlock;

/// <summary>A written section: the heading and the text, or a note that it is not written yet.</summary>
public sealed record NarrativeBlock(NarrativeSection Section, string Heading, string Text) : ReportBlock
{
    public const string NotWritten = "(Nog niet geschreven.)";

    public string TextOrNote => string.IsNullOrWhiteSpace(Text) ? NotWritten : Text;
}

public sealed record Fact(string Label, string Value);

public sealed record Column(string Heading, double Share, bool IsNumber = false);

/// <summary>
/// The structure of a progress report after the NPLV building blocks (§6.4): title page, summary,
/// process information, indicators with their duiding, progress per ambition, money, decisions,
/// best practices, lessons and outlook.
/// </summary>
public static class ReportOutline
{
    public static IReadOnlyList<ReportBlock> Of(ReportView report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var figures = report.Figures;
        var year = figures.Year;
        var blocks = new List<ReportBlock>
        {
            new TitleBlock(
                ReportFormats.Title(figures),
                $"{figures.ProgrammeName}, gemeente {figures.Municipality}",
                [
                    new Fact("Programma", figures.ProgrammeName),
                    new Fact("Gemeente", figures.Municipality),
                    new Fact("Gebied", string.Join(", ", figures.AreaCodes)),
                    new Fact("Verslagjaar", year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new Fact("Status", report.StatusLine),
                    new Fact("Cijfers van", ReportFormats.Date(DateOnly.FromDateTime(Shared.DutchTime.InNetherlands(figures.GeneratedAt).DateTime))),
                ]),
            Narrative(report, NarrativeSection.Samenvatting),
        };

        var process = figures.Process;
        blocks.Add(new HeadingBlock("Procesinformatie"));
        blocks.Add(new FactsBlock(
        [
            new Fact("Fase", $"{process.Phase} (cyclus {process.Cycle})"),
            new Fact("Checklists", ReportFormats.Completion(process.ChecklistQuestionsAnswered, process.ChecklistQuestions) + " vragen beantwoord"),
            new Fact("Alliantie", $"{process.AllianceOrganisations} organisaties, waarvan {process.AllianceBoardMembers} in het alliantiebestuur"),
            new Fact("Bewonersparticipatie", process.ResidentParticipation ?? "niet vastgelegd"),
            new Fact("Lokaal contract", process.Contract),
        ]));
        blocks.Add(new TableBlock(
            "Beantwoorde checklistvragen per fase",
            [new Column("Fase", 0.5), new Column("Beantwoord", 0.25, IsNumber: true), new Column("Vragen", 0.25, IsNumber: true)],
            [.. process.Phases.Select(phase => new[] { phase.Phase, phase.Answered.ToString(System.Globalization.CultureInfo.InvariantCulture), phase.Total.ToString(System.Globalization.CultureInfo.InvariantCulture) })]));

        blocks.Add(new HeadingBlock("Indicatoren"));
        blocks.Add(new TableBlock(
            $"Indicatoren: nulmeting, waarde in {year}, doel en trend",
            [
                new Column("Indicator", 0.30), new Column("Eenheid", 0.12), new Column("Nulmeting", 0.13, IsNumber: true),
                new Column($"Waarde {year}", 0.11, IsNumber: true), new Column("Doel", 0.13, IsNumber: true), new Column("Trend", 0.21),
            ],
            [.. figures.Indicators.Select(indicator => new[]
            {
                indicator.Name,
                string.IsNullOrEmpty(indicator.Unit) ? "–" : indicator.Unit,
                ReportFormats.Value(indicator.Baseline),
                ReportFormats.Value(indicator.ValueIn(year)),
                ReportFormats.Value(indicator.Target),
                indicator.Trend,
            })]));
        blocks.Add(new SubHeadingBlock($"Duiding van de cijfers over {year}"));
        foreach (var indicator in figures.Indicators)
        {
            blocks.Add(new ParagraphBlock($"{indicator.Name}: {indicator.Interpretation ?? $"voor {year} is geen duiding geschreven."}"));
        }

        blocks.Add(new HeadingBlock("Voortgang per ambitie"));
        if (figures.Ambitions.Count == 0)
        {
            blocks.Add(new ParagraphBlock("Er zijn geen interventies die in dit jaar liepen."));
        }

        foreach (var ambition in figures.Ambitions)
        {
            blocks.Add(new SubHeadingBlock(ambition.Title));
            blocks.Add(new TableBlock(
                $"Interventies voor '{ambition.Title}'",
                [new Column("Interventie", 0.42), new Column("Soort", 0.2), new Column($"Status eind {year}", 0.18), new Column("Budget", 0.2, IsNumber: true)],
                [.. ambition.Interventions.Select(intervention => new[] { intervention.Title, intervention.Kind, intervention.Status, Money.Euro(intervention.Budget) })]));
            foreach (var intervention in ambition.Interventions)
            {
                foreach (var change in intervention.ChangesInYear)
                {
                    blocks.Add(new ParagraphBlock($"{intervention.Title}, {ReportFormats.Date(change.On)}: van {change.From?.ToLowerInvariant()} naar {change.To.ToLowerInvariant()}. {change.Reason}"));
                }
            }
        }

        var money = figures.Money;
        blocks.Add(new HeadingBlock("Financiën"));
        blocks.Add(new FactsBlock(
        [
            new Fact("Toegezegd", Money.Euro(money.Committed)),
            new Fact("Besteed", Money.Euro(money.Spent)),
            new Fact("Nog te besteden", Money.Euro(money.Committed - money.Spent)),
            new Fact("Niet gedekt", $"{Money.Euro(money.Uncovered)} (budget van interventies zonder toegezegd geld)"),
        ]));
        blocks.Add(MoneyTable("Geld per bron", "Bron", money.PerSource));
        blocks.Add(MoneyTable("Geld per jaar", "Jaar", money.PerYear));

        blocks.Add(new HeadingBlock($"Besluiten in {year}"));
        blocks.Add(new TableBlock(
            $"Besluiten van het alliantiebestuur in {year}",
            [new Column("Datum", 0.18), new Column("Soort", 0.2), new Column("Besluit", 0.42), new Column("Genomen door", 0.2)],
            [.. figures.Decisions.Select(decision => new[] { ReportFormats.Date(decision.On), decision.Kind, decision.Title, decision.DecidedBy })]));

        blocks.Add(Narrative(report, NarrativeSection.BestPractices));
        blocks.Add(Narrative(report, NarrativeSection.Lessen));
        blocks.Add(Narrative(report, NarrativeSection.Vooruitblik));
        return blocks;
    }

    private static NarrativeBlock Narrative(ReportView report, NarrativeSection section) =>
        new(section, section.DisplayName(), report.TextOf(section));

    private static TableBlock MoneyTable(string caption, string label, IReadOnlyList<MoneyRow> rows) => new(
        caption,
        [new Column(label, 0.31), new Column("Toegezegd", 0.23, IsNumber: true), new Column("Besteed", 0.23, IsNumber: true), new Column("Nog te besteden", 0.23, IsNumber: true)],
        [.. rows.Select(row => new[] { row.Label, Money.Euro(row.Committed), Money.Euro(row.Spent), Money.Euro(row.Remaining) })]);
}
