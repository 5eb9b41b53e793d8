namespace ActionAgent.Flows.Skills;

/// <summary>When an option match is trusted. Defaults were set on eval/goals/corpus.yaml (docs/skills.md gives the figures).</summary>
public sealed class OptionMatcherOptions
{
    /// <summary>The least score that fills a required option parameter. Default 0.33.</summary>
    public double Accept { get; init; } = 0.33;

    /// <summary>The least lead over the runner-up; closer than this the user is asked. Default 0.12.</summary>
    public double Margin { get; init; } = 0.12;

    /// <summary>The least score that replaces an optional parameter's default by meaning alone (a word match always may). Default 0.6.</summary>
    public double ReplaceDefault { get; init; } = 0.6;

    /// <summary>Below this nothing in the task is about the parameter: it is missing rather than unclear. Default 0.3.</summary>
    public double Relevant { get; init; } = 0.3;
}
