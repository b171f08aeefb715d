namespace Wijkaanpak.Web.Shared;

public enum ResultStatus
{
    Ok,
    Invalid,
    Conflict,
    NotFound,
    Forbidden,
    RuleBroken,
}

/// <summary>
/// What a feature service tells a page: the outcomes a page must handle, never an exception.
/// <see cref="Errors"/> holds Dutch messages per edit-model property for <see cref="ResultStatus.Invalid"/>;
/// <see cref="Message"/> the Dutch explanation of the other failures.
/// </summary>
public class Result
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    protected Result(ResultStatus status, string? message, IReadOnlyDictionary<string, string[]>? errors, IReadOnlyList<FieldDifference>? differences = null)
    {
        Status = status;
        Message = message;
        Errors = errors ?? NoErrors;
        Differences = differences ?? [];
    }

    public ResultStatus Status { get; }

    public string? Message { get; }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>For a <see cref="ResultStatus.Conflict"/>: what the other person saved, field by field, next to this user's input.</summary>
    public IReadOnlyList<FieldDifference> Differences { get; }

    public bool IsOk => Status == ResultStatus.Ok;

    public static Result Ok() => new(ResultStatus.Ok, null, null);

    public static Result Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(ResultStatus.Invalid, "Niet alle velden zijn goed ingevuld.", errors);

    public static Result Conflict(string message, IReadOnlyList<FieldDifference>? differences = null) =>
        new(ResultStatus.Conflict, message, null, differences);

    public static Result NotFound(string message) => new(ResultStatus.NotFound, message, null);

    /// <summary>The programme asked for does not exist (any more): the same words in every feature.</summary>
    public static Result ProgrammeNotFound() => NotFound(ProgrammeNotFoundMessage);

    public const string ProgrammeNotFoundMessage = "Dit programma bestaat niet (meer).";

    public static Result Forbidden() => new(ResultStatus.Forbidden, "U hebt geen recht om dit te doen.", null);

    public static Result RuleBroken(string message) => new(ResultStatus.RuleBroken, message, null);

    /// <summary>Carries a failure over to a result of another value type.</summary>
    public Result<T> As<T>() => IsOk
        ? throw new InvalidOperationException("Een geslaagd resultaat heeft een waarde nodig.")
        : new Result<T>(Status, default, Message, Errors, Differences);
}

public sealed class Result<T> : Result
{
    internal Result(ResultStatus status, T? value, string? message, IReadOnlyDictionary<string, string[]>? errors, IReadOnlyList<FieldDifference>? differences = null)
        : base(status, message, errors, differences) => Value = value;

    public T? Value { get; }

    public static Result<T> Ok(T value) => new(ResultStatus.Ok, value, null, null);

    public static implicit operator Result<T>(T value) => Ok(value);
}

/// <summary>One field on which a stored record and a user's edit disagree.</summary>
public sealed record FieldDifference(string Field, string Label, string Stored, string Yours);
