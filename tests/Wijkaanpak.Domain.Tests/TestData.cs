using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Decisions;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Domain.Tests;

/// <summary>Values the process-model tests share: a programme, people, templates and decisions that pass every rule.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 11, 25);

    public static readonly UserRef Staff = new(Guid.Parse("0190a000-0000-7000-8000-000000000001"), "Pim van het programmabureau");
    public static readonly UserRef Partner = new(Guid.Parse("0190a000-0000-7000-8000-000000000002"), "Wendy van de woningcorporatie");

    public static readonly Guid Municipality = Guid.Parse("0190a000-0000-7000-8000-0000000000a1");
    public static readonly Guid Corporation = Guid.Parse("0190a000-0000-7000-8000-0000000000a2");

    public static readonly Completion CompleteOrienteren = new(25, 25);

    /// <summary>A programme running since 2020 until 2040, on <see cref="Today"/>: for tests whose dates are not the point.</summary>
    public static readonly ProgrammeCalendar Calendar = new(new DateOnly(2020, 1, 1), new DateOnly(2040, 1, 1), Today);

    public static Programme NewProgramme() => Programme.Create(
        new ProgrammeDetails("Samen Sterk Zuidwest", "Den Haag", ["WK051841"], UrgencyKind.Meervoudig, new DateOnly(2025, 1, 1), 15, null),
        Now);

    public static ChecklistTemplate Template(string code = "4.1", int questions = 3) =>
        ChecklistTemplate.CreateFirstVersion(
            code,
            $"Checklist {code}",
            "Waar deze checklist bij helpt.",
            "§" + code,
            Enumerable.Range(1, questions).Select(number => new QuestionDraft($"{code}-{number:00}", $"Vraag {number} van {code}?", $"Hulp bij vraag {number}.")),
            Now);

    public static GoNoGoDecisionInput Go() => new(
        GoNoGoOutcome.Go,
        Today,
        "Alliantiebestuur",
        "Gemeente en partners zien dezelfde opgaven en willen er samen jaren aan werken.",
        NextSteps: "Alliantie vormen, visie opstellen, middelen zoeken.");

    public static GoNoGoDecisionInput NoGo() => new(
        GoNoGoOutcome.NoGo,
        Today,
        "College van B en W",
        "De opgaven vragen geen langjarige integrale aanpak.",
        AlternativeMeasures: AlternativeMeasures.IntensifySocialManagement | AlternativeMeasures.CommunityBuilding,
        WatchArrangement: "De gemeente volgt de wijkmonitor jaarlijks en bespreekt die met de partners.");

    public static IReadOnlyList<ConsiderationInput> AllYes() =>
        Enum.GetValues<GoNoGoQuestion>().Select(question => new ConsiderationInput(question, AnswerStatus.Ja, "Past bij ons.")).ToList();

    public static PhaseMoveInput MoveTo(Phase phase) => new(phase, "Het werk van de vorige fase is rond.", Today, "Alliantiebestuur");

    public static Programme ProgrammeWithGo()
    {
        var programme = NewProgramme();
        programme.RecordGoNoGoDecision(Go(), CompleteOrienteren, Staff, Now);
        return programme;
    }

    public static Programme ProgrammeInUitvoeren()
    {
        var programme = ProgrammeWithGo();
        programme.MoveToPhase(MoveTo(Phase.UitvoerenEnHerijken), Staff, Now);
        return programme;
    }

    public static HerijkingInput Herijking(params string[] blocks) => new(
        "Het uitvoeringsprogramma loopt af; de opgaven zijn verschoven.",
        blocks,
        Today,
        "Alliantiebestuur");

    public static string Rule(Action act) => Assert.Throws<DomainRuleException>(act).Rule;
}
