namespace ActionAgent.Flows.Caching;

/// <summary>Settings of <see cref="TargetLocator"/>.</summary>
public sealed class TargetLocatorOptions
{
    /// <summary>Lowest combined score (text 60 %, role 25 %, position 15 %) to accept a similar element. Default 0.7.</summary>
    public double MinimumScore { get; set; } = 0.7;

    /// <summary>Lowest box overlap (intersection over union) to accept an unlabelled element of the same role in place. Default 0.8.</summary>
    public double MinimumOverlap { get; set; } = 0.8;

    /// <summary>Lowest template-match score to accept an element found by its image crop. Default 0.9.</summary>
    public double MinimumTemplateScore { get; set; } = 0.9;
}
