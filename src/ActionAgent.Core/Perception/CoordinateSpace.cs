namespace ActionAgent.Core.Perception;

/// <summary>Which space a point's numbers are in.</summary>
public enum CoordinateSpace
{
    /// <summary>CSS pixels of the viewport: what Playwright's mouse takes.</summary>
    Css,

    /// <summary>Pixels of the (possibly downscaled) screenshot the decider was shown.</summary>
    Screenshot,

    /// <summary>0..1000 on each axis of the screenshot, as many multimodal models answer.</summary>
    Normalized1000,
}
