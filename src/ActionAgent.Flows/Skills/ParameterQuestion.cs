namespace ActionAgent.Flows.Skills;

/// <summary>
/// A parameter the task does not settle: missing (nothing in the task gives it) or unclear (two readings, or an
/// option match too weak to trust). <paramref name="Why"/> is one line for the user; <paramref name="Candidates"/>
/// are the readings to choose from, best first.
/// </summary>
public sealed record ParameterQuestion(SkillParameter Parameter, string Why, IReadOnlyList<string> Candidates)
{
    /// <summary>True when the task gave no value at all (rather than an unclear one).</summary>
    public bool IsMissing { get; init; }
}
