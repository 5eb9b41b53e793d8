using ActionAgent.Core.Perception;

namespace ActionAgent.Vision.Imaging;

/// <summary>What changed between two frames: the fraction of changed pixels (0..1) and the changed regions (image pixels).</summary>
public sealed record FrameChange(double ChangedFraction, IReadOnlyList<ScreenRect> Regions)
{
    /// <summary>No change at all.</summary>
    public static FrameChange None { get; } = new(0, []);

    /// <summary>True when no pixel changed beyond the threshold.</summary>
    public bool IsUnchanged => ChangedFraction == 0;
}
