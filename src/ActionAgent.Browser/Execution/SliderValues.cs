using System.Globalization;
using System.Text.RegularExpressions;

namespace ActionAgent.Browser.Execution;

/// <summary>
/// What a script-drawn slider says it holds, compared with the value asked for: its words ("e", "43%") or its number
/// (aria-valuenow). A reading may carry both, as "text\0number".
/// </summary>
internal static partial class SliderValues
{
    public static bool Same(string reading, string wanted) => Parts(reading).Any(r =>
        string.Equals(r, wanted.Trim(), StringComparison.OrdinalIgnoreCase)
        || Number(r) is { } n && Number(wanted) is { } w && Math.Abs(n - w) < 1e-9);

    /// <summary>True when stepping went over the wanted number without stopping on it (its steps skip it).</summary>
    public static bool Passed(string start, string now, string wanted, bool up) =>
        Number(start) is { } s && Number(now) is { } n && Number(wanted) is { } w && (up ? n > w && s < w : n < w && s > w);

    /// <summary>Whether the reading's number is below the wanted one; null when either is no number (a letter scale).</summary>
    public static bool? Below(string reading, string wanted) =>
        Number(reading) is { } r && Number(wanted) is { } w ? r < w : null;

    /// <summary>The words shown, for messages.</summary>
    public static string Shown(string reading) => Parts(reading)[0];

    private static string[] Parts(string reading) => reading.Split('\0', StringSplitOptions.TrimEntries);

    // The number a reading holds: the whole of it, else the one number in it ("43%", "$40"), else none.
    private static double? Number(string text)
    {
        foreach (var part in Parts(text).Reverse())
        {
            if (double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var whole))
            {
                return whole;
            }

            var found = OneNumber().Matches(part);
            if (found.Count == 1 && double.TryParse(found[0].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var inner))
            {
                return inner;
            }
        }

        return null;
    }

    [GeneratedRegex(@"-?\d+(?:\.\d+)?")]
    private static partial Regex OneNumber();
}
