using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace ActionAgent.Browser.Internal;

/// <summary>
/// Handles JavaScript dialogs. A dialog raised while an approved action runs is accepted at once (the action was
/// approved; leaving it open would block the page) and reported in the outcome. A dialog that opens on its own is
/// kept open so the next observation shows it and the decider answers it (Enter accepts, Escape dismisses).
/// </summary>
internal sealed class DialogTracker(ILogger logger)
{
    private readonly Lock gate = new();
    private readonly List<string> handled = [];
    private int actionDepth;
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
        bool accept;
        lock (gate)
        {
            accept = actionDepth > 0;
            if (accept)
            {
                handled.Add(Describe(dialog));
            }
            else
            {
                pending = dialog;
                opened.TrySetResult();
            }
        }

        if (accept)
        {
            logger.LogInformation("Accepting {DialogType} dialog raised by the action", dialog.Type);
            _ = AnswerQuietlyAsync(dialog, accept: true, dialog.DefaultValue);
        }
        else
        {
            logger.LogInformation("A {DialogType} dialog opened on its own; the next observation reports it", dialog.Type);
        }
    }

    /// <summary>Starts an action: dialogs it raises are accepted and collected.</summary>
    public void BeginAction()
    {
        lock (gate)
        {
            actionDepth++;
            handled.Clear();
        }
    }

    /// <summary>Ends an action and returns the dialogs it raised.</summary>
    public IReadOnlyList<string> EndAction()
    {
        lock (gate)
        {
            actionDepth = Math.Max(0, actionDepth - 1);
            var result = handled.ToArray();
            handled.Clear();
            return result;
        }
    }

    /// <summary>Answers the pending dialog; returns its description, or null when none was open.</summary>
    public async Task<string?> AnswerPendingAsync(bool accept, string? promptText)
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
        return Describe(dialog);
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
