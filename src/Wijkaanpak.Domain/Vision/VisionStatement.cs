using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Domain.Vision;

/// <summary>
/// The shared vision of a programme (§5.2): the mission, the ambitions and sub-ambitions, and per
/// ambition the goals that make it concrete, each goal with the indicators (output and outcome)
/// that show whether it is reached. With the interventions that serve the ambitions this is the
/// theory of change: ambition → goals → interventions → indicators.
/// </summary>
public sealed class VisionStatement
{
    public const int MissionMaxLength = 4000;

    private readonly List<Ambition> _ambitions = [];

    private VisionStatement() => Mission = string.Empty;

    public Guid Id { get; private set; }

    public ProgrammeId ProgrammeId { get; private set; }

    public string Mission { get; private set; }

    public IReadOnlyList<Ambition> Ambitions => _ambitions.OrderBy(ambition => ambition.Position).ToList();

    public DateTimeOffset LastChangedAt { get; private set; }

    public uint Version { get; private set; }

    public static VisionStatement Write(ProgrammeId programmeId, string? mission, DateTimeOffset now)
    {
        var vision = new VisionStatement { Id = Guid.CreateVersion7(), ProgrammeId = programmeId };
        vision.ChangeMission(mission, now);
        return vision;
    }

    public void ChangeMission(string? mission, DateTimeOffset now)
    {
        Mission = Guard.OptionalText(mission, MissionMaxLength, "MissionTooLong", "De missie");
        LastChangedAt = now;
    }

    /// <summary>Adds an ambition, or a sub-ambition under <paramref name="parentId"/> (one level deep, as in the handbook's examples).</summary>
    public Ambition AddAmbition(string title, string? description, Guid? parentId, IEnumerable<Guid> opgaveIds, DateTimeOffset now)
    {
        if (parentId is { } parent && Find(parent) is { ParentId: not null })
        {
            throw new DomainRuleException("SubAmbitionOneLevel", "Een subambitie hoort onder een ambitie, niet onder een andere subambitie.");
        }

        if (parentId is { } missing && Find(missing) is null)
        {
            throw new DomainRuleException("AmbitionMustExist", "Deze ambitie bestaat niet (meer).");
        }

        var ambition = new Ambition(title, description, parentId, opgaveIds, _ambitions.Count + 1);
        _ambitions.Add(ambition);
        LastChangedAt = now;
        return ambition;
    }

    public void ChangeAmbition(Guid ambitionId, string title, string? description, IEnumerable<Guid> opgaveIds, DateTimeOffset now)
    {
        Get(ambitionId).Change(title, description, opgaveIds);
        LastChangedAt = now;
    }

    public Goal AddGoal(Guid ambitionId, string text, IEnumerable<IndicatorId> indicators, DateTimeOffset now)
    {
        var goal = Get(ambitionId).AddGoal(text, indicators);
        LastChangedAt = now;
        return goal;
    }

    public Ambition? Find(Guid ambitionId) => _ambitions.SingleOrDefault(ambition => ambition.Id == ambitionId);

    public IReadOnlyList<Ambition> SubAmbitionsOf(Guid ambitionId) => Ambitions.Where(ambition => ambition.ParentId == ambitionId).ToList();

    private Ambition Get(Guid ambitionId) =>
        Find(ambitionId) ?? throw new DomainRuleException("AmbitionMustExist", "Deze ambitie bestaat niet (meer).");
}

/// <summary>What the alliance wants to achieve; a sub-ambition has a parent.</summary>
public sealed class Ambition
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;

    private readonly List<Guid> _opgaveIds = [];
    private readonly List<Goal> _goals = [];

    private Ambition()
    {
        Title = string.Empty;
        Description = string.Empty;
    }

    internal Ambition(string title, string? description, Guid? parentId, IEnumerable<Guid> opgaveIds, int position)
        : this()
    {
        Id = Guid.CreateVersion7();
        ParentId = parentId;
        Position = position;
        Change(title, description, opgaveIds);
    }

    public Guid Id { get; private set; }

    public Guid? ParentId { get; private set; }

    public int Position { get; private set; }

    public string Title { get; private set; }

    public string Description { get; private set; }

    /// <summary>The issues in the area this ambition answers.</summary>
    public IReadOnlyList<Guid> OpgaveIds => _opgaveIds;

    public IReadOnlyList<Goal> Goals => _goals;

    internal void Change(string title, string? description, IEnumerable<Guid> opgaveIds)
    {
        ArgumentNullException.ThrowIfNull(opgaveIds);
        Title = Guard.RequiredText(title, TitleMaxLength, "AmbitionTitleRequired", "De ambitie");
        Description = Guard.OptionalText(description, DescriptionMaxLength, "AmbitionDescriptionTooLong", "De toelichting");
        _opgaveIds.Clear();
        _opgaveIds.AddRange(opgaveIds.Distinct());
    }

    internal Goal AddGoal(string text, IEnumerable<IndicatorId> indicators)
    {
        var goal = new Goal(text, indicators);
        _goals.Add(goal);
        return goal;
    }
}

/// <summary>A concrete goal under an ambition, with the indicators that show whether it is reached.</summary>
public sealed class Goal
{
    public const int TextMaxLength = 1000;

    private Goal()
    {
        Text = string.Empty;
        IndicatorIds = [];
    }

    internal Goal(string text, IEnumerable<IndicatorId> indicators)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        Id = Guid.CreateVersion7();
        Text = Guard.RequiredText(text, TextMaxLength, "GoalTextRequired", "Het doel");
        IndicatorIds = indicators.Select(indicator => indicator.Value).Distinct().ToList();
    }

    public Guid Id { get; private set; }

    public string Text { get; private set; }

    public List<Guid> IndicatorIds { get; private set; }
}
