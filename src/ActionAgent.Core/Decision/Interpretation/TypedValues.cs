using System.Text.RegularExpressions;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// Before a run is reported done: every field typed into still holds what was typed. A step's own check sees the field
/// read the text right after typing; a page may take it back later (a date-range picker given words it cannot parse puts
/// a range of its own back on Apply, a script resets the field), and such a run is not done.
/// </summary>
internal static partial class TypedValues
{
    /// <summary>
    /// Why the run is not done, or null. What was typed must still be in the field, letters and digits compared, case aside
    /// (a mask's "(555) 010-4477" holds "5550104477", an autocomplete's "London" holds "Lon"). Not when a later step says to
    /// undo it (cancel, reset, revert, undo, discard), nor when the field is gone, emptied (a tag or a todo committed), on
    /// another page or named otherwise now. Secrets and dates written to the field's own pattern are never recorded.
    /// </summary>
    public static string? Undone(RunCursor cursor, Observation page)
    {
        foreach (var typed in cursor.Typed.GroupBy(t => t.ElementId).Select(g => g.Last()))
        {
            if (cursor.Steps.Skip(typed.Step).Any(s => UndoWords().IsMatch(s.Text)) || !SamePage(typed.Url, page.Url))
            {
                continue;
            }

            if (page.Find(typed.ElementId) is { IsSecret: false, Value: { Length: > 0 } now } field && string.Equals(field.Label, typed.Label, StringComparison.Ordinal)
                && !Alnum(now).Contains(Alnum(typed.Text), StringComparison.Ordinal))
            {
                var again = string.Equals(now.Trim(), typed.Before.Trim(), StringComparison.Ordinal) ? " again, as before" : "";
                return $"\"{typed.Label}\" reads \"{Short(now)}\"{again}, not \"{Short(typed.Text)}\" typed at step {typed.Step}: the page did not keep it";
            }
        }

        return null;
    }

    private static bool SamePage(string a, string b) => string.Equals(a.Split('#')[0], b.Split('#')[0], StringComparison.Ordinal);

    private static string Alnum(string s) => new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static string Short(string s) => s.Length <= 60 ? s : s[..57] + "...";

    [GeneratedRegex(@"\b(?:cancel|reset|revert|undo|discard|restore|put\s+back|change\s+(?:your|my)\s+mind)\b", RegexOptions.IgnoreCase)]
    private static partial Regex UndoWords();
}
