using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Domain.Vision;

/// <summary>The life domains an issue in the area belongs to (§4.2).</summary>
public enum OpgaveDomain
{
    Armoede = 1,
    Werk,
    Onderwijs,
    Gezondheid,
    Veiligheid,
    Wonen,
    SocialeSamenhang,
    Overig,
}

/// <summary>How a story was gathered (§4.2: vertellen).</summary>
public enum StoryMethod
{
    Interview = 1,
    Straatgesprek,
    Storytelling,
    Wijksafari,
    Focusgroep,
    Enquete,
    Overig,
}

/// <summary>
/// An issue in the area (§4.2), backed by figures (tellen: the indicators that show it) and by
/// stories and interpretations of residents and professionals (vertellen).
/// </summary>
public sealed class Opgave
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;

    private readonly List<Guid> _indicatorIds = [];
    private readonly List<Story> _stories = [];

    private Opgave()
    {
        Title = string.Empty;
        Description = string.Empty;
    }

    public Guid Id { get; private set; }

    public ProgrammeId ProgrammeId { get; private set; }

    public OpgaveDomain Domain { get; private set; }

    public string Title { get; private set; }

    public string Description { get; private set; }

    /// <summary>Tellen: the indicators whose figures show this issue.</summary>
    public IReadOnlyList<Guid> IndicatorIds => _indicatorIds;

    /// <summary>Vertellen: what residents and professionals said about it, oldest first.</summary>
    public IReadOnlyList<Story> Stories => _stories.OrderBy(story => story.ToldOn).ToList();

    public uint Version { get; private set; }

    public static Opgave Name(ProgrammeId programmeId, OpgaveDomain domain, string title, string? description, IEnumerable<IndicatorId> indicators)
    {
        var opgave = new Opgave { Id = Guid.CreateVersion7(), ProgrammeId = programmeId };
        opgave.Change(domain, title, description, indicators);
        return opgave;
    }

    public void Change(OpgaveDomain domain, string title, string? description, IEnumerable<IndicatorId> indicators)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        if (!Enum.IsDefined(domain))
        {
            throw new DomainRuleException("OpgaveDomainKnown", "Kies het domein van de opgave.");
        }

        Domain = domain;
        Title = Guard.RequiredText(title, TitleMaxLength, "OpgaveTitleRequired", "De naam van de opgave");
        Description = Guard.OptionalText(description, DescriptionMaxLength, "OpgaveDescriptionTooLong", "De omschrijving");
        _indicatorIds.Clear();
        _indicatorIds.AddRange(indicators.Select(indicator => indicator.Value).Distinct());
    }

    /// <summary>
    /// Adds a story. Stories are not held to the programme's start: like a baseline, what residents
    /// and professionals told is often gathered while orienting, before the approach starts (§4.2).
    /// But a story has been told: not after <paramref name="today"/>.
    /// </summary>
    public Story AddStory(StoryInput input, DateOnly today, UserRef recordedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.ToldOn > today || input.ToldOn < Programme.EarliestStartDate)
        {
            throw new DomainRuleException(
                DateRules.StoryNotInFuture,
                $"De datum van het verhaal ligt niet in de toekomst en niet vóór {Programme.EarliestStartDate.Year}.");
        }

        var story = new Story(input, recordedBy, now);
        _stories.Add(story);
        return story;
    }
}

/// <summary>One story or interpretation behind an opgave: who told it, when, how it was gathered.</summary>
public sealed class Story
{
    public const int TellerMaxLength = 200;
    public const int TextMaxLength = 8000;

    private Story()
    {
        Teller = string.Empty;
        Text = string.Empty;
        Interpretation = string.Empty;
        RecordedBy = null!;
    }

    internal Story(StoryInput input, UserRef recordedBy, DateTimeOffset now)
        : this()
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Enum.IsDefined(input.Method))
        {
            throw new DomainRuleException("StoryMethodKnown", "Kies hoe het verhaal is opgehaald.");
        }

        Id = Guid.CreateVersion7();
        Teller = Guard.RequiredText(input.Teller, TellerMaxLength, "StoryTellerRequired", "Wie het vertelde");
        ToldOn = input.ToldOn;
        Method = input.Method;
        Text = Guard.RequiredText(input.Text, TextMaxLength, "StoryTextRequired", "Het verhaal");
        Interpretation = Guard.OptionalText(input.Interpretation, TextMaxLength, "StoryInterpretationTooLong", "De duiding");
        RecordedBy = recordedBy;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>Who told it, as a role or with consent a name: "bewoner Oostwijk, moeder van drie".</summary>
    public string Teller { get; private set; }

    public DateOnly ToldOn { get; private set; }

    public StoryMethod Method { get; private set; }

    public string Text { get; private set; }

    public string Interpretation { get; private set; }

    public UserRef RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}

public sealed record StoryInput(string Teller, DateOnly ToldOn, StoryMethod Method, string Text, string? Interpretation);
