namespace ActionAgent.Flows.Skills;

/// <summary>
/// How well a task names one of a field's options: the best option and its score (0..1), the runner-up, and whether
/// the best was found by its own words ("damaged" → "Damaged item") rather than by meaning alone.
/// </summary>
public sealed record OptionMatch(string? Best, double Score, string? RunnerUp, double RunnerUpScore, bool ByWords)
{
    /// <summary>The words of the task that named the best option (when <see cref="ByWords"/>), to mask them for picking.</summary>
    public IReadOnlyList<string> TaskWords { get; init; } = [];

    /// <summary>Each option's best score over the task's clauses (words or meaning).</summary>
    public IReadOnlyDictionary<string, double> Scores { get; init; } = new Dictionary<string, double>();

    /// <summary>No option comes close.</summary>
    public static OptionMatch None { get; } = new(null, 0, null, 0, false);

    /// <summary>The lead of the best option over the runner-up.</summary>
    public double Margin => Score - RunnerUpScore;
}
