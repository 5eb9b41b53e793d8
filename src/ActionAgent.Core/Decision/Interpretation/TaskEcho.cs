namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// Tells the task's own words on the page (a help panel, a ticket, a queue item showing the instruction) from a
/// name: text of three or more words, most of them from the task, that includes the step's verb or other words
/// beyond its target and value. Such text is never a target or a label.
/// </summary>
internal sealed class TaskEcho
{
    private readonly HashSet<string> _task;
    private readonly HashSet<string> _instructionOnly;

    public TaskEcho(string task, InterpretedStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        _task = Phrase.Of(task).Tokens.ToHashSet(StringComparer.Ordinal);
        var named = Phrase.Of($"{step.Target ?? (step.Kind == StepKind.Implicit ? step.Text : "")} {step.Value}").Tokens
            .Concat(step.Alternatives.SelectMany(a => Phrase.Of(a).Tokens))
            .ToHashSet(StringComparer.Ordinal);
        _instructionOnly = Phrase.Of(step.Text).Tokens.Where(t => !TextMatch.IsStopWord(t) && !named.Contains(t)).ToHashSet(StringComparer.Ordinal);
    }

    public bool Echoes(Phrase label)
    {
        if (label.Tokens.Length < 3 || _instructionOnly.Count == 0)
        {
            return false;
        }

        var fromTask = label.Tokens.Count(_task.Contains);
        return fromTask >= 0.75 * label.Tokens.Length && label.Tokens.Any(_instructionOnly.Contains);
    }
}
