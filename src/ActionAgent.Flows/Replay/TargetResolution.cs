namespace ActionAgent.Flows.Replay;

/// <summary>How a replayed step found its recorded target on the new page.</summary>
public sealed record TargetResolution(int OriginalStep, string Method, string Detail)
{
    /// <summary>True when the target could not be found (the replay step fails).</summary>
    public bool Missing => Method == "missing";
}
