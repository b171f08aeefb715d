using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkaanpak.Data.Seeding;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Alliances;
using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.TestSupport;
using Wijkaanpak.Web.Features.Alliance;
using Wijkaanpak.Web.Features.Checklists;
using Wijkaanpak.Web.Features.Contracts;
using Wijkaanpak.Web.Features.Dashboards;
using Wijkaanpak.Web.Features.Decisions;
using Wijkaanpak.Web.Features.Execution;
using Wijkaanpak.Web.Features.History;
using Wijkaanpak.Web.Features.Monitoring;
using Wijkaanpak.Web.Features.Monitoring.Import;
using Wijkaanpak.Web.Features.Organisations;
using Wijkaanpak.Web.Features.Privacy;
using Wijkaanpak.Web.Features.Programmes;
using Wijkaanpak.Web.Features.Reports;
using Wijkaanpak.Web.Features.Users;
using Wijkaanpak.Web.Features.Vision;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Integration.Tests.Infrastructure;

/// <summary>Who acts in the matrix: no one, each role as a member of programme P, and staff of another programme.</summary>
public enum Actor
{
    Anonymous,
    Beheerder,
    Programmabureau,
    Alliantiepartner,
    Raadslid,
    StaffOfAnotherProgramme,
}

/// <summary>
/// Every service operation of every feature, called by every kind of user: exactly the access of the
/// role × capability matrix plus membership, checked on the server. An operation that is missing
/// from the table below fails <see cref="EveryServiceOperation_IsInTheMatrix"/>.
/// </summary>
public sealed class AuthorizationMatrixTests(AppClassFixture fixture) : IClassFixture<AppClassFixture>
{
    private static readonly Actor[] Everyone = Enum.GetValues<Actor>();
    private static readonly Actor[] MembersOfP = [Actor.Beheerder, Actor.Programmabureau, Actor.Alliantiepartner, Actor.Raadslid];
    private static readonly Actor[] SignedIn = Everyone.Except([Actor.Anonymous]).ToArray();
    private static readonly Actor[] StaffOfP = [Actor.Programmabureau];
    private static readonly Actor[] Creators = [Actor.Programmabureau, Actor.StaffOfAnotherProgramme];
    private static readonly Actor[] HistoryReaders = [Actor.Beheerder, Actor.Programmabureau];
    private static readonly Actor[] Administrators = [Actor.Beheerder];

    /// <summary>Operation → who may perform it, and how to call it against programme P (the call reports "allowed").</summary>
    private static readonly Dictionary<string, (Actor[] Allowed, Func<IServiceProvider, World, Task<bool>> Call)> Operations = new()
    {
        ["ProgrammeService.ListAsync"] = (MembersOfP, async (services, world) =>
            (await services.GetRequiredService<ProgrammeService>().ListAsync()).Any(programme => programme.Id == world.Programme)),
        ["ProgrammeService.GetOverviewAsync"] = (MembersOfP, (services, world) =>
            Allowed(services.GetRequiredService<ProgrammeService>().GetOverviewAsync(world.Programme))),
        ["ProgrammeService.GetForEditAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<ProgrammeService>().GetForEditAsync(world.Programme))),
        ["ProgrammeService.CreateAsync"] = (Creators, (services, _) =>
            Allowed(services.GetRequiredService<ProgrammeService>().CreateAsync(new ProgrammeEditModel()))),
        ["ProgrammeService.UpdateAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<ProgrammeService>().UpdateAsync(world.Programme, new ProgrammeEditModel()))),
        ["DashboardService.GetDashboardAsync"] = (MembersOfP, (services, world) =>
            Allowed(services.GetRequiredService<DashboardService>().GetDashboardAsync(world.Programme))),
        ["DashboardService.GetPortfolioAsync"] = (MembersOfP, async (services, world) =>
            (await services.GetRequiredService<DashboardService>().GetPortfolioAsync()).Value?.Programmes.Any(programme => programme.Id == world.Programme) == true),
        ["DashboardService.GetSignOffMatrixAsync"] = (MembersOfP, (services, world) =>
            Allowed(services.GetRequiredService<DashboardService>().GetSignOffMatrixAsync(world.Programme))),
        ["WorklistService.GetWorklistAsync"] = (StaffOfP, async (services, world) =>
            (await services.GetRequiredService<WorklistService>().GetWorklistAsync()).Value?.Programmes.Any(programme => programme.Id == world.Programme) == true),
        ["OrganisationService.ListAsync"] = (SignedIn, async (services, _) =>
            (await services.GetRequiredService<OrganisationService>().ListAsync()).Count > 0),
        ["OrganisationService.CreateAsync"] = (Administrators, (services, _) =>
            Allowed(services.GetRequiredService<OrganisationService>().CreateAsync(new OrganisationEditModel()))),
        ["OrganisationService.UpdateAsync"] = (Administrators, (services, world) =>
            Allowed(services.GetRequiredService<OrganisationService>().UpdateAsync(world.Organisation, new OrganisationEditModel()))),
        ["OrganisationService.GetAsync"] = (Administrators, (services, world) =>
            Allowed(services.GetRequiredService<OrganisationService>().GetAsync(world.Organisation))),
        ["OrganisationService.SaveRepresentativeAsync"] = (Administrators, (services, world) =>
            Allowed(services.GetRequiredService<OrganisationService>().SaveRepresentativeAsync(world.Organisation, null, new RepresentativeEditModel()))),
        ["UserAdminService.ListAsync"] = (Administrators, (services, _) =>
            Allowed(services.GetRequiredService<UserAdminService>().ListAsync())),
        ["UserAdminService.GetForEditAsync"] = (Administrators, (services, _) =>
            Allowed(services.GetRequiredService<UserAdminService>().GetForEditAsync(Guid.NewGuid()))),
        ["UserAdminService.ChoicesAsync"] = (Administrators, async (services, _) =>
            (await services.GetRequiredService<UserAdminService>().ChoicesAsync()).Programmes.Count > 0),
        ["UserAdminService.CreateAsync"] = (Administrators, (services, _) =>
            Allowed(services.GetRequiredService<UserAdminService>().CreateAsync(new UserEditModel()))),
        ["UserAdminService.UpdateAsync"] = (Administrators, (services, _) =>
            Allowed(services.GetRequiredService<UserAdminService>().UpdateAsync(Guid.NewGuid(), new UserEditModel()))),
        ["UserAdminService.SetActiveAsync"] = (Administrators, (services, _) =>
            Allowed(services.GetRequiredService<UserAdminService>().SetActiveAsync(Guid.NewGuid(), active: false))),
        ["UserAdminService.ResetPasswordAsync"] = (Administrators, (services, _) =>
            Allowed(services.GetRequiredService<UserAdminService>().ResetPasswordAsync(Guid.NewGuid(), "een-lang-nieuw-wachtwoord"))),
        ["PrivacyService.ExportAsync"] = (Administrators, (services, world) =>
            Allowed(services.GetRequiredService<PrivacyService>().ExportAsync(world.Users[Actor.Raadslid].UserId!.Value))),
        ["PrivacyService.AnonymiseAsync"] = (Administrators, (services, _) =>
            Allowed(services.GetRequiredService<PrivacyService>().AnonymiseAsync(Guid.NewGuid()))),
        ["HistoryService.GetAsync"] = (HistoryReaders, (services, world) =>
            Allowed(services.GetRequiredService<HistoryService>().GetAsync(world.Programme, new HistoryFilter()))),
        ["DecisionService.GetGateAsync"] = (MembersOfP, (services, world) =>
            Allowed(services.GetRequiredService<DecisionService>().GetGateAsync(world.Programme))),
        ["DecisionService.GetLogAsync"] = (MembersOfP, (services, world) =>
            Allowed(services.GetRequiredService<DecisionService>().GetLogAsync(world.Programme))),
        ["DecisionService.RecordWeighingAsync"] = ([Actor.Programmabureau, Actor.Alliantiepartner], (services, world) =>
            Allowed(services.GetRequiredService<DecisionService>().RecordWeighingAsync(world.Programme, new WeighingEditModel()))),
        ["DecisionService.RecordGoNoGoAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<DecisionService>().RecordGoNoGoAsync(world.Programme, new GoNoGoEditModel()))),
        ["DecisionService.CorrectGoNoGoAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<DecisionService>().CorrectGoNoGoAsync(world.Programme, new GoNoGoEditModel()))),
        ["DecisionService.StartHerijkingAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<DecisionService>().StartHerijkingAsync(world.Programme, new HerijkingEditModel()))),
        ["DecisionService.MovePhaseAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<DecisionService>().MovePhaseAsync(world.Programme, new PhaseMoveEditModel()))),
        ["DecisionService.RecordDecisionAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<DecisionService>().RecordDecisionAsync(world.Programme, new DecisionEditModel()))),
        ["ContractService.GetAsync"] = (MembersOfP, (services, world) =>
            Allowed(services.GetRequiredService<ContractService>().GetAsync(world.Programme))),
        ["ContractService.GetPdfAsync"] = (MembersOfP, (services, world) =>
            Allowed(services.GetRequiredService<ContractService>().GetPdfAsync(world.Programme, 1))),
        ["ContractService.DrawAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<ContractService>().DrawAsync(world.Programme, new ContractDraftEditModel()))),
        ["ContractService.EditDraftAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<ContractService>().EditDraftAsync(world.Programme, 1, new ContractDraftEditModel()))),
        ["ContractService.RemovePartyAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<ContractService>().RemovePartyAsync(world.Programme, 1, world.Organisation.Value, 0))),
        ["ContractService.ReviseAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<ContractService>().ReviseAsync(world.Programme, new RevisionEditModel()))),
        ["ContractService.SetCommitmentAsync"] = ([Actor.Programmabureau, Actor.Alliantiepartner], (services, world) =>
            Allowed(services.GetRequiredService<ContractService>().SetCommitmentAsync(world.Programme, 1, new CommitmentEditModel { OrganisationId = world.Organisation.Value }))),
        ["ContractService.RecordSignatureAsync"] = ([Actor.Programmabureau, Actor.Alliantiepartner], (services, world) =>
            Allowed(services.GetRequiredService<ContractService>().RecordSignatureAsync(world.Programme, 1, new SignatureEditModel { OrganisationId = world.Organisation.Value }))),
        ["ChecklistService.GetOverviewAsync"] = (MembersOfP, (services, world) =>
            Allowed(services.GetRequiredService<ChecklistService>().GetOverviewAsync(world.Programme))),
        ["ChecklistService.GetChecklistAsync"] = (MembersOfP, (services, world) =>
            Allowed(services.GetRequiredService<ChecklistService>().GetChecklistAsync(world.Programme, "4.1"))),
        ["ChecklistService.AnswerAsync"] = ([Actor.Programmabureau, Actor.Alliantiepartner], (services, world) =>
            Allowed(services.GetRequiredService<ChecklistService>().AnswerAsync(world.Programme, "4.1", new AnswerEditModel()))),
        ["ChecklistService.MoveToNewestTemplateAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<ChecklistService>().MoveToNewestTemplateAsync(world.Programme, "4.1", 0))),
        ["SignOffService.SignAsync"] = ([Actor.Alliantiepartner], (services, world) =>
            Allowed(services.GetRequiredService<SignOffService>().SignAsync(world.Programme, "7.1", new SignOffEditModel()))),
        ["SignOffService.ListToSignAsync"] = ([Actor.Alliantiepartner], async (services, world) =>
            (await services.GetRequiredService<SignOffService>().ListToSignAsync()).Value?.Waiting.Any(item => item.ProgrammeId == world.Programme) == true),
        ["MeasurementImportService.GetPageAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<MeasurementImportService>().GetPageAsync(world.Programme))),
        ["MeasurementImportService.AnalyseAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<MeasurementImportService>().AnalyseAsync(world.Programme, MissingFile))),
        ["MeasurementImportService.ValidateAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<MeasurementImportService>().ValidateAsync(world.Programme, MissingFile, new ImportPlan()))),
        ["MeasurementImportService.ImportAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<MeasurementImportService>().ImportAsync(world.Programme, MissingFile, new ImportPlan()))),
        ["ChecklistTemplateService.ListAsync"] = (Administrators, (services, _) =>
            Allowed(services.GetRequiredService<ChecklistTemplateService>().ListAsync())),
        ["ChecklistTemplateService.GetDraftAsync"] = (Administrators, (services, _) =>
            Allowed(services.GetRequiredService<ChecklistTemplateService>().GetDraftAsync("4.1"))),
        ["ChecklistTemplateService.CreateNextVersionAsync"] = (Administrators, (services, _) =>
            Allowed(services.GetRequiredService<ChecklistTemplateService>().CreateNextVersionAsync("4.1", new TemplateEditModel()))),
        ["AllianceService.GetAsync"] = (MembersOfP, (services, world) =>
            Allowed(services.GetRequiredService<AllianceService>().GetAsync(world.Programme))),
        ["AllianceService.GetCompositionAsync"] = (MembersOfP, (services, world) =>
            Allowed(services.GetRequiredService<AllianceService>().GetCompositionAsync(world.Programme, new DateOnly(2025, 6, 1)))),
        ["AllianceService.JoinAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<AllianceService>().JoinAsync(world.Programme, new MembershipEditModel()))),
        ["AllianceService.ChangeMembershipAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<AllianceService>().ChangeMembershipAsync(world.Programme, Guid.NewGuid(), new MembershipEditModel()))),
        ["AllianceService.EndMembershipAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<AllianceService>().EndMembershipAsync(world.Programme, Guid.NewGuid(), new EndMembershipEditModel()))),
        ["AllianceService.AddSubAllianceAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<AllianceService>().AddSubAllianceAsync(world.Programme, new SubAllianceEditModel()))),
        ["AllianceService.RecordParticipationAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<AllianceService>().RecordParticipationAsync(world.Programme, new ParticipationEditModel()))),
        ["InventoryService.GetAsync"] = (MembersOfP, (services, world) =>
            Allowed(services.GetRequiredService<InventoryService>().GetAsync(world.Programme))),
        ["InventoryService.AddStakeholderAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<InventoryService>().AddStakeholderAsync(world.Programme, new StakeholderEditModel()))),
        ["InventoryService.ChangeStakeholderAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<InventoryService>().ChangeStakeholderAsync(world.Programme, Guid.NewGuid(), new StakeholderEditModel()))),
        ["InventoryService.AddPolicyLineAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<InventoryService>().AddPolicyLineAsync(world.Programme, new PolicyLineEditModel()))),
        ["InventoryService.ChangePolicyLineAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<InventoryService>().ChangePolicyLineAsync(world.Programme, Guid.NewGuid(), new PolicyLineEditModel()))),
        ["VisionService.GetAsync"] = (MembersOfP, (services, world) =>
            Allowed(services.GetRequiredService<VisionService>().GetAsync(world.Programme))),
        ["VisionService.GetChainAsync"] = (MembersOfP, (services, world) =>
            Allowed(services.GetRequiredService<VisionService>().GetChainAsync(world.Programme))),
        ["VisionService.ChangeMissionAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<VisionService>().ChangeMissionAsync(world.Programme, new MissionEditModel { Mission = new string('x', 5000) }))),
        ["VisionService.AddAmbitionAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<VisionService>().AddAmbitionAsync(world.Programme, new AmbitionEditModel()))),
        ["VisionService.ChangeAmbitionAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<VisionService>().ChangeAmbitionAsync(world.Programme, Guid.NewGuid(), new AmbitionEditModel()))),
        ["VisionService.AddGoalAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<VisionService>().AddGoalAsync(world.Programme, new GoalEditModel()))),
        ["OpgaveService.GetAsync"] = (MembersOfP, (services, world) =>
            Allowed(services.GetRequiredService<OpgaveService>().GetAsync(world.Programme))),
        ["OpgaveService.AddAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<OpgaveService>().AddAsync(world.Programme, new OpgaveEditModel()))),
        ["OpgaveService.ChangeAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<OpgaveService>().ChangeAsync(world.Programme, Guid.NewGuid(), new OpgaveEditModel()))),
        ["OpgaveService.AddStoryAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<OpgaveService>().AddStoryAsync(world.Programme, Guid.NewGuid(), new StoryEditModel()))),
        ["ExecutionService.GetAsync"] = (MembersOfP, (services, world) =>
            Allowed(services.GetRequiredService<ExecutionService>().GetAsync(world.Programme))),
        ["ExecutionService.AddPeriodAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<ExecutionService>().AddPeriodAsync(world.Programme, new PeriodEditModel()))),
        ["ExecutionService.PlanInterventionAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<ExecutionService>().PlanInterventionAsync(world.Programme, new InterventionEditModel()))),
        ["ExecutionService.ChangeInterventionAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<ExecutionService>().ChangeInterventionAsync(world.Programme, Guid.NewGuid(), new InterventionEditModel()))),
        ["ExecutionService.ChangeStatusAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<ExecutionService>().ChangeStatusAsync(world.Programme, Guid.NewGuid(), new StatusChangeEditModel()))),
        ["ExecutionService.ExportInterventionsAsync"] = (MembersOfP, (services, world) =>
            Allowed(services.GetRequiredService<ExecutionService>().ExportInterventionsAsync(world.Programme, ExportFormat.Csv))),
        ["FinancingService.GetAsync"] = (MembersOfP, (services, world) =>
            Allowed(services.GetRequiredService<FinancingService>().GetAsync(world.Programme))),
        ["FinancingService.AddLineAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<FinancingService>().AddLineAsync(world.Programme, new BudgetLineEditModel()))),
        ["FinancingService.ChangeLineAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<FinancingService>().ChangeLineAsync(world.Programme, Guid.NewGuid(), new BudgetLineEditModel()))),
        ["FinancingService.ExportLinesAsync"] = (MembersOfP, (services, world) =>
            Allowed(services.GetRequiredService<FinancingService>().ExportLinesAsync(world.Programme, ExportFormat.Xlsx))),
        ["IndicatorService.GetIndicatorsAsync"] = (MembersOfP, (services, world) =>
            Allowed(services.GetRequiredService<IndicatorService>().GetIndicatorsAsync(world.Programme))),
        ["IndicatorService.ExportMeasurementsAsync"] = (MembersOfP, (services, world) =>
            Allowed(services.GetRequiredService<IndicatorService>().ExportMeasurementsAsync(world.Programme, ExportFormat.Csv))),
        ["IndicatorService.GetIndicatorAsync"] = (MembersOfP, (services, world) =>
            Allowed(services.GetRequiredService<IndicatorService>().GetIndicatorAsync(world.Programme, IndicatorId.New()))),
        ["IndicatorService.GetOtherAreaMeasurementsAsync"] = (MembersOfP, (services, world) =>
            Allowed(services.GetRequiredService<IndicatorService>().GetOtherAreaMeasurementsAsync(world.Programme, IndicatorId.New(), 0, 25))),
        ["IndicatorService.DefineAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<IndicatorService>().DefineAsync(world.Programme, new IndicatorEditModel()))),
        ["IndicatorService.ChangeAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<IndicatorService>().ChangeAsync(world.Programme, IndicatorId.New(), new IndicatorEditModel()))),
        ["IndicatorService.InterpretAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<IndicatorService>().InterpretAsync(world.Programme, IndicatorId.New(), new InterpretationEditModel()))),
        ["ReportService.GetAsync"] = (MembersOfP, (services, world) =>
            Allowed(services.GetRequiredService<ReportService>().GetAsync(world.Programme, 2025))),
        ["ReportService.GetDocumentAsync"] = (MembersOfP, (services, world) =>
            Allowed(services.GetRequiredService<ReportService>().GetDocumentAsync(world.Programme, 2025, ReportFormat.Pdf))),
        ["ReportService.CompareWithAdoptedAsync"] = (MembersOfP, (services, world) =>
            Allowed(services.GetRequiredService<ReportService>().CompareWithAdoptedAsync(world.Programme))),
        ["ReportService.SaveSectionAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<ReportService>().SaveSectionAsync(world.Programme, 2025, new SectionEditModel { Text = new string('x', 20_001) }))),
        ["ReportService.AdoptAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<ReportService>().AdoptAsync(world.Programme, 2025, new AdoptionEditModel()))),
        ["IndicatorService.RecordMeasurementAsync"] = (StaffOfP, (services, world) =>
            Allowed(services.GetRequiredService<IndicatorService>().RecordMeasurementAsync(world.Programme, IndicatorId.New(), new MeasurementEditModel()))),
    };

    /// <summary>An upload that is not there: allowed callers get past the access check and are then told so.</summary>
    private static ImportFile MissingFile => new(Path.Combine(Path.GetTempPath(), $"ontbreekt-{Guid.NewGuid():N}.csv"), "ontbreekt.csv");

    public static TheoryData<string> OperationNames => [.. Operations.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void EveryServiceOperation_IsInTheMatrix()
    {
        var declared = typeof(ProgrammeService).Assembly.GetTypes()
            .Where(type => type.IsPublic && type.Name.EndsWith("Service", StringComparison.Ordinal) && type.Namespace!.StartsWith("Wijkaanpak.Web.Features", StringComparison.Ordinal))
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(method => $"{type.Name}.{method.Name}"))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(declared, Operations.Keys.Order(StringComparer.Ordinal).ToList());
    }

    [Theory]
    [MemberData(nameof(OperationNames))]
    public async Task Operation_IsAllowedForExactlyItsActors(string operation)
    {
        var world = await World.CreateAsync(fixture.App);
        var (allowed, call) = Operations[operation];

        var outcome = new Dictionary<Actor, bool>();
        foreach (var actor in Everyone)
        {
            await using var scope = fixture.App.ScopeFor(world.Users[actor]);
            outcome[actor] = await call(scope.ServiceProvider, world);
        }

        Assert.Equal(
            Everyone.ToDictionary(actor => actor, allowed.Contains),
            outcome);
    }

    private static async Task<bool> Allowed<T>(Task<T> operation)
        where T : Result => (await operation).Status != ResultStatus.Forbidden;

    /// <summary>
    /// Programme P with its members, another programme with its own staff, one organisation. The
    /// organisation is in P's alliance and P's checklist 7.1 has an answer, so that a partner's list
    /// of checklists to sign shows P when (and only when) the partner may see it.
    /// </summary>
    public sealed record World(ProgrammeId Programme, OrganisationId Organisation, IReadOnlyDictionary<Actor, CurrentUser> Users)
    {
        public static async Task<World> CreateAsync(AppFixture app)
        {
            var now = DateTimeOffset.UtcNow;
            var details = new ProgrammeDetails("P", "Gemeente", ["WK036301"], UrgencyKind.Acuut, new DateOnly(2025, 1, 1), 15, null);
            var programme = Domain.Programmes.Programme.Create(details, now);
            var other = Domain.Programmes.Programme.Create(details with { Name = "Elders" }, now);
            var organisation = Domain.Organisations.Organisation.Create($"Corporatie {Guid.NewGuid():N}", OrganisationType.Woningcorporatie, now);
            var alliance = Alliance.Form(programme.Id, now);
            alliance.Join(
                new MembershipInput(organisation.Id, AllianceRole.Kernpartner, AllianceLevel.Tactisch, programme.StartDate, null, null, []),
                ProgrammeCalendar.Of(programme, DateOnly.FromDateTime(now.UtcDateTime)),
                new UserRef(Guid.CreateVersion7(), "Testopzet"),
                now);
            await using (var db = app.Database.CreateContext())
            {
                var template = await db.ChecklistTemplates.SingleAsync(candidate => candidate.Id == ChecklistSeed.FirstVersionIdOf("7.1"));
                var checklist = ProgrammeChecklist.Start(programme, template, now);
                checklist.Answer(template.Questions[0].Key, AnswerStatus.Ja, null, null, new UserRef(Guid.CreateVersion7(), "Testopzet"), now);
                db.AddRange(programme, other, organisation, alliance, checklist);
                await db.SaveChangesAsync();
            }

            var users = new Dictionary<Actor, CurrentUser>
            {
                [Actor.Anonymous] = CurrentUser.Anonymous,
                [Actor.Beheerder] = await app.CreateUserAsync(Role.Beheerder),
                [Actor.Programmabureau] = await app.CreateUserAsync(Role.Programmabureau, null, programme.Id),
                [Actor.Alliantiepartner] = await app.CreateUserAsync(Role.Alliantiepartner, organisation.Id.Value, programme.Id),
                [Actor.Raadslid] = await app.CreateUserAsync(Role.Raadslid, null, programme.Id),
                [Actor.StaffOfAnotherProgramme] = await app.CreateUserAsync(Role.Programmabureau, null, other.Id),
            };
            return new World(programme.Id, organisation.Id, users);
        }
    }
}
