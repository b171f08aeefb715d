using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Decisions;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Integration.Tests.Infrastructure;
using Wijkaanpak.TestSupport;
using Wijkaanpak.Web.Features.Decisions;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Integration.Tests.Decisions;

public sealed class DecisionServiceTests(AppClassFixture fixture) : IClassFixture<AppClassFixture>
{
    private AppFixture App => fixture.App;

    [Fact]
    public async Task Go_WithIncompleteOrienteren_NeedsAReason_ThenMovesToOpstartenAndIsLogged()
    {
        var (programme, staff, _, _) = await ArrangeAsync();
        await using var scope = App.ScopeFor(staff);
        var decisions = App.ServiceFor<DecisionService>(scope);

        var withoutReason = await decisions.RecordGoNoGoAsync(programme, await OpenedNowAsync(programme, Go()));
        Assert.Equal(ResultStatus.RuleBroken, withoutReason.Status);

        var model = Go();
        model.IncompleteChecklistsReason = "De raad wil voor de zomer starten; de stakeholderinventarisatie loopt door.";
        Assert.True((await decisions.RecordGoNoGoAsync(programme, await OpenedNowAsync(programme, model))).IsOk);

        var log = (await decisions.GetLogAsync(programme)).Value!;
        Assert.Equal(Phase.Opstarten, log.CurrentPhase);
        Assert.Equal([DecisionKind.GoNoGo, DecisionKind.PhaseChange], log.Decisions.Select(decision => decision.Kind).Order());
        var goNoGo = log.Decisions.Single(decision => decision.Kind == DecisionKind.GoNoGo).GoNoGo!;
        Assert.Equal(GoNoGoOutcome.Go, goNoGo.Outcome);
        Assert.Equal(0, goNoGo.OrienterenCompletion.Answered);
        Assert.True(goNoGo.OrienterenCompletion.Total > 0);
        Assert.Equal(model.IncompleteChecklistsReason, goNoGo.IncompleteChecklistsReason);
        Assert.Equal(ResultStatus.RuleBroken, (await decisions.RecordGoNoGoAsync(programme, await OpenedNowAsync(programme, model))).Status);
    }

    [Fact]
    public async Task NoGo_NeedsAlternativesAndAWatchArrangement_AndEndsTheApproach()
    {
        var (programme, staff, _, _) = await ArrangeAsync();
        await using var scope = App.ScopeFor(staff);
        var decisions = App.ServiceFor<DecisionService>(scope);
        var noGo = new GoNoGoEditModel
        {
            Outcome = GoNoGoOutcome.NoGo,
            DecidedOn = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Unspecified),
            DecidedBy = "College van B en W",
            Rationale = "De opgaven zijn te beperkt voor een integrale aanpak.",
        };

        var incomplete = await decisions.RecordGoNoGoAsync(programme, await OpenedNowAsync(programme, noGo));
        Assert.Equal(ResultStatus.Invalid, incomplete.Status);
        Assert.Contains(nameof(GoNoGoEditModel.AlternativeMeasures), incomplete.Errors.Keys);
        Assert.Contains(nameof(GoNoGoEditModel.WatchArrangement), incomplete.Errors.Keys);

        noGo.AlternativeMeasures = new HashSet<AlternativeMeasures> { AlternativeMeasures.StrengthenAreaBasedWork, AlternativeMeasures.IntensifySocialManagement };
        noGo.WatchArrangement = "Jaarlijkse wijkscan met bewoners en de wijkagent.";
        Assert.True((await decisions.RecordGoNoGoAsync(programme, await OpenedNowAsync(programme, noGo))).IsOk);

        var log = (await decisions.GetLogAsync(programme)).Value!;
        Assert.Equal(ProgrammeStatus.Ended, log.Status);
        var moved = await decisions.MovePhaseAsync(programme, await OpenedNowAsync(programme, new PhaseMoveEditModel
        {
            To = Phase.Opstarten,
            Reason = "Toch starten",
            DecidedOn = new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Unspecified),
            DecidedBy = "College",
        }));
        Assert.Equal(ResultStatus.RuleBroken, moved.Status);
    }

    [Fact]
    public async Task MovingOutOfOrienteren_WithoutAGo_IsRefusedWithTheRule()
    {
        var (programme, staff, _, _) = await ArrangeAsync();
        await using var scope = App.ScopeFor(staff);

        var result = await App.ServiceFor<DecisionService>(scope).MovePhaseAsync(programme, new PhaseMoveEditModel
        {
            To = Phase.Ontwerpen,
            Reason = "Haast",
            DecidedOn = new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Unspecified),
            DecidedBy = "Programmabureau",
        });

        Assert.Equal(ResultStatus.RuleBroken, result.Status);
        Assert.Contains("na een go-besluit", result.Message, StringComparison.Ordinal);
        await using var db = App.Database.CreateContext();
        Assert.Equal(Phase.Orienteren, (await db.Programmes.AsNoTracking().SingleAsync(row => row.Id == programme)).CurrentPhase);
        Assert.False(await db.Decisions.AnyAsync(decision => decision.ProgrammeId == programme));
    }

    [Fact]
    public async Task APhaseMove_DatedBeforeThePreviousMove_IsRefusedNextToTheDate_AndNothingIsStored()
    {
        var (programme, staff, _, _) = await ArrangeAsync();
        await using var scope = App.ScopeFor(staff);
        var decisions = App.ServiceFor<DecisionService>(scope);
        var go = Go();
        go.IncompleteChecklistsReason = "De raad wil voor de zomer starten.";
        Assert.True((await decisions.RecordGoNoGoAsync(programme, await OpenedNowAsync(programme, go))).IsOk);

        var backdated = await decisions.MovePhaseAsync(programme, await OpenedNowAsync(programme, new PhaseMoveEditModel
        {
            To = Phase.Ontwerpen,
            Reason = "Alliantie en visie staan.",
            DecidedOn = go.DecidedOn!.Value.AddDays(-1),
            DecidedBy = "Alliantiebestuur",
        }));

        Assert.Equal(ResultStatus.Invalid, backdated.Status);
        Assert.Equal(["De datum van het besluit kan niet vóór de vorige faseovergang (1-11-2026) liggen."], backdated.Errors[nameof(PhaseMoveEditModel.DecidedOn)]);
        Assert.Equal(Phase.Opstarten, (await decisions.GetLogAsync(programme)).Value!.CurrentPhase);
    }

    [Fact]
    public async Task APartner_WeighsForTheirOwnOrganisation_AndNeverForAnother()
    {
        var (programme, _, partner, otherOrganisation) = await ArrangeAsync();
        await using var scope = App.ScopeFor(partner);
        var decisions = App.ServiceFor<DecisionService>(scope);

        var own = Weighing(partner.OrganisationId!.Value);
        var foreign = Weighing(otherOrganisation.Value);

        Assert.True((await decisions.RecordWeighingAsync(programme, await OpenedNowAsync(programme, own))).IsOk);
        Assert.Equal(ResultStatus.Forbidden, (await decisions.RecordWeighingAsync(programme, await OpenedNowAsync(programme, foreign))).Status);
        var gate = (await decisions.GetGateAsync(programme)).Value!;
        var weighing = Assert.Single(gate.Weighings);
        Assert.Equal(partner.OrganisationId, weighing.OrganisationId);
        Assert.Equal(AnswerStatus.Deels, weighing.Answers[GoNoGoQuestion.EnoughCapacity].Answer);
        Assert.Equal(partner.DisplayName, weighing.RecordedBy);
    }

    [Fact]
    public async Task ACorrection_SupersedesTheGoDecision_AndKeepsTheOriginalInTheLog()
    {
        var (programme, staff, _, _) = await ArrangeAsync();
        await using var scope = App.ScopeFor(staff);
        var decisions = App.ServiceFor<DecisionService>(scope);
        var go = Go();
        go.IncompleteChecklistsReason = "Start voor de zomer.";
        go.StartOpstarten = false;
        Assert.True((await decisions.RecordGoNoGoAsync(programme, await OpenedNowAsync(programme, go))).IsOk);

        var noReason = Go();
        noReason.IncompleteChecklistsReason = "Start voor de zomer.";
        Assert.Equal(ResultStatus.Invalid, (await decisions.CorrectGoNoGoAsync(programme, await OpenedNowAsync(programme, noReason))).Status);

        var corrected = new GoNoGoEditModel
        {
            Outcome = GoNoGoOutcome.NoGo,
            DecidedOn = new DateTime(2026, 11, 10, 0, 0, 0, DateTimeKind.Unspecified),
            DecidedBy = "College van B en W",
            Rationale = "De corporatie trekt zich terug; het draagvlak ontbreekt.",
            AlternativeMeasures = new HashSet<AlternativeMeasures> { AlternativeMeasures.CommunityBuilding },
            WatchArrangement = "Halfjaarlijkse wijkschouw.",
            CorrectionReason = "Het eerdere besluit ging uit van een toezegging die is ingetrokken.",
        };
        Assert.True((await decisions.CorrectGoNoGoAsync(programme, await OpenedNowAsync(programme, corrected))).IsOk);

        var log = (await decisions.GetLogAsync(programme)).Value!;
        var original = Assert.Single(log.Decisions, decision => decision.IsSuperseded);
        var correction = Assert.Single(log.Decisions, decision => decision.SupersedesId == original.Id);
        Assert.Equal(GoNoGoOutcome.Go, original.GoNoGo!.Outcome);
        Assert.Equal(GoNoGoOutcome.NoGo, correction.GoNoGo!.Outcome);
        Assert.Equal(corrected.CorrectionReason, correction.CorrectionReason);
        Assert.Equal(ProgrammeStatus.Ended, log.Status);
    }

    [Fact]
    public async Task AHerijking_StartsTheNextCycle_ReopensTheChosenBlocks_AndLinksTheDecisionItRevisits()
    {
        var (programme, staff, _, _) = await ArrangeAsync();
        await using var scope = App.ScopeFor(staff);
        var decisions = App.ServiceFor<DecisionService>(scope);
        var go = Go();
        go.IncompleteChecklistsReason = "Start voor de zomer.";
        Assert.True((await decisions.RecordGoNoGoAsync(programme, await OpenedNowAsync(programme, go))).IsOk);
        foreach (var phase in new[] { Phase.Ontwerpen, Phase.UitvoerenEnHerijken })
        {
            Assert.True((await decisions.MovePhaseAsync(programme, await OpenedNowAsync(programme, new PhaseMoveEditModel
            {
                To = phase,
                Reason = "Volgende stap",
                DecidedOn = new DateTime(2026, 11, 12, 0, 0, 0, DateTimeKind.Unspecified),
                DecidedBy = "Alliantiebestuur",
            }))).IsOk);
        }

        var goDecision = (await decisions.GetLogAsync(programme)).Value!.Decisions.Single(decision => decision.Kind == DecisionKind.GoNoGo);
        var result = await decisions.StartHerijkingAsync(programme, await OpenedNowAsync(programme, new HerijkingEditModel
        {
            Reason = "Na drie jaar: de opgaven zijn verschoven naar armoede en schulden.",
            ReopenedBuildingBlockCodes = new HashSet<string> { "5.2", "6.3" },
            DecidedOn = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Unspecified),
            DecidedBy = "Alliantiebestuur",
            RevisitsDecisionId = goDecision.Id.Value,
        }));

        Assert.True(result.IsOk, result.Message);
        await using var db = App.Database.CreateContext();
        var stored = await db.Programmes.AsNoTracking().SingleAsync(row => row.Id == programme);
        Assert.Equal(2, stored.Cycle);
        Assert.Equal(Phase.Opstarten, stored.CurrentPhase);
        var herijking = Assert.Single(stored.Herijkingen);
        Assert.Equal(["5.2", "6.3"], herijking.ReopenedBuildingBlockCodes.Order());
        Assert.Equal(goDecision.Id, herijking.RevisitedDecisionId);
        var logged = (await decisions.GetLogAsync(programme)).Value!.Decisions.Single(decision => decision.Kind == DecisionKind.Herijking);
        Assert.Equal(herijking.DecisionId, logged.Id);
        Assert.Equal(["5.2", "6.3"], logged.BuildingBlockCodes.Order());
    }

    /// <summary>The form as a user opens it now: on the programme's current row version.</summary>
    private async Task<TModel> OpenedNowAsync<TModel>(ProgrammeId programme, TModel model)
        where TModel : IProgrammeEdit
    {
        await using var db = App.Database.CreateContext();
        model.ProgrammeVersion = (await db.Programmes.AsNoTracking().SingleAsync(row => row.Id == programme)).Version;
        return model;
    }

    [Fact]
    public async Task ASaveFromAStaleScreen_IsAConflict_AndTheFirstSaveStands()
    {
        var (programme, staff, partner, police) = await ArrangeAsync();
        var colleague = await App.CreateUserAsync(Role.Programmabureau, null, programme);
        var opened = await OpenedNowAsync(programme, Weighing(police.Value));

        await using (var first = App.ScopeFor(staff))
        {
            Assert.True((await App.ServiceFor<DecisionService>(first).RecordWeighingAsync(programme, await OpenedNowAsync(programme, Weighing(partner.OrganisationId!.Value)))).IsOk);
        }

        await using var second = App.ScopeFor(colleague);
        var decisions = App.ServiceFor<DecisionService>(second);
        var result = await decisions.RecordWeighingAsync(programme, opened);

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Contains("intussen gewijzigd", result.Message, StringComparison.Ordinal);
        var gate = (await decisions.GetGateAsync(programme)).Value!;
        Assert.Equal(partner.OrganisationId, Assert.Single(gate.Weighings).OrganisationId);

        // Reloaded onto the newest version, the same input saves.
        opened.ProgrammeVersion = gate.ProgrammeVersion;
        Assert.True((await decisions.RecordWeighingAsync(programme, opened)).IsOk);
    }

    private static GoNoGoEditModel Go() => new()
    {
        Outcome = GoNoGoOutcome.Go,
        DecidedOn = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Unspecified),
        DecidedBy = "College van B en W met de kernpartners",
        Rationale = "De urgentie is meervoudig en de partijen willen zich voor lange tijd verbinden.",
        NextSteps = "Alliantie formeren, kwartiermaker aanstellen.",
    };

    private static WeighingEditModel Weighing(Guid organisation)
    {
        var model = new WeighingEditModel { OrganisationId = organisation };
        foreach (var consideration in model.Considerations)
        {
            consideration.Value.Answer = consideration.Key == GoNoGoQuestion.EnoughCapacity ? AnswerStatus.Deels : AnswerStatus.Ja;
        }

        return model;
    }

    private async Task<(ProgrammeId Programme, CurrentUser Staff, CurrentUser Partner, OrganisationId OtherOrganisation)> ArrangeAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var programme = Programme.Create(new ProgrammeDetails("Gate", "Tiel", ["WK028101"], UrgencyKind.Meervoudig, new DateOnly(2026, 1, 1), 15, null), now);
        var corporation = Organisation.Create($"Corporatie {Guid.NewGuid():N}", OrganisationType.Woningcorporatie, now);
        var police = Organisation.Create($"Politie {Guid.NewGuid():N}", OrganisationType.Politie, now);
        await using (var db = App.Database.CreateContext())
        {
            db.AddRange(programme, corporation, police);
            await db.SaveChangesAsync();
        }

        var staff = await App.CreateUserAsync(Role.Programmabureau, null, programme.Id);
        var partner = await App.CreateUserAsync(Role.Alliantiepartner, corporation.Id.Value, programme.Id);
        return (programme.Id, staff, partner, police.Id);
    }
}
