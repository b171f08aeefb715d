using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Domain.Reports;

namespace Wijkaanpak.Domain.Tests;

public sealed class ProgressReportTests
{
    private static readonly ProgrammeId Programme = new(Guid.Parse("0190a000-0000-7000-8000-0000000000f1"));

    [Fact]
    public void Start_IsAConceptWithEmptyNarrative()
    {
        var report = ProgressReport.Start(Programme, 2025, TestData.Now);

        Assert.Equal(ReportStatus.Concept, report.Status);
        Assert.All(Enum.GetValues<NarrativeSection>(), section => Assert.Equal(string.Empty, report.TextOf(section)));
        Assert.Null(report.AdoptedFigures);
    }

    [Fact]
    public void WriteSection_OnAConcept_KeepsTheTrimmedTextOfThatSectionOnly()
    {
        var report = ProgressReport.Start(Programme, 2025, TestData.Now);

        report.WriteSection(NarrativeSection.Lessen, "  Bewoners vroeg betrekken loont.  ", TestData.Now);

        Assert.Equal("Bewoners vroeg betrekken loont.", report.TextOf(NarrativeSection.Lessen));
        Assert.Equal(string.Empty, report.TextOf(NarrativeSection.Samenvatting));
    }

    [Fact]
    public void WriteSection_TooLong_BreaksTheRule()
    {
        var report = ProgressReport.Start(Programme, 2025, TestData.Now);

        Assert.Equal("NarrativeSectionTooLong", TestData.Rule(() => report.WriteSection(NarrativeSection.Samenvatting, new string('x', ProgressReport.SectionMaxLength + 1), TestData.Now)));
    }

    [Fact]
    public void Adopt_FreezesTheReportWithDateWhoAndTheFiguresOfThatMoment()
    {
        var report = ProgressReport.Start(Programme, 2025, TestData.Now);

        report.Adopt(new DateOnly(2026, 3, 12), TestData.Staff, Figures(58.9m, 100_000m), TestData.Today, TestData.Now);

        Assert.True(report.IsAdopted);
        Assert.Equal(new DateOnly(2026, 3, 12), report.AdoptedOn);
        Assert.Equal(TestData.Staff, report.AdoptedBy);
        Assert.Equal(58.9m, report.AdoptedFigures!.Indicators[0].ValueIn(2025));
        Assert.Equal(100_000m, report.AdoptedFigures.Money.Committed);
    }

    [Fact]
    public void WriteSection_AfterAdoption_IsRefusedAndTheTextStays()
    {
        var report = ProgressReport.Start(Programme, 2025, TestData.Now);
        report.WriteSection(NarrativeSection.Samenvatting, "Zoals vastgesteld.", TestData.Now);
        report.Adopt(new DateOnly(2026, 3, 12), TestData.Staff, Figures(58.9m, 100_000m), TestData.Today, TestData.Now);

        Assert.Equal("AdoptedReportIsFrozen", TestData.Rule(() => report.WriteSection(NarrativeSection.Samenvatting, "Achteraf herschreven.", TestData.Now)));
        Assert.Equal("Zoals vastgesteld.", report.TextOf(NarrativeSection.Samenvatting));
    }

    [Fact]
    public void Adopt_Twice_IsRefusedAndTheFirstSnapshotStays()
    {
        var report = ProgressReport.Start(Programme, 2025, TestData.Now);
        report.Adopt(new DateOnly(2026, 3, 12), TestData.Staff, Figures(58.9m, 100_000m), TestData.Today, TestData.Now);

        Assert.Equal("AdoptedReportIsFrozen", TestData.Rule(() => report.Adopt(new DateOnly(2026, 4, 1), TestData.Partner, Figures(61m, 1m), TestData.Today, TestData.Now)));
        Assert.Equal(new DateOnly(2026, 3, 12), report.AdoptedOn);
        Assert.Equal(58.9m, report.AdoptedFigures!.Indicators[0].ValueIn(2025));
    }

    [Fact]
    public void FiguresToShow_AfterAdoption_IsTheSnapshotNotTheCorrectedData()
    {
        var report = ProgressReport.Start(Programme, 2025, TestData.Now);
        report.Adopt(new DateOnly(2026, 3, 12), TestData.Staff, Figures(58.9m, 100_000m), TestData.Today, TestData.Now);

        // Later the 2025 value is corrected and money is added: the data now says something else.
        var shown = report.FiguresToShow(Figures(60.4m, 250_000m));

        Assert.Equal(58.9m, shown.Indicators[0].ValueIn(2025));
        Assert.Equal(100_000m, shown.Money.Committed);
    }

    [Fact]
    public void FiguresToShow_OfAConcept_FollowsTheData()
    {
        var report = ProgressReport.Start(Programme, 2026, TestData.Now);

        var shown = report.FiguresToShow(Figures(60.4m, 250_000m, year: 2026));

        Assert.Equal(250_000m, shown.Money.Committed);
    }

    [Theory]
    [InlineData(2026, 11, 26, "AdoptionNotInTheFuture")]
    [InlineData(2024, 12, 31, "AdoptionAfterReportYearStarts")]
    public void Adopt_OnAnImpossibleDate_IsRefusedAndStaysAConcept(int year, int month, int day, string rule)
    {
        var report = ProgressReport.Start(Programme, 2025, TestData.Now);

        Assert.Equal(rule, TestData.Rule(() => report.Adopt(new DateOnly(year, month, day), TestData.Staff, Figures(58.9m, 1m), TestData.Today, TestData.Now)));
        Assert.Equal(ReportStatus.Concept, report.Status);
    }

    [Fact]
    public void Adopt_WithFiguresOfAnotherYear_IsRefused()
    {
        var report = ProgressReport.Start(Programme, 2025, TestData.Now);

        Assert.Equal("FiguresOfTheReportYear", TestData.Rule(() => report.Adopt(new DateOnly(2026, 3, 12), TestData.Staff, Figures(58.9m, 1m, year: 2024), TestData.Today, TestData.Now)));
    }

    private static ReportFigures Figures(decimal work2025, decimal committed, int year = 2025) => new(
        year,
        TestData.Now,
        "Westwijk Vooruit",
        "Vlaardingen",
        ["WK062203"],
        new ProcessFigures("Uitvoeren en herijken", 1, 10, 20, [new PhaseCompletion("Oriënteren", 10, 20)], 5, 3, null, "Getekend"),
        [new IndicatorFigures(
            Guid.Parse("0190a000-0000-7000-8000-0000000000f2"),
            "Netto arbeidsparticipatie",
            "Kernindicator",
            "%",
            "CBS",
            "Hoger is beter",
            new ReportYearValue(2019, 55.8m),
            new ReportYearValue(2030, 63m),
            [new ReportYearValue(2024, 58.0m), new ReportYearValue(year, work2025)],
            "Beter dan de nulmeting",
            null)],
        [],
        new MoneyFigures([new MoneyRow("Rijk", committed, 0m)], [new MoneyRow(year.ToString(System.Globalization.CultureInfo.InvariantCulture), committed, 0m)], committed, 0m, 0m),
        []);
}
