using System.CommandLine;
using ActionAgent.Core.Recording;

namespace ActionAgent.Cli.Commands;

/// <summary><c>--record-marks always|drawn|never</c>: when a step's set-of-marks image is saved in the recording.</summary>
public static class MarksOption
{
    /// <summary>The option name, for messages.</summary>
    public const string Name = "--record-marks";

    /// <summary>The option, with <paramref name="defaultValue"/> named in its description.</summary>
    public static Option<string?> Create(string defaultValue) => new(Name)
    {
        Description = $"When to save each step's set-of-marks image (numbered element boxes, step-NNNN.marks.png) in the recording: always (hybrid and vision perception; ≈ 20–40 ms a step), drawn (only when a model or reviewer was shown it, no extra cost) or never. Default: {defaultValue}",
    };

    /// <summary>Parses the value; null gives <paramref name="fallback"/>.</summary>
    /// <exception cref="ArgumentException">Any other value.</exception>
    public static MarksRecording Parse(string? value, MarksRecording fallback) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => fallback,
        "always" => MarksRecording.Always,
        "drawn" => MarksRecording.WhenDrawn,
        "never" => MarksRecording.Never,
        _ => throw new ArgumentException($"{Name} must be always, drawn or never, got \"{value}\""),
    };
}
