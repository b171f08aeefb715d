using System.Text.Json;
using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Process;

namespace Wijkaanpak.Domain.Tests;

/// <summary>The seed file must fit the model's rules, or seeding the first template versions would fail at start-up.</summary>
public sealed class SeedChecklistsTests
{
    [Fact]
    public void CreateFirstVersion_ForEveryChecklistOfTheSeedFile_AcceptsTheHandbookChecklists()
    {
        using var seed = JsonDocument.Parse(File.ReadAllText(SeedFile()));

        var templates = seed.RootElement.GetProperty("checklists").EnumerateArray()
            .Select(checklist => ChecklistTemplate.CreateFirstVersion(
                checklist.GetProperty("code").GetString()!,
                checklist.GetProperty("title").GetString()!,
                checklist.GetProperty("purpose").GetString()!,
                checklist.GetProperty("sourceSection").GetString()!,
                checklist.GetProperty("questions").EnumerateArray().Select(question => new QuestionDraft(
                    question.GetProperty("key").GetString(),
                    question.GetProperty("text").GetString()!,
                    question.GetProperty("help").GetString())),
                TestData.Now))
            .ToList();

        Assert.Equal(
            ProcessModel.BuildingBlocks.Where(block => block.HasChecklist).Select(block => block.Code),
            templates.Select(template => template.BuildingBlockCode));
        Assert.All(templates, template => Assert.InRange(template.Questions.Count, 2, 10));
    }

    private static string SeedFile()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Wijkaanpak.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return Path.Combine(directory.FullName, "src", "Wijkaanpak.Data", "Seed", "checklists.nl.json");
    }
}
