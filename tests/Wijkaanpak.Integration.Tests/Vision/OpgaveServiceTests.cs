using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Vision;
using Wijkaanpak.Integration.Tests.Infrastructure;
using Wijkaanpak.TestSupport;
using Wijkaanpak.Web.Features.Vision;
using Wijkaanpak.Web.Shared;

namespace Wijkaanpak.Integration.Tests.Vision;

/// <summary>The opgaven with their figures and stories through their service, against PostgreSQL.</summary>
public sealed class OpgaveServiceTests(AppClassFixture fixture) : IClassFixture<AppClassFixture>
{
    private AppFixture App => fixture.App;

    [Fact]
    public async Task AnOpgave_ShowsTheLatestFigureOfItsIndicatorWithTheTrend_AndItsStoriesOldestFirst()
    {
        var world = await VisionWorld.ArrangeAsync(App);
        await using var scope = App.ScopeFor(world.Staff);
        var opgaven = App.ServiceFor<OpgaveService>(scope);

        var added = await opgaven.AddAsync(world.Programme, new OpgaveEditModel
        {
            Domain = OpgaveDomain.Armoede,
            Title = "Schulden",
            Description = "Veel huishoudens met betalingsachterstanden.",
            IndicatorIds = new HashSet<Guid> { world.Employment.Value, world.Burglaries.Value },
        });
        Assert.True(added.IsOk, added.Message);
        var opgave = (await opgaven.GetAsync(world.Programme)).Value!.Opgaven.Single(candidate => candidate.Title == "Schulden");
        Assert.True((await opgaven.AddStoryAsync(world.Programme, opgave.Id, Story(opgave.Version, "wijkagent", new DateTime(2024, 5, 3)))).IsOk);
        opgave = (await opgaven.GetAsync(world.Programme)).Value!.Opgaven.Single(candidate => candidate.Id == opgave.Id);
        Assert.True((await opgaven.AddStoryAsync(world.Programme, opgave.Id, Story(opgave.Version, "bewoner, moeder van drie", new DateTime(2019, 6, 12)))).IsOk);

        var view = (await opgaven.GetAsync(world.Programme)).Value!;
        Assert.True(view.CanEdit);
        Assert.Equal([OpgaveDomain.Armoede, OpgaveDomain.Werk, OpgaveDomain.Veiligheid], view.Opgaven.Select(candidate => candidate.Domain));
        var stored = view.Opgaven[0];
        Assert.Equal("Veel huishoudens met betalingsachterstanden.", stored.Description);
        var employment = stored.Indicators.Single(indicator => indicator.Id == world.Employment.Value);
        Assert.Equal(new YearValue(2024, 58.5m), employment.Latest);
        Assert.Equal(IndicatorTrend.Improving, employment.Trend);
        var burglaries = stored.Indicators.Single(indicator => indicator.Id == world.Burglaries.Value);
        Assert.Null(burglaries.Latest);
        Assert.Equal(IndicatorTrend.Unknown, burglaries.Trend);
        Assert.Equal(["bewoner, moeder van drie", "wijkagent"], stored.Stories.Select(story => story.Teller));
        Assert.Equal("Werk is er, maar de opvang niet.", stored.Stories[0].Text);
        Assert.Equal(StoryMethod.Straatgesprek, stored.Stories[0].Method);
    }

    [Fact]
    public async Task BadInput_IsInvalidPerField_AndAStaleStoryIsAConflict()
    {
        var world = await VisionWorld.ArrangeAsync(App);
        await using var scope = App.ScopeFor(world.Staff);
        var opgaven = App.ServiceFor<OpgaveService>(scope);

        var empty = await opgaven.AddAsync(world.Programme, new OpgaveEditModel());
        Assert.Equal(ResultStatus.Invalid, empty.Status);
        Assert.Equal([nameof(OpgaveEditModel.Domain), nameof(OpgaveEditModel.Title)], empty.Errors.Keys.Order(StringComparer.Ordinal));
        var foreign = await opgaven.AddAsync(world.Programme, new OpgaveEditModel { Domain = OpgaveDomain.Wonen, Title = "Wonen", IndicatorIds = new HashSet<Guid> { Guid.NewGuid() } });
        Assert.Contains(nameof(OpgaveEditModel.IndicatorIds), foreign.Errors.Keys);
        var noStory = await opgaven.AddStoryAsync(world.Programme, world.Work, new StoryEditModel { ToldOn = DateTime.Today.AddDays(2) });
        Assert.Equal(
            [nameof(StoryEditModel.Method), nameof(StoryEditModel.Teller), nameof(StoryEditModel.Text), nameof(StoryEditModel.ToldOn)],
            noStory.Errors.Keys.Order(StringComparer.Ordinal));

        var work = (await opgaven.GetAsync(world.Programme)).Value!.Opgaven.Single(opgave => opgave.Id == world.Work);
        var change = OpgaveEditModel.Of(work);
        change.Title = "Weinig werk, veel schulden";
        Assert.True((await opgaven.ChangeAsync(world.Programme, world.Work, change)).IsOk);
        var stale = await opgaven.AddStoryAsync(world.Programme, world.Work, Story(work.Version, "wijkagent", new DateTime(2024, 1, 1)));
        Assert.Equal(ResultStatus.Conflict, stale.Status);
        // Only the linked indicators differ: a change to the JSON column alone is refused just the same.
        var onlyIndicators = OpgaveEditModel.Of(work);
        onlyIndicators.IndicatorIds = new HashSet<Guid> { world.Burglaries.Value };
        Assert.Equal(ResultStatus.Conflict, (await opgaven.ChangeAsync(world.Programme, world.Work, onlyIndicators)).Status);

        await using var db = App.Database.CreateContext();
        var stored = await db.Opgaven.AsNoTracking().Where(opgave => opgave.ProgrammeId == world.Programme).ToListAsync();
        Assert.Equal(2, stored.Count);
        var storedWork = stored.Single(opgave => opgave.Id == world.Work);
        Assert.Equal("Weinig werk, veel schulden", storedWork.Title);
        Assert.Empty(storedWork.Stories);
        Assert.Equal([world.Employment.Value], storedWork.IndicatorIds);
    }

    [Fact]
    public async Task AnOpgaveOfAnotherProgramme_IsNotFound()
    {
        var world = await VisionWorld.ArrangeAsync(App);
        var other = await VisionWorld.ArrangeAsync(App);
        await using var scope = App.ScopeFor(world.Staff);
        var result = await App.ServiceFor<OpgaveService>(scope).ChangeAsync(world.Programme, other.Work, new OpgaveEditModel { Domain = OpgaveDomain.Werk, Title = "Overgenomen" });
        Assert.Equal(ResultStatus.NotFound, result.Status);
    }

    private static StoryEditModel Story(uint version, string teller, DateTime toldOn) => new()
    {
        Version = version,
        Teller = teller,
        ToldOn = toldOn,
        Method = teller == "wijkagent" ? StoryMethod.Interview : StoryMethod.Straatgesprek,
        Text = teller == "wijkagent" ? "Donkere achterpaden trekken inbrekers aan." : "Werk is er, maar de opvang niet.",
        Interpretation = "Werk loont pas als de opvang meebeweegt.",
    };
}
