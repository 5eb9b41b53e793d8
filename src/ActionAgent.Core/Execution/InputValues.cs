using System.Globalization;
using System.Text.RegularExpressions;

namespace ActionAgent.Core.Execution;

/// <summary>
/// Values as people write them and as input controls hold them: a date written 05/20/2010 is 2010-05-20 to a date
/// input, 42 and 42.00 are the same number. Used to type into a control and to check afterwards that it took the value.
/// </summary>
public static partial class InputValues
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy/MM/dd", "MM/dd/yyyy", "M/d/yyyy", "MM-dd-yyyy", "M-d-yyyy", "dd.MM.yyyy", "d.M.yyyy",
        "MMMM d, yyyy", "MMM d, yyyy", "MMMM d yyyy", "MMM d yyyy", "d MMMM yyyy", "d MMM yyyy", "yyyyMMdd",
    ];

    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HH:mm:ss", "h:mm tt", "h:mmtt", "h tt", "htt", "h:mm t"];

    /// <summary>
    /// Converts a written value to the form a date, time, month, datetime-local or number input takes
    /// ("05/20/2010" → "2010-05-20", "2:30 PM" → "14:30"); false when it does not read as one, and for other kinds.
    /// </summary>
    public static bool TryConvert(string? kind, string text, out string value)
    {
        value = text;
        var t = text.Trim();
        switch (kind?.ToLowerInvariant())
        {
            case "date" when TryDate(t, out var d):
                value = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                return true;
            case "month" when TryDate(t, out var m) || TryDate("1 " + t, out m):
                value = m.ToString("yyyy-MM", CultureInfo.InvariantCulture);
                return true;
            case "time" when TryTime(t, out var time):
                value = time.Second == 0 ? time.ToString("HH:mm", CultureInfo.InvariantCulture) : time.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
                return true;
            case "datetime-local" when TryDateTime(t, out var dt):
                value = dt.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
                return true;
            case "number" or "range" when TryNumber(t, out var n):
                value = n.ToString(CultureInfo.InvariantCulture);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// True when a field that was given <paramref name="expected"/> holds <paramref name="actual"/> up to the formatting
    /// a control applies (case, spacing, number and date notation, digit grouping of phone numbers); <paramref name="how"/>
    /// says which.
    /// </summary>
    public static bool Reads(string expected, string actual, string? kind, out string how)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        how = "exactly";
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            return true;
        }

        var e = Collapse(expected);
        var a = Collapse(actual);
        if (string.Equals(e, a, StringComparison.OrdinalIgnoreCase))
        {
            how = "up to case and spacing";
            return true;
        }

        if (TryConvert(kind, expected, out var converted) && string.Equals(converted, actual.Trim(), StringComparison.Ordinal))
        {
            how = $"as the control writes it ({actual.Trim()})";
            return true;
        }

        // Typed with separators, left as bare digits: the control dropped what it does not take ("2024-12-24" typed into
        // an mm/dd/yy picker leaves "20241224"), which is no date it will use, however the digits read.
        // (\D matches a non-digit: "dropped" is a date typed with separators that the field holds as digits only.)
        var dropped = a.Length > 0 && !Digits().IsMatch(a) && Digits().IsMatch(e) && (TryDate(e, out _) || WrittenDates.IsInWords(e, out _));

        if (!dropped && (TryDate(e, out var ed0) || WrittenDates.IsInWords(e, out ed0)) && TryDate(a, out var ad0) && ed0.Date == ad0.Date)
        {
            how = $"as the same date ({actual.Trim()})";
            return true;
        }

        if (TryNumber(e, out var en) && TryNumber(a, out var an) && en == an)
        {
            how = "as the same number";
            return true;
        }

        var ed = Digits().Replace(e, "");
        if (!dropped && ed.Length >= 5 && ed == Digits().Replace(a, "") && !Letters().IsMatch(e) && !Letters().IsMatch(a))
        {
            how = "with the control's digit grouping";
            return true;
        }

        return false;
    }

    private static string Collapse(string s) => Spaces().Replace(s, " ").Trim();

    private static bool TryDate(string t, out DateTime d) =>
        DateTime.TryParseExact(t, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out d);

    private static bool TryTime(string t, out DateTime time) =>
        DateTime.TryParseExact(t.ToUpperInvariant().Replace(".", "", StringComparison.Ordinal), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out time);

    private static bool TryDateTime(string t, out DateTime dt)
    {
        foreach (var sep in new[] { "T", " at ", ", ", " " })
        {
            var i = t.LastIndexOf(sep, StringComparison.OrdinalIgnoreCase);
            if (i > 0 && TryDate(t[..i].Trim(), out var d) && TryTime(t[(i + sep.Length)..].Trim(), out var time))
            {
                dt = d.Date + time.TimeOfDay;
                return true;
            }
        }

        dt = default;
        return false;
    }

    private static bool TryNumber(string t, out decimal n) =>
        decimal.TryParse(t.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out n);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\D")]
    private static partial Regex Digits();

    [GeneratedRegex(@"[A-Za-z]")]
    private static partial Regex Letters();
}
