namespace ActionAgent.Flows.Replay;

/// <summary>One recorded step compared with its replay: what differs, and how much.</summary>
public sealed record StepDrift(int OriginalStep, string Action, DriftSeverity Severity, IReadOnlyList<string> Differences)
{
    /// <summary>The replay's step number, or null when the step was never replayed.</summary>
    public int? ReplayStep { get; init; }

    /// <summary>How the target was found ("same", "moved", "similar", "template", "raw", "missing", "none").</summary>
    public string TargetResolution { get; init; } = "";

    /// <summary>The recorded outcome.</summary>
    public string OriginalOutcome { get; init; } = "";

    /// <summary>The replay's outcome.</summary>
    public string ReplayOutcome { get; init; } = "";

    /// <summary>Fraction of the screenshot that differs (0..1), when both screenshots exist.</summary>
    public double? ScreenshotDifference { get; init; }

    /// <summary>The URL the step started on when recorded, and in the replay.</summary>
    public string OriginalUrl { get; init; } = "";

    /// <summary>The URL the replayed step started on.</summary>
    public string ReplayUrl { get; init; } = "";

    /// <summary>The replay's screenshot (PNG) of this step, for a drift report.</summary>
    public ReadOnlyMemory<byte> ReplayScreenshot { get; init; }
}
