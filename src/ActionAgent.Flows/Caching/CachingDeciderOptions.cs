namespace ActionAgent.Flows.Caching;

/// <summary>Settings of <see cref="CachingDecider"/>.</summary>
public sealed class CachingDeciderOptions
{
    /// <summary>How targets are found again. Default <see cref="TargetLocatorOptions"/> defaults.</summary>
    public TargetLocatorOptions Locator { get; set; } = new();

    /// <summary>Decisions below this confidence are not stored. Default 0.5.</summary>
    public double MinimumConfidenceToStore { get; set; } = 0.5;

    /// <summary>Crop size limit: targets larger than this many CSS pixels on a side get no crop (a page-sized canvas). Default 400.</summary>
    public double MaxCropSide { get; set; } = 400;
}
