namespace ActionAgent.Flows.Replay;

/// <summary>How much a replayed step differs from its recording.</summary>
public enum DriftSeverity
{
    /// <summary>Same outcome, same page, same pixels (within tolerance).</summary>
    None,

    /// <summary>Same outcome, but the screen looked different or the target had moved or been relabelled.</summary>
    Minor,

    /// <summary>A different outcome, a different page, a missing target, or the step was not replayed at all.</summary>
    Major,
}
