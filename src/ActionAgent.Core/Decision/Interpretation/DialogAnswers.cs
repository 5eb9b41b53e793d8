using ActionAgent.Core.Execution;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// An <see cref="StepKind.AnswerDialog"/> step against the browser's own dialogs: one the step before raised was answered
/// while it ran (the answer it carried is checked here, and a different answer is no success), one that opened on its
/// own is answered now (Enter, Escape, or the prompt's text). Null when no browser dialog is involved: the step is about
/// an in-page dialog, grounded like a click.
/// </summary>
internal static class DialogAnswers
{
    public sealed record Answer(StepGrounding Grounding, string? Failure = null);

    public static Answer? Check(InterpretedStep step, IReadOnlyList<AnsweredDialog> recent, string? openDialog)
    {
        var wanted = step.Reply ?? DialogReply.Ok;
        if (openDialog is not null)
        {
            BrowserAction action = wanted.Accept && step.Value is { } text ? new TypeTextAction(null, text)
                : new PressKeyAction(wanted.Accept ? "Enter" : "Escape");
            return new Answer(new StepGrounding(GroundingStatus.Grounded, action, 1, $"answering the open {openDialog}: {wanted.Describe()}"));
        }

        if (recent.Count <= step.DialogIndex)
        {
            return null;
        }

        var asked = recent[step.DialogIndex];
        return Answers(asked, wanted)
            ? new Answer(new StepGrounding(GroundingStatus.AlreadyDone, null, 1, $"the page asked and was answered as the step says ({asked})"))
            : new Answer(new StepGrounding(GroundingStatus.NotFound, null, 0, asked.ToString()),
                $"the page asked, and the {asked.Type} was {(asked.Accepted ? "accepted" : "dismissed")}{(asked.Text is { } t ? $" with \"{t}\"" : "")} (\"{asked.Message}\"), not answered as the step says ({wanted.Describe()}). Check the page: what that answer did is not undone");
    }

    // An alert has only OK: dismissing it is the same answer. A prompt's text must be the one asked for.
    private static bool Answers(AnsweredDialog asked, DialogReply wanted) =>
        asked.Type.Equals("alert", StringComparison.OrdinalIgnoreCase)
        || asked.Accepted == wanted.Accept && (!wanted.Accept || wanted.Text is null || !asked.Type.Equals("prompt", StringComparison.OrdinalIgnoreCase) || asked.Text == wanted.Text);
}
