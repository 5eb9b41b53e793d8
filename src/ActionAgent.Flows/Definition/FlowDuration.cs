using System.Globalization;
using System.Text.RegularExpressions;

namespace ActionAgent.Flows.Definition;

/// <summary>Parses durations as flows write them: <c>30s</c>, <c>2m</c>, <c>1m30s</c>, <c>500ms</c>, <c>1h</c>, <c>90</c> (seconds), <c>00:01:30</c>.</summary>
public static partial class FlowDuration
{
    [GeneratedRegex(@"^\s*(?:(?<h>\d+(?:\.\d+)?)\s*h)?\s*(?:(?<m>\d+(?:\.\d+)?)\s*m(?!s))?\s*(?:(?<s>\d+(?:\.\d+)?)\s*s)?\s*(?:(?<ms>\d+)\s*ms)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Units();

    /// <summary>Parses the text, or returns false.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim();
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            duration = TimeSpan.FromSeconds(seconds);
            return seconds > 0;
        }

        if (t.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(t, CultureInfo.InvariantCulture, out duration) && duration > TimeSpan.Zero;
        }

        var m = Units().Match(t);
        if (!m.Success || !(m.Groups["h"].Success || m.Groups["m"].Success || m.Groups["s"].Success || m.Groups["ms"].Success))
        {
            return false;
        }

        double Get(string g) => m.Groups[g].Success ? double.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture) : 0;
        duration = TimeSpan.FromHours(Get("h")) + TimeSpan.FromMinutes(Get("m")) + TimeSpan.FromSeconds(Get("s")) + TimeSpan.FromMilliseconds(Get("ms"));
        return duration > TimeSpan.Zero;
    }

    /// <summary>Formats a duration the way flows write it ("1m30s", "45s", "500ms").</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(1))
        {
            return $"{(int)duration.TotalMilliseconds}ms";
        }

        if (duration < TimeSpan.FromMinutes(1))
        {
            return duration.TotalSeconds % 1 == 0
                ? FormattableString.Invariant($"{duration.TotalSeconds:0}s")
                : FormattableString.Invariant($"{duration.TotalSeconds:0.#}s");
        }

        var minutes = (int)duration.TotalMinutes;
        var rest = duration - TimeSpan.FromMinutes(minutes);
        return rest.TotalSeconds >= 1 ? FormattableString.Invariant($"{minutes}m{rest.TotalSeconds:0}s") : $"{minutes}m";
    }
}
