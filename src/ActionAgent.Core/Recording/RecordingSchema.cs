namespace ActionAgent.Core.Recording;

/// <summary>The recording format's version and file names.</summary>
public static class RecordingSchema
{
    /// <summary>Current schema version of run.json and steps.jsonl.</summary>
    public const int Version = 1;

    /// <summary>The run manifest file.</summary>
    public const string RunFile = "run.json";

    /// <summary>The step log, one JSON object per line.</summary>
    public const string StepsFile = "steps.jsonl";

    /// <summary>Screenshot file name for a step.</summary>
    public static string ScreenshotFile(int step) => $"step-{step:D4}.png";

    /// <summary>Set-of-marks image file name for a step (the screenshot with numbered element boxes).</summary>
    public static string MarkedScreenshotFile(int step) => $"step-{step:D4}.marks.png";
}
