using ActionAgent.Flows.Skills;

namespace ActionAgent.Cli.Commands.Skills;

/// <summary>
/// What <c>run</c> does with a task when skills are present: run a skill with complete parameters, fall back to reading
/// the task as explicit steps, or stop with an exit code and a message (ambiguous or missing values without a terminal).
/// </summary>
public sealed record SkillChoice
{
    /// <summary>The skill and its complete parameters, when one runs.</summary>
    public SkillFill? Fill { get; init; }

    /// <summary>The pick's score for the chosen skill.</summary>
    public double Score { get; init; }

    /// <summary>Parameters the user answered at the prompt.</summary>
    public IReadOnlyList<string> Answered { get; init; } = [];

    /// <summary>True when no skill matched well enough: run the task as before.</summary>
    public bool FallBack { get; init; }

    /// <summary>When set, stop with this exit code (and <see cref="Message"/>).</summary>
    public int? ExitCode { get; init; }

    /// <summary>Why the run stopped.</summary>
    public string Message { get; init; } = "";
}
