using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Integration.Tests.Infrastructure;
using Wijkaanpak.TestSupport;
using Wijkaanpak.Web.Features.Vision;
using Wijkaanpak.Web.Shared;

namespace Wijkaanpak.Integration.Tests.Vision;

/// <summary>The vision and the chain through their service, as staff and readers use them, against PostgreSQL.</summary>
public sealed class VisionServiceTests(AppClassFixture fixture) : IClassFixture<AppClassFixture>
{
    private AppFixture App => fixture.App;

    [Fact]
    public async Task AnAmbitionASubAmbitionAndAGoal_AreAddedAndReadBack_WithTheirOpgavenAndIndicators()
    {
        var world = await VisionWorld.ArrangeAsync(App);
        await using var scope = App.ScopeFor(world.Staff);
        var visions = App.ServiceFor<VisionService>(scope);

        Assert.False((await visions.GetAsync(world.Programme)).Value!.Exists);
        await OkAsync(visions.ChangeMissionAsync(world.Programme, await OpenedNowAsync(world, new MissionEditModel { Mission = "Iedereen doet mee in 2039." })));
        await OkAsync(visions.AddAmbitionAsync(world.Programme, await OpenedNowAsync(world, new AmbitionEditModel
        {
            Title = "Iedereen doet mee",
            Description = "Meer mensen aan het werk.",
            OpgaveIds = new HashSet<Guid> { world.Work },
        })));
        var parent = Assert.Single((await visions.GetAsync(world.Programme)).Value!.Ambitions);
        await OkAsync(visions.AddAmbitionAsync(world.Programme, await OpenedNowAsync(world, new AmbitionEditModel
        {
            Title = "Werk voor jongeren",
            ParentId = parent.Id,
            OpgaveIds = new HashSet<Guid> { world.Work, world.Safety },
        })));
        await OkAsync(visions.AddGoalAsync(world.Programme, await OpenedNowAsync(world, new GoalEditModel
        {
            AmbitionId = parent.Id,
            Text = "Arbeidsparticipatie naar 63% in 2030.",
            IndicatorIds = new HashSet<Guid> { world.Employment.Value },
        })));

        var view = (await visions.GetAsync(world.Programme)).Value!;
        Assert.True(view.Exists);
        Assert.True(view.CanEdit);
        Assert.Equal("Iedereen doet mee in 2039.", view.Mission);
        Assert.Equal(["Iedereen doet mee", "Werk voor jongeren"], view.Ambitions.Select(ambition => ambition.Title));
        var top = Assert.Single(view.TopLevel);
        Assert.Equal("Meer mensen aan het werk.", top.Description);
        Assert.Equal([world.Work], top.Opgaven.Select(opgave => opgave.Id));
        var goal = Assert.Single(top.Goals);
        Assert.Equal("Arbeidsparticipatie naar 63% in 2030.", goal.Text);
        Assert.Equal(["Arbeidsparticipatie"], goal.Indicators.Select(indicator => indicator.Name));
        Assert.Equal(["Arbeidsparticipatie"], top.Indicators.Select(indicator => indicator.Name));
        var sub = Assert.Single(view.SubAmbitionsOf(top.Id));
        Assert.Equal("Iedereen doet mee", sub.ParentTitle);
        Assert.Empty(sub.Goals);
        Assert.Equal(["Iedereen doet mee", "Werk voor jongeren"], view.Opgaven.Single(opgave => opgave.Id == world.Work).Ambitions.Select(ambition => ambition.Title));
        Assert.Equal(["Werk voor jongeren"], view.Opgaven.Single(opgave => opgave.Id == world.Safety).Ambitions.Select(ambition => ambition.Title));

        // A change keeps the parent and replaces the opgaven.
        var edit = AmbitionEditModel.Of(sub, view.Version);
        edit.OpgaveIds = new HashSet<Guid> { world.Safety };
        await OkAsync(visions.ChangeAmbitionAsync(world.Programme, sub.Id, edit));
        var changed = (await visions.GetAsync(world.Programme)).Value!.Ambitions.Single(ambition => ambition.Id == sub.Id);
        Assert.Equal(top.Id, changed.ParentId);
        Assert.Equal([world.Safety], changed.Opgaven.Select(opgave => opgave.Id));
    }

    [Fact]
    public async Task BadInput_IsInvalidPerField_AndNothingIsStored()
    {
        var world = await VisionWorld.ArrangeAsync(App);
        await using var scope = App.ScopeFor(world.Staff);
        var visions = App.ServiceFor<VisionService>(scope);

        var untitled = await visions.AddAmbitionAsync(world.Programme, new AmbitionEditModel { Title = "  ", Description = new string('x', 4001) });
        Assert.Equal(ResultStatus.Invalid, untitled.Status);
        Assert.Equal([nameof(AmbitionEditModel.Description), nameof(AmbitionEditModel.Title)], untitled.Errors.Keys.Order(StringComparer.Ordinal));
        var emptyGoal = await visions.AddGoalAsync(world.Programme, new GoalEditModel());
        Assert.Equal(ResultStatus.Invalid, emptyGoal.Status);
        Assert.Equal([nameof(GoalEditModel.AmbitionId), nameof(GoalEditModel.Text)], emptyGoal.Errors.Keys.Order(StringComparer.Ordinal));
        await using (var db = App.Database.CreateContext())
        {
            Assert.False(await db.Visions.AnyAsync(vision => vision.ProgrammeId == world.Programme));
        }

        await OkAsync(visions.AddAmbitionAsync(world.Programme, new AmbitionEditModel { Title = "Veilig wonen" }));
        var parent = Assert.Single((await visions.GetAsync(world.Programme)).Value!.Ambitions);
        await OkAsync(visions.AddAmbitionAsync(world.Programme, await OpenedNowAsync(world, new AmbitionEditModel { Title = "Verlichting", ParentId = parent.Id })));
        var sub = (await visions.GetAsync(world.Programme)).Value!.Ambitions.Single(ambition => ambition.ParentId == parent.Id);

        // Rules of the model and links outside the programme land next to their fields, too.
        var tooDeep = await visions.AddAmbitionAsync(world.Programme, await OpenedNowAsync(world, new AmbitionEditModel { Title = "Te diep", ParentId = sub.Id }));
        Assert.Equal(ResultStatus.Invalid, tooDeep.Status);
        Assert.Contains("niet onder een andere subambitie", Assert.Single(tooDeep.Errors[nameof(AmbitionEditModel.ParentId)]), StringComparison.Ordinal);
        var foreignOpgave = await visions.AddAmbitionAsync(world.Programme, await OpenedNowAsync(world, new AmbitionEditModel { Title = "Elders", OpgaveIds = new HashSet<Guid> { Guid.NewGuid() } }));
        Assert.Equal(ResultStatus.Invalid, foreignOpgave.Status);
        Assert.Contains(nameof(AmbitionEditModel.OpgaveIds), foreignOpgave.Errors.Keys);
        var foreignIndicator = await visions.AddGoalAsync(world.Programme, await OpenedNowAsync(world, new GoalEditModel { AmbitionId = parent.Id, Text = "Doel", IndicatorIds = new HashSet<Guid> { Guid.NewGuid() } }));
        Assert.Equal(ResultStatus.Invalid, foreignIndicator.Status);
        Assert.Contains(nameof(GoalEditModel.IndicatorIds), foreignIndicator.Errors.Keys);
        var goneAmbition = await visions.ChangeAmbitionAsync(world.Programme, Guid.NewGuid(), await OpenedNowAsync(world, new AmbitionEditModel { Title = "Weg" }));
        Assert.Equal(ResultStatus.RuleBroken, goneAmbition.Status);

        var view = (await visions.GetAsync(world.Programme)).Value!;
        Assert.Equal(["Veilig wonen", "Verlichting"], view.Ambitions.Select(ambition => ambition.Title));
        Assert.All(view.Ambitions, ambition => Assert.Empty(ambition.Goals));
    }

    [Fact]
    public async Task ASaveFromAStaleScreen_IsAConflict_AndTheFirstSaveStands()
    {
        var world = await VisionWorld.ArrangeAsync(App);
        var colleague = await App.CreateUserAsync(Role.Programmabureau, null, world.Programme);
        await using var first = App.ScopeFor(world.Staff);
        await using var second = App.ScopeFor(colleague);
        var mine = App.ServiceFor<VisionService>(first);
        var theirs = App.ServiceFor<VisionService>(second);
        await OkAsync(mine.AddAmbitionAsync(world.Programme, new AmbitionEditModel { Title = "Iedereen doet mee" }));

        var openedByTheColleague = await OpenedNowAsync(world, new AmbitionEditModel { Title = "Kansrijk opgroeien" });
        await OkAsync(mine.ChangeMissionAsync(world.Programme, await OpenedNowAsync(world, new MissionEditModel { Mission = "Een wijk waar iedereen meedoet." })));
        var stale = await theirs.AddAmbitionAsync(world.Programme, openedByTheColleague);

        Assert.Equal(ResultStatus.Conflict, stale.Status);
        Assert.Contains("intussen gewijzigd", stale.Message, StringComparison.Ordinal);
        var view = (await theirs.GetAsync(world.Programme)).Value!;
        Assert.Equal(["Iedereen doet mee"], view.Ambitions.Select(ambition => ambition.Title));
        Assert.Equal("Een wijk waar iedereen meedoet.", view.Mission);

        // Reloaded onto the newest version, the same input saves.
        openedByTheColleague.Version = view.Version;
        await OkAsync(theirs.AddAmbitionAsync(world.Programme, openedByTheColleague));
    }

    [Fact]
    public async Task TwoFirstChangesAtOnce_WriteOneVision_AndTheOtherIsAConflict()
    {
        var world = await VisionWorld.ArrangeAsync(App);
        var colleague = await App.CreateUserAsync(Role.Programmabureau, null, world.Programme);
        await using var first = App.ScopeFor(world.Staff);
        await using var second = App.ScopeFor(colleague);

        // Both screens were opened before the programme had a vision (version 0).
        var results = await Task.WhenAll(
            App.ServiceFor<VisionService>(first).AddAmbitionAsync(world.Programme, new AmbitionEditModel { Title = "Iedereen doet mee" }),
            App.ServiceFor<VisionService>(second).ChangeMissionAsync(world.Programme, new MissionEditModel { Mission = "Samen sterker." }));

        Assert.Equal([ResultStatus.Ok, ResultStatus.Conflict], results.Select(result => result.Status).Order());
        await using var db = App.Database.CreateContext();
        Assert.Single(await db.Visions.AsNoTracking().Where(vision => vision.ProgrammeId == world.Programme).ToListAsync());
    }

    [Theory]
    [InlineData(Role.Alliantiepartner)]
    [InlineData(Role.Raadslid)]
    public async Task PartnersAndCouncillors_ReadTheVision_ButEveryChangeIsForbidden(Role role)
    {
        var world = await VisionWorld.ArrangeAsync(App);
        await using (var staff = App.ScopeFor(world.Staff))
        {
            await OkAsync(App.ServiceFor<VisionService>(staff).AddAmbitionAsync(world.Programme, new AmbitionEditModel { Title = "Iedereen doet mee" }));
        }

        var reader = await App.CreateUserAsync(role, null, world.Programme);
        await using var scope = App.ScopeFor(reader);
        var visions = App.ServiceFor<VisionService>(scope);
        var opgaven = App.ServiceFor<OpgaveService>(scope);
        var view = (await visions.GetAsync(world.Programme)).Value!;
        Assert.False(view.CanEdit);
        var ambition = Assert.Single(view.Ambitions);
        Assert.False((await opgaven.GetAsync(world.Programme)).Value!.CanEdit);

        var changes = new[]
        {
            await visions.ChangeMissionAsync(world.Programme, new MissionEditModel { Version = view.Version, Mission = "Anders." }),
            await visions.AddAmbitionAsync(world.Programme, new AmbitionEditModel { Version = view.Version, Title = "Nog een" }),
            await visions.ChangeAmbitionAsync(world.Programme, ambition.Id, AmbitionEditModel.Of(ambition, view.Version)),
            await visions.AddGoalAsync(world.Programme, new GoalEditModel { Version = view.Version, AmbitionId = ambition.Id, Text = "Doel" }),
            await opgaven.AddAsync(world.Programme, new OpgaveEditModel { Domain = Domain.Vision.OpgaveDomain.Wonen, Title = "Scheefwonen" }),
            await opgaven.AddStoryAsync(world.Programme, world.Work, new StoryEditModel
            {
                Teller = "bewoner", ToldOn = new DateTime(2024, 1, 1), Method = Domain.Vision.StoryMethod.Interview, Text = "Verhaal.",
            }),
        };

        Assert.All(changes, result => Assert.Equal(ResultStatus.Forbidden, result.Status));
        await using var db = App.Database.CreateContext();
        var stored = await db.Visions.AsNoTracking().SingleAsync(vision => vision.ProgrammeId == world.Programme);
        Assert.Equal(view.Version, stored.Version);
        Assert.Equal(2, await db.Opgaven.CountAsync(opgave => opgave.ProgrammeId == world.Programme));
    }

    [Fact]
    public async Task TheChain_NamesPerInterventionItsAmbitionsMoneyAndIndicators_AndPerIndicatorTheInterventionsAimingAtIt()
    {
        var world = await VisionWorld.ArrangeAsync(App);
        await using var scope = App.ScopeFor(world.Staff);
        var visions = App.ServiceFor<VisionService>(scope);
        await OkAsync(visions.AddAmbitionAsync(world.Programme, new AmbitionEditModel { Title = "Iedereen doet mee", OpgaveIds = new HashSet<Guid> { world.Work } }));
        await OkAsync(visions.AddAmbitionAsync(world.Programme, await OpenedNowAsync(world, new AmbitionEditModel { Title = "Veilig wonen", OpgaveIds = new HashSet<Guid> { world.Safety } })));
        var ambitions = (await visions.GetAsync(world.Programme)).Value!.Ambitions.ToDictionary(ambition => ambition.Title, ambition => ambition.Id);
        var jobs = await world.PlanInterventionAsync(App, "Banenmarkt", [ambitions["Iedereen doet mee"]], [world.Employment], (45_000m, 45_000m), (22_500m, 15_000m));
        var pilot = await world.PlanInterventionAsync(App, "Schuldenpilot", [ambitions["Iedereen doet mee"], ambitions["Veilig wonen"]], [world.Employment, world.Burglaries], (120_000m, 30_000m));

        var chain = (await visions.GetChainAsync(world.Programme)).Value!;

        var jobsChain = chain.Intervention(jobs)!;
        Assert.Equal("Banenmarkt", jobsChain.Title);
        var served = Assert.Single(jobsChain.Ambitions);
        Assert.Equal("Iedereen doet mee", served.Title);
        Assert.Equal(["Weinig werk"], served.Opgaven.Select(opgave => opgave.Title));
        Assert.Equal(67_500m, jobsChain.Money.Committed);
        Assert.Equal(60_000m, jobsChain.Money.Spent);
        Assert.Equal(["Arbeidsparticipatie"], jobsChain.Indicators.Select(indicator => indicator.Name));
        Assert.Equal(["Iedereen doet mee", "Veilig wonen"], chain.Intervention(pilot)!.Ambitions.Select(ambition => ambition.Title));

        Assert.Equal(["Banenmarkt", "Schuldenpilot"], chain.Indicator(world.Employment.Value)!.Interventions.Select(intervention => intervention.Title).Order(StringComparer.Ordinal));
        Assert.Equal(["Schuldenpilot"], chain.Indicator(world.Burglaries.Value)!.Interventions.Select(intervention => intervention.Title));

        // On the vision page the pilot's money is split over the two ambitions it serves.
        var view = (await visions.GetAsync(world.Programme)).Value!;
        var meedoen = view.Ambitions.Single(ambition => ambition.Title == "Iedereen doet mee");
        Assert.Equal(67_500m + 60_000m, meedoen.Money.Committed);
        Assert.Equal(60_000m + 15_000m, meedoen.Money.Spent);
        Assert.Equal(["Banenmarkt", "Schuldenpilot"], meedoen.Interventions.Select(intervention => intervention.Title).Order(StringComparer.Ordinal));
        var veilig = view.Ambitions.Single(ambition => ambition.Title == "Veilig wonen");
        Assert.Equal(60_000m, veilig.Money.Committed);
        Assert.Equal(["Arbeidsparticipatie", "Woninginbraken"], veilig.Indicators.Select(indicator => indicator.Name));
    }

    private static async Task OkAsync(Task<Result> save)
    {
        var result = await save;
        Assert.True(result.IsOk, result.Message ?? string.Join(" ", result.Errors.SelectMany(error => error.Value)));
    }

    /// <summary>The form as a user opens it now: on the vision's current row version (0 while there is none).</summary>
    private async Task<TModel> OpenedNowAsync<TModel>(VisionWorld world, TModel model)
        where TModel : IVisionEdit
    {
        await using var db = App.Database.CreateContext();
        model.Version = await db.Visions.AsNoTracking().Where(vision => vision.ProgrammeId == world.Programme).Select(vision => vision.Version).SingleOrDefaultAsync();
        return model;
    }
}
