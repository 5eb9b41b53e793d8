namespace ActionAgent.Flows.Expectations;

/// <summary>Settings of <see cref="ExpectationChecker"/>.</summary>
public sealed class ExpectationCheckerOptions
{
    /// <summary>Lowest label score (0..1) at which a field or element counts as the one a flow names. Default 0.75.</summary>
    public double MinLabelScore { get; set; } = 0.75;

    /// <summary>When a visual-region baseline is missing, write the current region as the new baseline and pass. Default false.</summary>
    public bool UpdateBaselines { get; set; }
}
