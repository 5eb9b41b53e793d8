namespace ActionAgent.Flows.Skills;

/// <summary>How <see cref="SkillDecider"/> offers skills to a model and runs the one it calls.</summary>
public sealed class SkillDeciderOptions
{
    /// <summary>Most skills shown to the model (the best by meaning for the task). Default 3.</summary>
    public int MaxOffered { get; init; } = 3;

    /// <summary>Least meaning score for a skill to be shown at all. Default 0.3.</summary>
    public double MinScore { get; init; } = 0.3;

    /// <summary>Refused skill calls in one step before the step fails as invalid model output. Default 2.</summary>
    public int MaxRefusals { get; init; } = 2;

    /// <summary>Short waits granted to a skill's <c>expect:</c> line before it counts as failed. Default 10.</summary>
    public int ExpectationWaits { get; init; } = 10;

    /// <summary>Length of one such wait. Default 0.5 s.</summary>
    public TimeSpan ExpectationWait { get; init; } = TimeSpan.FromMilliseconds(500);
}
