using System.CommandLine;
using ActionAgent.Browser.Tracing;

namespace ActionAgent.Cli.Commands;

/// <summary><c>--trace on|retain-on-failure|off</c>: whether a run or flow keeps a Playwright trace beside its recording.</summary>
public static class TraceOption
{
    /// <summary>The option name, for messages.</summary>
    public const string Name = "--trace";

    /// <summary>The option, with <paramref name="defaultValue"/> named in its description.</summary>
    public static Option<string?> Create(string defaultValue) => new(Name)
    {
        Description = $"Keep a Playwright trace (DOM snapshots, network, console; secrets redacted) as trace.zip in the recording: on, retain-on-failure or off. Open it with `npx playwright show-trace <recording>/trace.zip`. Default: {defaultValue}",
    };

    /// <summary>Parses the value; null gives <paramref name="fallback"/>.</summary>
    /// <exception cref="ArgumentException">Any other value.</exception>
    public static TraceMode Parse(string? value, TraceMode fallback) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => fallback,
        "on" => TraceMode.On,
        "off" => TraceMode.Off,
        "retain-on-failure" => TraceMode.RetainOnFailure,
        _ => throw new ArgumentException($"{Name} must be on, retain-on-failure or off, got \"{value}\""),
    };
}
