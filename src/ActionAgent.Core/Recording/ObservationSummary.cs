namespace ActionAgent.Core.Recording;

/// <summary>What a step saw, compactly: URL, title, how many elements, and the screenshot file beside steps.jsonl.</summary>
public sealed record ObservationSummary(string Url, string Title, int ElementCount, string? ScreenshotFile)
{
    /// <summary>Screenshot size in pixels, and CSS viewport size, for mapping drawn actions.</summary>
    public int ScreenshotWidth { get; init; }

    /// <summary>Screenshot height in pixels.</summary>
    public int ScreenshotHeight { get; init; }

    /// <summary>CSS viewport width.</summary>
    public int CssWidth { get; init; }

    /// <summary>CSS viewport height.</summary>
    public int CssHeight { get; init; }

    /// <summary>
    /// The set-of-marks image beside steps.jsonl (numbered boxes of the elements the decider was given), when one was
    /// recorded (<see cref="MarksRecording"/>); absent in older recordings.
    /// </summary>
    public string? MarkedScreenshotFile { get; init; }

    /// <summary>Notes from perception (page not settled, dialog open…).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
