using System.Diagnostics;
using Microsoft.JSInterop;

namespace Wijkaanpak.Web.Shared.Forms;

/// <summary>
/// Asks once, in Dutch, whether the user wants to leave a page with input that is not saved. A page
/// can hold several guarded forms (a checklist has a form per question); Blazor asks each of their
/// navigation locks, so the first one asks the user and the others take the same answer.
/// </summary>
public sealed class LeavingConfirmation(IJSRuntime js)
{
    public const string Question =
        "U hebt iets ingevuld dat nog niet is opgeslagen. Als u deze pagina nu verlaat, gaat dat verloren. Wilt u de pagina toch verlaten?";

    /// <summary>
    /// The other guards of the same navigation ask right after the user answered (they wait for the
    /// first); a click after this time is a new question, even to the same address.
    /// </summary>
    private static readonly TimeSpan SameNavigation = TimeSpan.FromMilliseconds(500);

    private readonly SemaphoreSlim _oneQuestion = new(1, 1);
    private (string Target, bool Leave, long AnsweredAt)? _lastAnswer;

    public async Task<bool> MayLeaveAsync(string target, CancellationToken cancellationToken)
    {
        await _oneQuestion.WaitAsync(cancellationToken);
        try
        {
            if (_lastAnswer is { } last && last.Target == target && Stopwatch.GetElapsedTime(last.AnsweredAt) < SameNavigation)
            {
                return last.Leave;
            }

            var leave = await js.InvokeAsync<bool>("confirm", cancellationToken, Question);
            // Real elapsed time, not the app's clock: this is about two handlers of one click, not about dates.
            _lastAnswer = (target, leave, Stopwatch.GetTimestamp());
            return leave;
        }
        finally
        {
            _oneQuestion.Release();
        }
    }
}
