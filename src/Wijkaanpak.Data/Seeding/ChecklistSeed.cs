using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Process;

namespace Wijkaanpak.Data.Seeding;

/// <summary>
/// Version 1 of the nineteen checklist templates, read from the embedded <c>Seed/checklists.nl.json</c>
/// and built with <see cref="ChecklistTemplate.CreateFirstVersion"/>, so the seed passes the same rules as
/// a Beheerder's edit. The <c>SeedChecklistTemplates</c> migration inserts them; once a database has them,
/// changes go through new template versions, never through this file (a test pins its content).
/// </summary>
public static class ChecklistSeed
{
    public const string ResourceName = "Wijkaanpak.Data.Seed.checklists.nl.json";

    /// <summary>A fixed moment, so that the migration inserts the same rows on every database.</summary>
    public static readonly DateTimeOffset SeededAt = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions ReadOptions = new() { PropertyNameCaseInsensitive = true };

    // Readable in the database; the JSON is stored as jsonb, so escaping does not change the value.
    private static readonly JsonSerializerOptions WriteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The fixed id of version 1 of a block's template: the block's section numbers as digits,
    /// e.g. 4.1 → <c>00000000-0000-0000-0001-000000000401</c>, 5.4-5.5 → <c>…-0001-000005040505</c>
    /// (the fourth group is the version). Fixed so that the migration is reproducible and every
    /// database knows the seeded versions by the same id.
    /// </summary>
    public static ChecklistTemplateId FirstVersionIdOf(string buildingBlockCode)
    {
        ArgumentNullException.ThrowIfNull(buildingBlockCode);
        var digits = string.Concat(buildingBlockCode
            .Split(['.', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Select(part => int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture).ToString("00", CultureInfo.InvariantCulture)));
        return new ChecklistTemplateId(Guid.Parse($"00000000-0000-0000-0001-{digits.PadLeft(12, '0')}"));
    }

    /// <summary>Every checklist of the seed file as version 1, in the order of the process model.</summary>
    public static IReadOnlyList<SeededTemplate> FirstVersions()
    {
        var file = JsonSerializer.Deserialize<SeedFile>(ReadResource(), ReadOptions)
            ?? throw new InvalidOperationException($"{ResourceName} is leeg.");
        return file.Checklists
            .Select(checklist =>
            {
                var template = ChecklistTemplate.CreateFirstVersion(
                    checklist.Code,
                    checklist.Title,
                    checklist.Purpose,
                    checklist.SourceSection,
                    checklist.Questions.Select(question => new QuestionDraft(question.Key, question.Text, question.Help)),
                    SeededAt);
                if (template.BuildingBlock.Phase.ToString() != checklist.Phase)
                {
                    throw new InvalidOperationException($"Checklist {checklist.Code} staat in {ResourceName} bij fase {checklist.Phase}, het procesmodel zegt {template.BuildingBlock.Phase}.");
                }

                return new SeededTemplate(FirstVersionIdOf(template.BuildingBlockCode), template);
            })
            .OrderBy(seeded => ProcessModel.BuildingBlocks.ToList().FindIndex(block => block.Code == seeded.Template.BuildingBlockCode))
            .ToList();
    }

    /// <summary>
    /// The questions in the JSON shape EF Core writes for the <c>questions</c> complex collection
    /// (checked by the migration tests, which read the seeded rows back through EF Core).
    /// </summary>
    public static string QuestionsJson(ChecklistTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return JsonSerializer.Serialize(
            template.Questions.Select(question => new Dictionary<string, object>
            {
                [nameof(ChecklistQuestion.Key)] = question.Key,
                [nameof(ChecklistQuestion.Text)] = question.Text,
                [nameof(ChecklistQuestion.Help)] = question.Help,
                [nameof(ChecklistQuestion.Position)] = question.Position,
            }),
            WriteOptions);
    }

    /// <summary>SHA-256 of the seed file with Unix line endings, so a Windows checkout hashes the same.</summary>
    public static string ContentHash() =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ReadResource().ReplaceLineEndings("\n"))));

    private static string ReadResource()
    {
        using var stream = typeof(ChecklistSeed).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} ontbreekt in {typeof(ChecklistSeed).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private sealed record SeedFile(IReadOnlyList<SeedChecklist> Checklists);

    private sealed record SeedChecklist(string Code, string Phase, string Title, string Purpose, string SourceSection, IReadOnlyList<SeedQuestion> Questions);

    private sealed record SeedQuestion(string? Key, string Text, string? Help);
}

/// <summary>A seeded first version and the fixed id it is stored under (its own <c>Id</c> is a fresh one).</summary>
public sealed record SeededTemplate(ChecklistTemplateId Id, ChecklistTemplate Template);
