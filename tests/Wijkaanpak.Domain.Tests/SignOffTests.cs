using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Organisations;
using static Wijkaanpak.Domain.Tests.TestData;

namespace Wijkaanpak.Domain.Tests;

public sealed class SignOffTests
{
    private static readonly OrganisationId CorporationId = new(Corporation);
    private static readonly OrganisationId MunicipalityId = new(Municipality);
    private static readonly IReadOnlySet<OrganisationId> Members = new HashSet<OrganisationId> { CorporationId, MunicipalityId };
    private static readonly Signatory CorporationSigner = new(Partner, CorporationId);

    private static ProgrammeChecklist Answered()
    {
        var checklist = ProgrammeChecklist.Start(NewProgramme(), Template("5.1", 2), Now);
        checklist.Answer("5.1-01", AnswerStatus.Ja, "Alle kernpartners doen mee.", null, Staff, Now);
        return checklist;
    }

    [Fact]
    public void SignOff_ForOwnOrganisation_IsSignedAtTheCurrentRevision()
    {
        var checklist = Answered();

        var signOff = checklist.SignOff(CorporationSigner, CorporationId, "Woonstichting", Members, checklist.ContentRevision, "Akkoord.", Now);

        Assert.Equal(checklist.ContentRevision, signOff.SignedRevision);
        Assert.Equal("Akkoord.", signOff.Remark);
        Assert.Equal(SignOffState.Signed, checklist.SignOffStateOf(CorporationId));
        Assert.Equal(SignOffState.Expected, checklist.SignOffStateOf(MunicipalityId));
    }

    [Fact]
    public void SignOff_ForAnotherOrganisation_IsRefused()
    {
        var checklist = Answered();

        Assert.Equal("SignOnlyForOwnOrganisation", Rule(() => checklist.SignOff(CorporationSigner, MunicipalityId, "Gemeente", Members, checklist.ContentRevision, null, Now)));
        Assert.Empty(checklist.SignOffs);
    }

    [Fact]
    public void SignOff_WithoutAnOrganisation_IsRefused()
    {
        var checklist = Answered();

        Assert.Equal("SignOnlyForOwnOrganisation", Rule(() => checklist.SignOff(new Signatory(Partner, null), CorporationId, "Woonstichting", Members, checklist.ContentRevision, null, Now)));
    }

    [Fact]
    public void SignOff_ByAnOrganisationOutsideTheAlliance_IsRefused()
    {
        var checklist = Answered();
        var outsider = new OrganisationId(Guid.CreateVersion7());

        Assert.Equal("SignatoryMustBeAllianceMember", Rule(() => checklist.SignOff(new Signatory(Partner, outsider), outsider, "Buitenstaander", Members, checklist.ContentRevision, null, Now)));
    }

    [Fact]
    public void Answer_AfterASignature_OutdatesItAndKeepsItInTheHistory()
    {
        var checklist = Answered();
        var signOff = checklist.SignOff(CorporationSigner, CorporationId, "Woonstichting", Members, checklist.ContentRevision, null, Now);

        checklist.Answer("5.1-02", AnswerStatus.Deels, "Bewoners nog niet.", null, Staff, Now.AddHours(1));

        Assert.True(checklist.IsOutdated(signOff));
        Assert.Equal(SignOffState.Outdated, checklist.SignOffStateOf(CorporationId));
        Assert.Same(signOff, Assert.Single(checklist.SignOffs));
    }

    [Fact]
    public void Answer_TheSameAgain_LeavesTheSignatureValid()
    {
        var checklist = Answered();
        checklist.SignOff(CorporationSigner, CorporationId, "Woonstichting", Members, checklist.ContentRevision, null, Now);

        checklist.Answer("5.1-01", AnswerStatus.Ja, "Alle kernpartners doen mee.", null, Staff, Now.AddHours(1));

        Assert.Equal(SignOffState.Signed, checklist.SignOffStateOf(CorporationId));
    }

    [Fact]
    public void SignOff_AgainAfterAnOutdate_AddsANewSignatureNextToTheOldOne()
    {
        var checklist = Answered();
        checklist.SignOff(CorporationSigner, CorporationId, "Woonstichting", Members, checklist.ContentRevision, null, Now);
        checklist.Answer("5.1-02", AnswerStatus.Nee, null, null, Staff, Now.AddHours(1));

        checklist.SignOff(CorporationSigner, CorporationId, "Woonstichting", Members, checklist.ContentRevision, "Opnieuw akkoord.", Now.AddHours(2));

        Assert.Equal(2, checklist.SignOffs.Count);
        Assert.Equal(SignOffState.Signed, checklist.SignOffStateOf(CorporationId));
        Assert.True(checklist.IsOutdated(checklist.SignOffs[0]));
    }

    [Fact]
    public void SignOff_TwiceForTheSameRevision_IsRefused()
    {
        var checklist = Answered();
        checklist.SignOff(CorporationSigner, CorporationId, "Woonstichting", Members, checklist.ContentRevision, null, Now);

        Assert.Equal("AlreadySigned", Rule(() => checklist.SignOff(CorporationSigner, CorporationId, "Woonstichting", Members, checklist.ContentRevision, null, Now)));
    }

    [Fact]
    public void SignOff_OfAStandTheSignerDidNotSee_IsRefused()
    {
        var checklist = Answered();
        var seen = checklist.ContentRevision;
        checklist.Answer("5.1-02", AnswerStatus.Ja, null, null, Staff, Now.AddMinutes(5));

        Assert.Equal("SignWhatYouReviewed", Rule(() => checklist.SignOff(CorporationSigner, CorporationId, "Woonstichting", Members, seen, null, Now)));
    }

    [Fact]
    public void SignOff_OfAnUnansweredChecklist_IsRefused()
    {
        var checklist = ProgrammeChecklist.Start(NewProgramme(), Template("5.1", 2), Now);

        Assert.Equal("NothingToSign", Rule(() => checklist.SignOff(CorporationSigner, CorporationId, "Woonstichting", Members, 0, null, Now)));
    }
}
