using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace ActionAgent.Browser.Internal;

/// <summary>
/// Handles JavaScript dialogs. A dialog raised while an approved action runs is answered at once as the action says
/// (<see cref="BrowserAction.OnDialog"/>: accepted unless it asks to dismiss; leaving it open would block the page) and
/// reported in the outcome. A dialog that opens on its own is kept open so the next observation shows it and the
/// decider answers it (Enter accepts, Escape dismisses).
/// </summary>
internal sealed class DialogTracker(ILogger logger)
{
    private readonly Lock gate = new();
    private readonly List<AnsweredDialog> handled = [];
    private int actionDepth;
    private DialogReply reply = DialogReply.Ok;
    private string? replyText;
    private IDialog? pending;
    private TaskCompletionSource opened = NewSignal();

    /// <summary>The dialog that is open and waiting for an answer, if any.</summary>
    public IDialog? Pending
    {
        get
        {
            lock (gate)
            {
                return pending;
            }
        }
    }

    /// <summary>Completes when a dialog opens outside an action (operations on the page would block until it is answered).</summary>
    public Task Opened
    {
        get
        {
            lock (gate)
            {
                return opened.Task;
            }
        }
    }

    public static string Describe(IDialog dialog) => $"{dialog.Type} \"{dialog.Message}\"";

    public void OnDialog(IDialog dialog)
    {
        bool during;
        DialogReply answer;
        string? text;
        lock (gate)
        {
            during = actionDepth > 0;
            answer = reply;
            text = dialog.Type == DialogType.Prompt && answer.Accept ? replyText ?? dialog.DefaultValue : null;
            if (during)
            {
                // What was typed is recorded as the action wrote it (a secret stays a reference).
                handled.Add(new AnsweredDialog(dialog.Type, dialog.Message, answer.Accept,
                    dialog.Type == DialogType.Prompt && answer.Accept ? answer.Text ?? dialog.DefaultValue : null));
            }
            else
            {
                pending = dialog;
                opened.TrySetResult();
            }
        }

        if (during)
        {
            logger.LogInformation("{Answer} {DialogType} dialog raised by the action", answer.Accept ? "Accepting" : "Dismissing", dialog.Type);
            _ = AnswerQuietlyAsync(dialog, answer.Accept, text);
        }
        else
        {
            logger.LogInformation("A {DialogType} dialog opened on its own; the next observation reports it", dialog.Type);
        }
    }

    /// <summary>
    /// Starts an action: dialogs it raises are answered as <paramref name="answer"/> says (accepted when null) and
    /// collected; <paramref name="resolvedText"/> is the prompt text with its secrets filled in.
    /// </summary>
    public void BeginAction(DialogReply? answer = null, string? resolvedText = null)
    {
        lock (gate)
        {
            actionDepth++;
            handled.Clear();
            reply = answer ?? DialogReply.Ok;
            replyText = resolvedText ?? reply.Text;
        }
    }

    /// <summary>Ends an action and returns the dialogs it raised.</summary>
    public IReadOnlyList<AnsweredDialog> EndAction()
    {
        lock (gate)
        {
            actionDepth = Math.Max(0, actionDepth - 1);
            var result = handled.ToArray();
            handled.Clear();
            reply = DialogReply.Ok;
            replyText = null;
            return result;
        }
    }

    /// <summary>
    /// Answers the pending dialog; returns what was answered (<paramref name="shownText"/> as the prompt's text: the
    /// words as written, a secret as its reference), or null when none was open.
    /// </summary>
    public async Task<AnsweredDialog?> AnswerPendingAsync(bool accept, string? promptText, string? shownText = null)
    {
        IDialog? dialog;
        lock (gate)
        {
            dialog = pending;
            pending = null;
            opened = NewSignal();
        }

        if (dialog is null)
        {
            return null;
        }

        await AnswerQuietlyAsync(dialog, accept, promptText).ConfigureAwait(false);
        return new AnsweredDialog(dialog.Type, dialog.Message, accept,
            dialog.Type == DialogType.Prompt && accept ? shownText ?? promptText ?? dialog.DefaultValue : null);
    }

    private async Task AnswerQuietlyAsync(IDialog dialog, bool accept, string? promptText)
    {
        try
        {
            if (accept)
            {
                await dialog.AcceptAsync(dialog.Type == DialogType.Prompt ? promptText ?? dialog.DefaultValue : null).ConfigureAwait(false);
            }
            else
            {
                await dialog.DismissAsync().ConfigureAwait(false);
            }
        }
        catch (PlaywrightException e)
        {
            // The dialog may already be gone (page closed or navigated); nothing is left to answer.
            logger.LogDebug(e, "Could not answer the dialog");
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
