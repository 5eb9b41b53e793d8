using System.Text.RegularExpressions;
using ActionAgent.Core.Decision.Interpretation;

namespace ActionAgent.Flows.Skills;

/// <summary>
/// Tells a task written as explicit steps ("Sign in with … . Open Order 1042. Click File a refund.") from a goal: such a
/// task is run as written and never handed to a skill, whose picker would otherwise match its words.
/// </summary>
public static partial class ExplicitSteps
{
    // A sentence end: . ; or a line break followed by more text (a decimal point such as 42.00 is not one).
    [GeneratedRegex(@"[.;](?=\s+\S)|\n\s*\S")]
    private static partial Regex SentenceBreak();

    /// <summary>True when the task has two or more sentences and the interpreter reads every one as a step it knows.</summary>
    public static bool Are(string task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (!SentenceBreak().IsMatch(task))
        {
            return false;
        }

        var steps = StepInterpreter.Parse(task);
        return steps.Count >= 2 && steps.All(s => s.IsUnderstood);
    }
}
