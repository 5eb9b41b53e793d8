using ActionAgent.Flows.Expectations;

namespace ActionAgent.Flows.Replay;

/// <summary>How one replayed step found its target: "same", "moved", "similar", "template", "missing", "raw" or "none".</summary>
public sealed record TargetResolution(int OriginalStep, string Method, string Detail)
{
    /// <summary>True when the target could not be found (the replay step fails).</summary>
    public bool Missing => Method == "missing";

    /// <summary>The replay's step number that carried out this recorded step (waits before it have their own numbers); 0 when unknown.</summary>
    public int ReplayStep { get; init; }

    /// <summary>How long the replay waited before this step for its target to appear or the screen to look as recorded.</summary>
    public TimeSpan Waited { get; init; }

    /// <summary>The comparison of the screen this step was decided on with the recorded one, when the replay made it (the drift report reuses it).</summary>
    public ImageComparison? Screen { get; init; }
}
