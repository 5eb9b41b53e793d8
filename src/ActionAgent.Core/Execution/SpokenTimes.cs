using System.Globalization;
using System.Text.RegularExpressions;

namespace ActionAgent.Core.Execution;

/// <summary>
/// A time of day as people write it ("a quarter past four in the afternoon", "7:45 am", "noon", "half past nine") for a
/// plain text field that shows times its own way: written as the field writes them (24-hour "16:15" when it shows
/// "13:14", "4:15 PM" when it shows "1:14 PM"). A field that shows no time is given the time as written.
/// </summary>
public static partial class SpokenTimes
{
    private static readonly string[] Numbers = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    /// <summary>The time in <paramref name="text"/> (hours 0–23, minutes), or null when it is no time of day.</summary>
    public static (int Hour, int Minute)? Read(string text)
    {
        var t = text.Trim().TrimEnd('.').ToLowerInvariant();
        if (t is "noon" or "midday" or "12 noon")
        {
            return (12, 0);
        }

        if (t is "midnight")
        {
            return (0, 0);
        }

        var m = Words().Match(t);
        if (!m.Success)
        {
            return null;
        }

        if (Number(m.Groups["h"].Value) is not { } hour || hour > 23)
        {
            return null;
        }

        var minute = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        if (m.Groups["rel"].Success)
        {
            var amount = m.Groups["q"].Value switch
            {
                "a quarter" or "quarter" => 15,
                "half" => 30,
                var minutes => Number(minutes.Replace(" minutes", "", StringComparison.Ordinal)) ?? -1,
            };
            if (amount < 0)
            {
                return null;
            }

            (hour, minute) = m.Groups["rel"].Value is "past" or "after" ? (hour, amount) : ((hour + 23) % 24, 60 - amount);
        }

        var part = m.Groups["part"].Value;
        var afternoon = part is "pm" or "p.m." or "in the afternoon" or "in the evening" or "at night" && hour < 12;
        var morning = part is "am" or "a.m." or "in the morning" && hour == 12;
        if (!m.Groups["rel"].Success && !m.Groups["m"].Success && part.Length == 0 && !m.Groups["oclock"].Success)
        {
            return null; // a bare number is no time
        }

        hour = afternoon ? hour + 12 : morning ? 0 : hour;
        return minute is < 0 or > 59 ? null : (hour, minute);
    }

    /// <summary>The time written the way <paramref name="shown"/> (the field's value or placeholder) writes times; the text unchanged otherwise.</summary>
    public static string Adapt(string text, string? shown)
    {
        if (Read(text) is not { } time || shown is null || Shown().Match(shown.Trim()) is not { Success: true } form)
        {
            return text;
        }

        var (h, m) = time;
        if (form.Groups["ampm"].Success)
        {
            var pm = h >= 12;
            var h12 = h % 12 == 0 ? 12 : h % 12;
            var upper = form.Groups["ampm"].Value.Any(char.IsUpper);
            var suffix = pm ? "pm" : "am";
            return string.Create(CultureInfo.InvariantCulture, $"{h12}:{m:00}{(form.Groups["space"].Value.Length > 0 ? " " : "")}{(upper ? suffix.ToUpperInvariant() : suffix)}");
        }

        return form.Groups["h"].Value.Length == 2
            ? string.Create(CultureInfo.InvariantCulture, $"{h:00}:{m:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{h}:{m:00}");
    }

    private static int? Number(string word) =>
        int.TryParse(word, CultureInfo.InvariantCulture, out var n) ? n : Array.IndexOf(Numbers, word) is var i and >= 0 ? i : null;

    [GeneratedRegex(@"^(?:(?<q>a quarter|quarter|half|\d{1,2} minutes|\w+ minutes|\d{1,2}|\w+)\s+(?<rel>past|after|to|before)\s+)?(?<h>\d{1,2}|\w+)(?::(?<m>\d{2}))?(?<oclock>\s+o'?clock)?\s*(?<part>am|pm|a\.m\.|p\.m\.|in the morning|in the afternoon|in the evening|at night)?$")]
    private static partial Regex Words();

    [GeneratedRegex(@"^(?<h>\d{1,2}):\d{2}(?<space>\s?)(?<ampm>[ap]\.?m\.?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Shown();
}
