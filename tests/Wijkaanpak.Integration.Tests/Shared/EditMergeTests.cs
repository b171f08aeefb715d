using Wijkaanpak.Web.Features.Contracts;
using Wijkaanpak.Web.Features.Execution;
using Wijkaanpak.Web.Shared;

namespace Wijkaanpak.Integration.Tests.Shared;

/// <summary>The merge that "keep my input" does after a conflict: nobody's change is reverted unseen.</summary>
public sealed class EditMergeTests
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        [nameof(InterventionEditModel.Title)] = "Naam",
        [nameof(InterventionEditModel.Budget)] = "Budget",
        [nameof(InterventionEditModel.AmbitionIds)] = "Ambities",
    };

    private static readonly Guid AmbitionA = Guid.CreateVersion7();
    private static readonly Guid AmbitionB = Guid.CreateVersion7();

    [Fact]
    public void Merge_WhenTheOtherChangedAFieldYouLeft_TakesTheirsOver_AndKeepsYours()
    {
        var original = Intervention(version: 1, title: "Buurtkamer", budget: 10_000m);
        var yours = Intervention(version: 1, title: "Buurtkamer Noord", budget: 10_000m);
        var newest = Intervention(version: 2, title: "Buurtkamer", budget: 25_000m);

        var (merged, report) = EditMerge.Merge(original, yours, newest, Labels);

        Assert.Equal("Buurtkamer Noord", merged.Title);
        Assert.Equal(25_000m, merged.Budget);
        Assert.Equal(2u, merged.Version);
        var taken = Assert.Single(report.TakenOver);
        Assert.Equal(nameof(InterventionEditModel.Budget), taken.Field);
        Assert.Equal("Budget", taken.Label);
        Assert.Empty(report.BothChanged);
        Assert.Contains("Overgenomen van de ander: budget", report.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_WhenBothChangedAField_KeepsYours_AndShowsTheirs()
    {
        var original = Intervention(version: 1, title: "Buurtkamer", budget: 10_000m);
        var yours = Intervention(version: 1, title: "Buurtkamer", budget: 12_000m);
        var newest = Intervention(version: 2, title: "Buurtkamer", budget: 25_000m);

        var (merged, report) = EditMerge.Merge(original, yours, newest, Labels);

        Assert.Equal(12_000m, merged.Budget);
        var both = Assert.Single(report.BothChanged);
        Assert.Equal(("Budget", "25.000", "12.000"), (both.Label, both.Stored, both.Yours));
        Assert.Empty(report.TakenOver);
        Assert.Contains("allebei", report.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_WhenBothMadeTheSameChange_ReportsNothing()
    {
        var original = Intervention(version: 1, title: "Buurtkamer", budget: 10_000m);
        var (merged, report) = EditMerge.Merge(original, Intervention(1, "Buurtkamer", 25_000m), Intervention(2, "Buurtkamer", 25_000m), Labels);

        Assert.Equal(25_000m, merged.Budget);
        Assert.Empty(report.TakenOver);
        Assert.Empty(report.BothChanged);
    }

    [Fact]
    public void Merge_ComparesASetByContent_InAnyOrder()
    {
        var original = Intervention(1, "Buurtkamer", 10_000m, AmbitionA, AmbitionB);
        // The form's multi-select hands back a new collection in another order: not a change.
        var yours = Intervention(1, "Buurtkamer Noord", 10_000m);
        yours.AmbitionIds = new List<Guid> { AmbitionB, AmbitionA };
        var newest = Intervention(2, "Buurtkamer", 10_000m, AmbitionA);

        var (merged, report) = EditMerge.Merge(original, yours, newest, Labels);

        Assert.Equal([AmbitionA], merged.AmbitionIds);
        Assert.Equal("1 gekozen", Assert.Single(report.TakenOver).Stored);
        Assert.NotSame(newest.AmbitionIds, merged.AmbitionIds);
    }

    [Fact]
    public void Merge_TreatsAListOfRowsAsOneValue_ComparedRowByRow()
    {
        var original = Commitment(version: 1, fte: 1m, (2025, 1_000m), (2026, 2_000m));
        var yours = Commitment(version: 1, fte: 2m, (2025, 1_000m), (2026, 2_000m));
        var newest = Commitment(version: 2, fte: 1m, (2025, 1_000m), (2026, 3_000m));

        var (merged, report) = EditMerge.Merge(original, yours, newest, new Dictionary<string, string> { [nameof(CommitmentEditModel.Amounts)] = "Bedragen per jaar" });

        Assert.Equal(2m, merged.Fte);
        Assert.Equal([1_000m, 3_000m], merged.Amounts.Select(amount => amount.Euros!.Value));
        Assert.Equal("Bedragen per jaar", Assert.Single(report.TakenOver).Label);
        // The merged rows are copies: typing in the form does not change the newest state kept aside.
        merged.Amounts[0].Euros = 9m;
        Assert.Equal(1_000m, newest.Amounts[0].Euros);
    }

    [Fact]
    public void Merge_WhenYouChangedARowAndTheyChangedAnother_KeepsYourList_AndShowsTheirs()
    {
        var original = Commitment(1, 1m, (2025, 1_000m), (2026, 2_000m));
        var yours = Commitment(1, 1m, (2025, 1_500m), (2026, 2_000m));
        var newest = Commitment(2, 1m, (2025, 1_000m), (2026, 3_000m));

        var (merged, report) = EditMerge.Merge(original, yours, newest, new Dictionary<string, string> { [nameof(CommitmentEditModel.Amounts)] = "Bedragen per jaar" });

        Assert.Equal([1_500m, 2_000m], merged.Amounts.Select(amount => amount.Euros!.Value));
        Assert.Equal(nameof(CommitmentEditModel.Amounts), Assert.Single(report.BothChanged).Field);
    }

    [Fact]
    public void Merge_ATechnicalFieldWithoutLabel_IsMergedButNotListed()
    {
        var original = Intervention(1, "Buurtkamer", 10_000m);
        var newest = Intervention(2, "Buurtkamer", 10_000m);
        newest.PeriodId = Guid.CreateVersion7();

        var (merged, report) = EditMerge.Merge(original, Intervention(1, "Buurtkamer", 10_000m), newest, Labels);

        Assert.Equal(newest.PeriodId, merged.PeriodId);
        Assert.Empty(report.TakenOver);
    }

    [Fact]
    public void Baseline_MovesOnToTheNewest_SoASecondConflictComparesWithWhatTheMergeShowed()
    {
        var baseline = new EditBaseline<InterventionEditModel>();
        var yours = baseline.Start(Intervention(1, "Buurtkamer", 10_000m));
        yours.Title = "Buurtkamer Noord";
        // Typing after Start does not change the baseline.
        var first = baseline.MergeOnto(yours, Intervention(2, "Buurtkamer", 25_000m), Labels);
        Assert.Equal(("Buurtkamer Noord", 25_000m), (first.Merged.Title, first.Merged.Budget));

        var second = baseline.MergeOnto(first.Merged, Intervention(3, "Buurtkamer", 30_000m), Labels);

        Assert.Equal(("Buurtkamer Noord", 30_000m, 3u), (second.Merged.Title, second.Merged.Budget, second.Merged.Version));
        Assert.Equal(nameof(InterventionEditModel.Budget), Assert.Single(second.Report.TakenOver).Field);
    }

    [Fact]
    public void Summary_NamesEveryFieldInDutch()
    {
        var report = new EditMergeReport(
            [new FieldDifference("Budget", "Budget", "1", "2"), new FieldDifference("EndDate", "Einddatum", "a", "b")],
            [new FieldDifference("Title", "Naam", "a", "b")]);

        Assert.Equal(
            "De nieuwste stand is geladen. Overgenomen van de ander: budget en einddatum. Bij naam hebben u en de ander allebei iets veranderd: uw invoer blijft staan. Controleer de verschillen en sla opnieuw op.",
            report.Summary);
    }

    private static InterventionEditModel Intervention(uint version, string title, decimal budget, params Guid[] ambitions) => new()
    {
        Version = version,
        Title = title,
        Budget = budget,
        AmbitionIds = ambitions.ToHashSet(),
        StartDate = new DateTime(2025, 1, 1),
    };

    private static CommitmentEditModel Commitment(uint version, decimal fte, params (int Year, decimal Euros)[] amounts) => new()
    {
        Version = version,
        Fte = fte,
        Amounts = amounts.Select(amount => new YearlyAmountEditModel { Year = amount.Year, Euros = amount.Euros }).ToList(),
    };
}
