using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Data.Seeding;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Alliances;
using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Contracts;
using Wijkaanpak.Domain.Execution;
using Wijkaanpak.Domain.Financing;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Domain.Vision;
using Wijkaanpak.Integration.Tests.Infrastructure;
using Wijkaanpak.Integration.Tests.Vision;
using Wijkaanpak.TestSupport;
using Wijkaanpak.Web.Features.Alliance;
using Wijkaanpak.Web.Features.Checklists;
using Wijkaanpak.Web.Features.Contracts;
using Wijkaanpak.Web.Features.Execution;
using Wijkaanpak.Web.Features.Monitoring;
using Wijkaanpak.Web.Features.Organisations;
using Wijkaanpak.Web.Features.Programmes;
using Wijkaanpak.Web.Features.Vision;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;
using Xunit.Abstractions;

namespace Wijkaanpak.Integration.Tests.Security;

/// <summary>
/// Every form that takes free text, amounts, dates or ids, fed hostile values one field at a time
/// through its service. Each case ends in one of two ways: refused with a Dutch message and nothing
/// stored (no audit row, since every stored change is audited), or stored exactly as given (emoji,
/// SQL metacharacters and markup are valid text). Never an exception, never a link to another
/// programme's data.
/// </summary>
public sealed partial class HostileInputCampaignTests(AppClassFixture fixture, ITestOutputHelper output) : IClassFixture<AppClassFixture>
{
    private static readonly (string Label, string Value)[] HostileTexts =
    [
        ("leeg", string.Empty),
        ("spaties", "   \t  "),
        ("100.000 tekens", new string('w', 100_000)),
        ("script", "<script>alert(1)</script>"),
        ("sql", "'; drop table x;--"),
        ("rtl-override", "factuur\u202Efdp.exe"),
        ("zero-width", "wijk\u200Baanpak"),
        ("emoji", "Samen sterk 🏘️💪🏽"),
        ("nul-teken", "a\0b"),
    ];

    private static readonly (string Label, decimal Value)[] HostileAmounts =
    [
        ("negatief", -1m), ("min een cent", -0.01m), ("enorm", 9_999_999_999_999_999m), ("decimal.MaxValue", decimal.MaxValue),
    ];

    private static readonly (string Label, int Value)[] HostileNumbers = [("negatief", -1), ("int.MaxValue", int.MaxValue)];

    private static readonly (string Label, DateTime Value)[] HostileDates = [("jaar 1", new DateTime(1, 1, 1)), ("jaar 9999", new DateTime(9999, 12, 31))];

    private AppFixture App => fixture.App;

    [Fact]
    public async Task EveryFormField_RefusesHostileValuesInDutchOrStoresThemExactly_NeverThrows()
    {
        var here = await VisionWorld.ArrangeAsync(App);
        var elsewhere = await VisionWorld.ArrangeAsync(App);
        var setup = await SetUpAsync(here, elsewhere);
        var failures = new List<string>();
        var report = new List<string>();

        foreach (var form in Forms(here, setup))
        {
            var (stored, refused) = (0, 0);
            var template = await form.ValidModel(0);
            await using (var scope = App.ScopeFor(form.Actor))
            {
                // The untouched model is stored: otherwise every refusal below would prove nothing.
                var baseline = await form.Submit(scope.ServiceProvider, template);
                if (!baseline.IsOk)
                {
                    failures.Add($"{form.Name}: het geldige formulier wordt niet opgeslagen: {baseline.Message} {string.Join(" ", baseline.Errors.SelectMany(error => error.Value))}");
                }
            }

            var number = 0;
            foreach (var hostile in HostileCases(template.GetType(), elsewhere))
            {
                number++;
                var model = await form.ValidModel(number);
                hostile.Apply(model);
                var outcome = await RunAsync(form, model, hostile);
                if (outcome.Failure is not null)
                {
                    failures.Add($"{form.Name}.{hostile.Field} = {hostile.Label}: {outcome.Failure}");
                }
                else if (outcome.Stored)
                {
                    stored++;
                }
                else
                {
                    refused++;
                }
            }

            report.Add($"{form.Name}: {number} vijandige invoer, {refused} geweigerd, {stored} opgeslagen");
        }

        foreach (var line in report)
        {
            output.WriteLine(line);
        }

        output.WriteLine($"totaal: {report.Count} formulieren");
        foreach (var failure in failures)
        {
            output.WriteLine(failure);
        }

        Assert.Empty(failures);
    }

    private async Task<(string? Failure, bool Stored)> RunAsync(Form form, object model, HostileCase hostile)
    {
        long lastAudit;
        await using (var db = App.Database.CreateContext())
        {
            lastAudit = await db.AuditEntries.MaxAsync(entry => (long?)entry.Id) ?? 0;
        }

        Result result;
        try
        {
            await using var scope = App.ScopeFor(form.Actor);
            result = await form.Submit(scope.ServiceProvider, model);
        }
        catch (Exception exception)
        {
            return ($"uitzondering {exception.GetType().Name}: {exception.Message.Split('\n')[0]}", false);
        }

        List<string> written;
        await using (var db = App.Database.CreateContext())
        {
            written = await db.AuditEntries.Where(entry => entry.Id > lastAudit).Select(entry => entry.Changes).ToListAsync();
        }

        if (result.IsOk)
        {
            if (hostile.MustBeRefused)
            {
                return ("opgeslagen, maar dit had geweigerd moeten worden", true);
            }

            if (hostile.Text is { Length: > 0 } text && text.Trim().Length > 0 && !written.SelectMany(StringsIn).Any(value => value == text || value == text.Trim()))
            {
                return ("opgeslagen, maar niet ongewijzigd terug te vinden", true);
            }

            return (null, true);
        }

        if (result.Status is not (ResultStatus.Invalid or ResultStatus.RuleBroken or ResultStatus.NotFound))
        {
            return ($"onverwacht resultaat {result.Status}: {result.Message}", false);
        }

        if (written.Count > 0)
        {
            return ($"geweigerd ({result.Status}), maar toch {written.Count} wijziging(en) opgeslagen", false);
        }

        var messages = result.Errors.Values.SelectMany(errors => errors).Append(result.Message ?? string.Empty).Where(message => message.Length > 0).ToList();
        if (messages.Count == 0)
        {
            return ("geweigerd zonder melding", false);
        }

        if (messages.FirstOrDefault(message => EnglishWords().IsMatch(message)) is { } english)
        {
            return ($"geweigerd met een Engelse melding: {english}", false);
        }

        return (null, false);
    }

    /// <summary>Every string anywhere in an audit entry's JSON (new values of plain and nested members).</summary>
    private static IEnumerable<string> StringsIn(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Walk(document.RootElement).ToList();

        static IEnumerable<string> Walk(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.String => [element.GetString()!],
            JsonValueKind.Object => element.EnumerateObject().SelectMany(property => Walk(property.Value)),
            JsonValueKind.Array => element.EnumerateArray().SelectMany(Walk),
            _ => [],
        };
    }

    /// <summary>One case per settable field and hostile value; ids point at the other programme's data or at nothing.</summary>
    private static IEnumerable<HostileCase> HostileCases(Type modelType, VisionWorld elsewhere)
    {
        Guid[] foreignIds = [elsewhere.Work, elsewhere.Employment.Value, Guid.NewGuid()];
        foreach (var property in modelType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.CanWrite && !property.Name.EndsWith("Version", StringComparison.Ordinal)))
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type == typeof(string))
            {
                foreach (var (label, value) in HostileTexts)
                {
                    yield return new HostileCase(property.Name, label, model => property.SetValue(model, value), value, MustBeRefused: false);
                }
            }
            else if (type == typeof(decimal))
            {
                foreach (var (label, value) in HostileAmounts)
                {
                    yield return new HostileCase(property.Name, label, model => property.SetValue(model, value), null, MustBeRefused: false);
                }
            }
            else if (type == typeof(int))
            {
                foreach (var (label, value) in HostileNumbers)
                {
                    yield return new HostileCase(property.Name, label, model => property.SetValue(model, value), null, MustBeRefused: false);
                }
            }
            else if (type == typeof(DateTime))
            {
                foreach (var (label, value) in HostileDates)
                {
                    yield return new HostileCase(property.Name, label, model => property.SetValue(model, value), null, MustBeRefused: false);
                }
            }
            else if (type == typeof(Guid))
            {
                foreach (var id in foreignIds)
                {
                    yield return new HostileCase(property.Name, "id van elders", model => property.SetValue(model, id), null, MustBeRefused: true);
                }
            }
            else if (property.PropertyType == typeof(IReadOnlyCollection<Guid>))
            {
                foreach (var id in foreignIds)
                {
                    yield return new HostileCase(property.Name, "id van elders", model => property.SetValue(model, new HashSet<Guid> { id }), null, MustBeRefused: true);
                }
            }
        }
    }

    /// <summary>What the forms build on: an organisation, a drawn contract, an ambition and an execution period in the programme.</summary>
    private async Task<Setup> SetUpAsync(VisionWorld here, VisionWorld elsewhere)
    {
        var administrator = await App.CreateUserAsync(Role.Beheerder);
        var creator = await App.CreateUserAsync(Role.Programmabureau);
        await using var scope = App.ScopeFor(here.Staff);
        var contracts = App.ServiceFor<ContractService>(scope);
        Assert.True((await contracts.DrawAsync(here.Programme, new ContractDraftEditModel { Kind = ContractKind.Convenant, Title = "Wijkdeal" })).IsOk);
        var visions = App.ServiceFor<VisionService>(scope);
        Assert.True((await visions.AddAmbitionAsync(here.Programme, new AmbitionEditModel { Version = (await visions.GetAsync(here.Programme)).Value!.Version, Title = "Iedereen doet mee" })).IsOk);
        var ambition = (await visions.GetAsync(here.Programme)).Value!.Ambitions.Single().Id;
        var period = await here.PlanInterventionAsync(App, "Basis", [ambition], []);
        await using var db = App.Database.CreateContext();
        var periodId = await db.Interventions.Where(intervention => intervention.Id == period).Select(intervention => intervention.PeriodId).SingleAsync();
        var organisation = Organisation.Create($"Campagne {Guid.NewGuid():N}", OrganisationType.Woningcorporatie, DateTimeOffset.UtcNow);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        var questionKey = (await db.ChecklistTemplates.SingleAsync(template => template.Id == ChecklistSeed.FirstVersionIdOf("4.1"))).Questions[0].Key;
        _ = elsewhere;
        return new Setup(administrator, creator, organisation.Id, ambition, periodId, questionKey);
    }

    private IEnumerable<Form> Forms(VisionWorld here, Setup setup)
    {
        var programme = here.Programme;
        var staff = here.Staff;
        yield return new Form("Programma", setup.Creator, number => Task.FromResult<object>(new ProgrammeEditModel
        {
            Name = $"Campagne {number}",
            Municipality = "Vlaardingen",
            AreaCodes = VisionWorld.Area,
            Urgency = UrgencyKind.Acuut,
            StartDate = new DateTime(2025, 1, 1),
            HorizonYears = 15,
        }), async (services, model) => await Service<ProgrammeService>(services).CreateAsync((ProgrammeEditModel)model));
        yield return new Form("Organisatie", setup.Administrator, number => Task.FromResult<object>(new OrganisationEditModel
        {
            Name = $"Organisatie {Guid.NewGuid():N}",
            Type = OrganisationType.Welzijn,
        }), async (services, model) => await Service<OrganisationService>(services).CreateAsync((OrganisationEditModel)model));
        yield return new Form("Vertegenwoordiger", setup.Administrator, async number => new RepresentativeEditModel
        {
            Name = "Jan Jansen",
            Function = "Voorzitter",
            Email = "jan@example.nl",
            Phone = "010-1234567",
            OrganisationVersion = await VersionAsync(db => db.Organisations.Where(organisation => organisation.Id == setup.Organisation).Select(organisation => organisation.Version)),
        }, async (services, model) => await Service<OrganisationService>(services).SaveRepresentativeAsync(setup.Organisation, null, (RepresentativeEditModel)model));
        yield return new Form("Checklistantwoord", staff, async number => new AnswerEditModel
        {
            QuestionKey = setup.QuestionKey,
            Status = AnswerStatus.Deels,
            Explanation = $"Toelichting {number}",
            Version = await VersionAsync(db => db.ProgrammeChecklists.Where(checklist => checklist.ProgrammeId == programme && checklist.BuildingBlockCode == "4.1").Select(checklist => checklist.Version)),
        }, async (services, model) => await Service<ChecklistService>(services).AnswerAsync(programme, "4.1", (AnswerEditModel)model));
        yield return new Form("Alliantielidmaatschap", staff, async number =>
        {
            // A fresh organisation each time: an organisation joins the alliance once.
            await using var db = App.Database.CreateContext();
            var organisation = Organisation.Create($"Partner {Guid.NewGuid():N}", OrganisationType.Zorg, DateTimeOffset.UtcNow);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return new MembershipEditModel
            {
                OrganisationId = organisation.Id.Value,
                Role = AllianceRole.Kernpartner,
                Level = AllianceLevel.Tactisch,
                From = new DateTime(2024, 1, 1),
                Version = await VersionAsync(db => db.Alliances.Where(alliance => alliance.ProgrammeId == programme).Select(alliance => alliance.Version)),
            };
        }, async (services, model) => await Service<AllianceService>(services).JoinAsync(programme, (MembershipEditModel)model));
        yield return new Form("Lokaal contract (concept)", staff, async number => new ContractDraftEditModel
        {
            Kind = ContractKind.Convenant,
            Title = $"Wijkdeal {number}",
            Principles = "Samen",
            AmbitionsAndPriorities = "Werk",
            FinancialAgreements = "Elk betaalt",
            ProcessDirection = "Programmabureau",
            Version = await VersionAsync(db => db.LocalContracts.Where(contract => contract.ProgrammeId == programme).Select(contract => contract.Version)),
        }, async (services, model) => await Service<ContractService>(services).EditDraftAsync(programme, 1, (ContractDraftEditModel)model));
        yield return new Form("Opgave", staff, number => Task.FromResult<object>(new OpgaveEditModel { Domain = OpgaveDomain.Wonen, Title = $"Opgave {number}" }),
            async (services, model) => await Service<OpgaveService>(services).AddAsync(programme, (OpgaveEditModel)model));
        yield return new Form("Verhaal", staff, async number => new StoryEditModel
        {
            Teller = "wijkagent",
            ToldOn = new DateTime(2024, 1, 1),
            Method = StoryMethod.Interview,
            Text = $"Verhaal {number}",
            Version = await VersionAsync(db => db.Opgaven.Where(opgave => opgave.Id == here.Work).Select(opgave => opgave.Version)),
        }, async (services, model) => await Service<OpgaveService>(services).AddStoryAsync(programme, here.Work, (StoryEditModel)model));
        yield return new Form("Missie", staff, async number => new MissionEditModel
        {
            Mission = $"Missie {number}",
            Version = await VersionAsync(db => db.Visions.Where(vision => vision.ProgrammeId == programme).Select(vision => vision.Version)),
        }, async (services, model) => await Service<VisionService>(services).ChangeMissionAsync(programme, (MissionEditModel)model));
        yield return new Form("Ambitie", staff, async number => new AmbitionEditModel
        {
            Title = $"Ambitie {number}",
            Version = await VersionAsync(db => db.Visions.Where(vision => vision.ProgrammeId == programme).Select(vision => vision.Version)),
        }, async (services, model) => await Service<VisionService>(services).AddAmbitionAsync(programme, (AmbitionEditModel)model));
        yield return new Form("Doel", staff, async number => new GoalEditModel
        {
            AmbitionId = setup.Ambition,
            Text = $"Doel {number}",
            Version = await VersionAsync(db => db.Visions.Where(vision => vision.ProgrammeId == programme).Select(vision => vision.Version)),
        }, async (services, model) => await Service<VisionService>(services).AddGoalAsync(programme, (GoalEditModel)model));
        // Periods last 3 to 4 years within the programme's horizon and may not overlap: each case gets a programme of its own.
        var periodProgramme = programme;
        yield return new Form("Uitvoeringsperiode", staff, async number =>
        {
            var own = Programme.Create(new ProgrammeDetails($"Periodes {number}", "Vlaardingen", [VisionWorld.Area], UrgencyKind.Acuut, new DateOnly(2024, 1, 1), 20, null), DateTimeOffset.UtcNow);
            await using (var db = App.Database.CreateContext())
            {
                db.Programmes.Add(own);
                await db.SaveChangesAsync();
            }

            await App.AddMemberAsync(own.Id, staff);
            periodProgramme = own.Id;
            return new PeriodEditModel { Name = $"Periode {number}", From = new DateTime(2025, 1, 1), Until = new DateTime(2028, 12, 31) };
        }, async (services, model) => await Service<ExecutionService>(services).AddPeriodAsync(periodProgramme, (PeriodEditModel)model));
        yield return new Form("Interventie", staff, number => Task.FromResult<object>(new InterventionEditModel
        {
            PeriodId = setup.Period,
            AmbitionIds = new HashSet<Guid> { setup.Ambition },
            Title = $"Interventie {number}",
            Kind = InterventionKind.Additioneel,
            Budget = 1000m,
            StartDate = new DateTime(2024, 2, 1),
        }), async (services, model) => await Service<ExecutionService>(services).PlanInterventionAsync(programme, (InterventionEditModel)model));
        yield return new Form("Begrotingsregel", staff, number => Task.FromResult<object>(new BudgetLineEditModel
        {
            Source = FundingSource.Gemeente,
            Description = $"Regel {number}",
            Year = 2025,
            Committed = 1000m,
            Spent = 0m,
        }), async (services, model) => await Service<FinancingService>(services).AddLineAsync(programme, (BudgetLineEditModel)model));
        yield return new Form("Indicator", staff, number => Task.FromResult<object>(new IndicatorEditModel
        {
            Name = $"Indicator {number}",
            Kind = IndicatorKind.Outcome,
            Unit = "%",
            Source = "CBS",
            AreaCode = VisionWorld.Area,
            Direction = ImprovementDirection.HigherIsBetter,
            BaselineYear = 2019,
            BaselineValue = 10m,
        }), async (services, model) => await Service<IndicatorService>(services).DefineAsync(programme, (IndicatorEditModel)model));
        yield return new Form("Meting", staff, number => Task.FromResult<object>(new MeasurementEditModel
        {
            AreaCode = VisionWorld.Area,
            Year = 1990 + number,
            Value = 12.5m,
        }), async (services, model) => await Service<IndicatorService>(services).RecordMeasurementAsync(programme, here.Employment, (MeasurementEditModel)model));
    }

    private async Task<uint> VersionAsync(Func<Data.WijkaanpakDbContext, IQueryable<uint>> version)
    {
        await using var db = App.Database.CreateContext();
        return await version(db).SingleOrDefaultAsync();
    }

    private static T Service<T>(IServiceProvider services)
        where T : notnull => (T)services.GetService(typeof(T))!;

    [GeneratedRegex(@"\b(must|should|is required|not be empty|characters|valid|greater than|less than)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishWords();

    private sealed record HostileCase(string Field, string Label, Action<object> Apply, string? Text, bool MustBeRefused);

    private sealed record Form(string Name, CurrentUser Actor, Func<int, Task<object>> ValidModel, Func<IServiceProvider, object, Task<Result>> Submit);

    private sealed record Setup(CurrentUser Administrator, CurrentUser Creator, OrganisationId Organisation, Guid Ambition, Guid Period, string QuestionKey);
}
