using Wijkaanpak.Data.Seeding;
using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.TestSupport;
using Wijkaanpak.Web.Features.Checklists;
using Wijkaanpak.Web.Shared;

namespace Wijkaanpak.Integration.Tests.Checklists;

internal static class ChecklistTestData
{
    /// <summary>A programme in Oriënteren, cycle 1, stored directly (its creation is not under test here).</summary>
    public static async Task<ProgrammeId> CreateProgrammeAsync(AppFixture app)
    {
        var programme = Programme.Create(
            new ProgrammeDetails($"Zuidwest {Guid.NewGuid():N}"[..20], "Den Haag", ["WK051841"], UrgencyKind.Meervoudig, new DateOnly(2025, 3, 1), 15, null),
            DateTimeOffset.UtcNow);
        await using var db = app.Database.CreateContext();
        db.Programmes.Add(programme);
        await db.SaveChangesAsync();
        return programme.Id;
    }

    public static ChecklistTemplateId SeededTemplateOf(string buildingBlockCode) => ChecklistSeed.FirstVersionIdOf(buildingBlockCode);

    /// <summary>Answers one question on the checklist as the service's user sees it now; returns the new version.</summary>
    public static async Task<uint> AnswerAsync(ChecklistService service, ProgrammeId programme, string block, string key, AnswerStatus status, string explanation = "")
    {
        var opened = (await service.GetChecklistAsync(programme, block)).Value!;
        var saved = await service.AnswerAsync(programme, block, new AnswerEditModel { QuestionKey = key, Status = status, Explanation = explanation, Version = opened.Version });
        Assert.True(saved.Status == ResultStatus.Ok, saved.Message);
        return saved.Value!.Version;
    }
}
