using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkaanpak.Data.Seeding;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Domain.Vision;
using Wijkaanpak.Integration.Tests.Infrastructure;
using Wijkaanpak.TestSupport;
using Wijkaanpak.Web.Features.Privacy;
using Wijkaanpak.Web.Features.Users;
using Wijkaanpak.Web.Features.Vision;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Integration.Tests.Security;

/// <summary>The right of access (export) and the right to erasure (anonymisation) for one person.</summary>
public sealed class PrivacyServiceTests(AppClassFixture fixture) : IClassFixture<AppClassFixture>
{
    private const string SubjectName = "Fatima de Vries";

    private AppFixture App => fixture.App;

    [Fact]
    public async Task Export_HoldsTheAccountRepresentativeStoriesAndRecordedActsOfThePerson()
    {
        var world = await ArrangeAsync();
        await using var scope = App.ScopeFor(world.Administrator);

        var export = await App.ServiceFor<PrivacyService>(scope).ExportAsync(world.Subject.UserId!.Value);

        Assert.True(export.IsOk, export.Message);
        var data = export.Value!;
        Assert.Equal(SubjectName, data.Account.Naam);
        Assert.Equal(world.SubjectEmail, data.Account.EMailadres);
        Assert.Equal(["Programmabureau"], data.Rollen);
        Assert.Equal("P", Assert.Single(data.ToegangTotProgrammas).Programma);
        Assert.Equal("06-12345678", Assert.Single(data.Vertegenwoordiger).Telefoonnummer);
        Assert.Equal($"{SubjectName}, bewoner van de Westwijk", Assert.Single(data.VerhalenVanDezePersoon).Verteller);
        Assert.Contains(data.VastgelegdDoorDezePersoon, act => act.Gegevens == "programme_checklist_answers" && act.Aantal == 1);
        Assert.Contains(data.VastgelegdDoorDezePersoon, act => act.Gegevens == "checklist_sign_offs" && act.Aantal == 1);
        Assert.Contains(data.VastgelegdDoorDezePersoon, act => act.Gegevens == "opgaven" && act.Aantal == 1);
        Assert.Contains(data.Audittrail, entry => entry.Gegevens == "Opgave" && entry.Actie == "Gewijzigd");
        Assert.Contains(SubjectName, JsonSerializer.Serialize(data), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymise_AnActiveAccount_IsRefusedAndChangesNothing()
    {
        var world = await ArrangeAsync();
        await using var scope = App.ScopeFor(world.Administrator);

        var result = await App.ServiceFor<PrivacyService>(scope).AnonymiseAsync(world.Subject.UserId!.Value);

        Assert.Equal(ResultStatus.RuleBroken, result.Status);
        Assert.Contains("Deactiveer het account eerst", result.Message, StringComparison.Ordinal);
        await using var db = App.Database.CreateContext();
        Assert.Equal(SubjectName, (await db.Users.SingleAsync(user => user.Id == world.Subject.UserId)).DisplayName);
    }

    [Fact]
    public async Task Anonymise_ADeactivatedAccount_RemovesNameAndContactWhereNoDutyKeepsThem_AndAuditsOnlyThatItHappened()
    {
        var world = await ArrangeAsync();
        var subjectId = world.Subject.UserId!.Value;
        long lastAuditBefore;
        await using (var db = App.Database.CreateContext())
        {
            lastAuditBefore = await db.AuditEntries.MaxAsync(entry => entry.Id);
        }

        await using var scope = App.ScopeFor(world.Administrator);
        Assert.True((await App.ServiceFor<UserAdminService>(scope).SetActiveAsync(subjectId, active: false)).IsOk);
        var result = await App.ServiceFor<PrivacyService>(scope).AnonymiseAsync(subjectId);

        Assert.True(result.IsOk, result.Message);
        Assert.Equal((1, 1), (result.Value!.Representatives, result.Value.Stories));
        Assert.True(result.Value.RecordedActs >= 2, $"{result.Value.RecordedActs} vastgelegde handelingen");
        await using (var db = App.Database.CreateContext())
        {
            var user = await db.Users.SingleAsync(candidate => candidate.Id == subjectId);
            Assert.Equal(PrivacyService.AnonymisedUserName, user.DisplayName);
            Assert.Null(user.Email);
            Assert.Null(user.PhoneNumber);
            Assert.Null(user.PasswordHash);
            Assert.DoesNotContain("fatima", user.UserName!, StringComparison.OrdinalIgnoreCase);

            var representative = (await db.Organisations.Include(organisation => organisation.Representatives).SingleAsync(organisation => organisation.Id == world.Organisation))
                .Representatives.Single();
            Assert.Equal((PrivacyService.AnonymisedRepresentativeName, string.Empty, string.Empty, (Guid?)null), (representative.Name, representative.Email, representative.Phone, representative.UserId));

            var opgave = await db.Opgaven.SingleAsync(candidate => candidate.ProgrammeId == world.Programme);
            Assert.Equal([PrivacyService.AnonymisedTeller, "wijkagent"], opgave.Stories.Select(story => story.Teller).Order(StringComparer.Ordinal));
            Assert.All(opgave.Stories.Where(story => story.RecordedBy.UserId == subjectId), story => Assert.Equal(PrivacyService.AnonymisedUserName, story.RecordedBy.DisplayName));
            Assert.Equal("Te weinig speelplekken.", opgave.Stories.Single(story => story.Teller == PrivacyService.AnonymisedTeller).Text);

            var checklist = await db.ProgrammeChecklists.Include(candidate => candidate.SignOffs).Include(candidate => candidate.Answers).SingleAsync(candidate => candidate.ProgrammeId == world.Programme);
            Assert.Equal(PrivacyService.AnonymisedUserName, checklist.Answers.Single().AnsweredBy.DisplayName);
            // A sign-off is a signature for an organisation: kept as signed (docs/privacy.md).
            Assert.Equal(SubjectName, checklist.SignOffs.Single().SignedBy.DisplayName);

            var written = await db.AuditEntries.Where(entry => entry.Id > lastAuditBefore).ToListAsync();
            var anonymisation = Assert.Single(written, entry => entry.Action == "Geanonimiseerd");
            Assert.Equal((subjectId.ToString(), "Persoon", world.Administrator.UserId), (anonymisation.EntityId, anonymisation.EntityType, anonymisation.UserId));
            Assert.All(written, entry =>
            {
                Assert.DoesNotContain(SubjectName, entry.Changes, StringComparison.Ordinal);
                Assert.DoesNotContain(world.SubjectEmail, entry.Changes, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("06-12345678", entry.Changes, StringComparison.Ordinal);
            });
        }
    }

    [Fact]
    public async Task ExportEndpoint_GivesTheBeheerderJson_AndRefusesEveryoneElse()
    {
        var demo = new DemoAppFixture();
        await demo.InitializeAsync();
        try
        {
            await ExportOfTheRaadslidAsync(demo);
        }
        finally
        {
            await demo.DisposeAsync();
        }
    }

    private static async Task ExportOfTheRaadslidAsync(DemoAppFixture demo)
    {
        Guid raadslid;
        await using (var scope = demo.App.Services.CreateAsyncScope())
        {
            var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<Wijkaanpak.Data.WijkaanpakDbContext>>();
            await using var db = await factory.CreateDbContextAsync();
            raadslid = (await db.Users.SingleAsync(user => user.Email == DemoAppFixture.DemoAccounts[Actor.Raadslid])).Id;
        }

        var path = new Uri(PrivacyEndpoints.ExportPath(raadslid), UriKind.Relative);
        var asBeheerder = await (await demo.ClientForAsync(Actor.Beheerder)).GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, asBeheerder.StatusCode);
        Assert.Equal("application/json", asBeheerder.Content.Headers.ContentType!.MediaType);
        Assert.Contains(DemoAppFixture.DemoAccounts[Actor.Raadslid], await asBeheerder.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (var actor in new[] { Actor.Programmabureau, Actor.Alliantiepartner, Actor.Raadslid })
        {
            var refused = await (await demo.ClientForAsync(actor)).GetAsync(path);
            Assert.True(refused.StatusCode is HttpStatusCode.Forbidden || refused.Headers.Location?.OriginalString.Contains("/geen-toegang", StringComparison.Ordinal) == true, $"{actor}: {refused.StatusCode}");
        }

        var anonymous = await (await demo.ClientForAsync(Actor.Anonymous)).GetAsync(path);
        Assert.Contains("/inloggen", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>
    /// Programme P; the subject, programme bureau staff of P, also representative of an organisation,
    /// who answered and signed a checklist, recorded a story through the service (audited) and told another.
    /// </summary>
    private async Task<World> ArrangeAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var programme = Programme.Create(new ProgrammeDetails("P", "Gemeente", ["WK036301"], UrgencyKind.Acuut, new DateOnly(2025, 1, 1), 15, null), now);
        var organisation = Organisation.Create($"Bewonersorganisatie {Guid.NewGuid():N}", OrganisationType.Bewonersorganisatie, now);
        await using (var db = App.Database.CreateContext())
        {
            db.AddRange(programme, organisation);
            await db.SaveChangesAsync();
        }

        var created = await App.CreateUserAsync(Role.Programmabureau, organisation.Id.Value, programme.Id);
        var subject = created with { DisplayName = SubjectName };
        var email = $"fatima-{Guid.NewGuid():N}@test.example";
        var subjectRef = new UserRef(subject.UserId!.Value, SubjectName);
        await using (var db = App.Database.CreateContext())
        {
            var user = await db.Users.SingleAsync(candidate => candidate.Id == subject.UserId);
            user.DisplayName = SubjectName;
            user.Email = email;
            user.NormalizedEmail = email.ToUpperInvariant();
            user.PhoneNumber = "06-12345678";
            var stored = await db.Organisations.Include(candidate => candidate.Representatives).SingleAsync(candidate => candidate.Id == organisation.Id);
            stored.AddRepresentative(new RepresentativeDetails(SubjectName, "Voorzitter", email, "06-12345678", subject.UserId), now);
            var template = await db.ChecklistTemplates.SingleAsync(candidate => candidate.Id == ChecklistSeed.FirstVersionIdOf("7.1"));
            var checklist = ProgrammeChecklist.Start(programme, template, now);
            checklist.Answer(template.Questions[0].Key, AnswerStatus.Ja, "Loopt.", null, subjectRef, now);
            checklist.SignOff(new Signatory(subjectRef, organisation.Id), organisation.Id, organisation.Name, new HashSet<OrganisationId> { organisation.Id }, checklist.ContentRevision, "Akkoord.", now);
            var opgave = Opgave.Name(programme.Id, OpgaveDomain.Wonen, "Speelruimte", null, []);
            opgave.AddStory(new StoryInput("wijkagent", new DateOnly(2024, 3, 1), StoryMethod.Interview, "Jongeren hangen bij de winkels.", null), DateOnly.FromDateTime(now.UtcDateTime), new UserRef(Guid.CreateVersion7(), "Iemand anders"), now);
            db.AddRange(checklist, opgave);
            await db.SaveChangesAsync();
        }

        // Through the service, so that the audit trail holds the subject's name as actor and in the story's JSON.
        await using (var scope = App.ScopeFor(subject))
        {
            var opgaven = App.ServiceFor<OpgaveService>(scope);
            var opgave = (await opgaven.GetAsync(programme.Id)).Value!.Opgaven.Single();
            var added = await opgaven.AddStoryAsync(programme.Id, opgave.Id, new StoryEditModel
            {
                Teller = $"{SubjectName}, bewoner van de Westwijk",
                ToldOn = new DateTime(2024, 5, 1),
                Method = StoryMethod.Straatgesprek,
                Text = "Te weinig speelplekken.",
                Version = opgave.Version,
            });
            Assert.True(added.IsOk, added.Message);
        }

        return new World(programme.Id, organisation.Id, subject, email, await App.CreateUserAsync(Role.Beheerder));
    }

    private sealed record World(ProgrammeId Programme, OrganisationId Organisation, CurrentUser Subject, string SubjectEmail, CurrentUser Administrator);
}
