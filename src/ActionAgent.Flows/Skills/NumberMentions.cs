using System.Text.RegularExpressions;

namespace ActionAgent.Flows.Skills;

/// <summary>
/// Finds whole numbers (ids such as order numbers) in a task. A number is certain for a parameter when the task
/// names the parameter next to it: "order 1042", "order #1045", "order number 1042", "1044's order".
/// </summary>
public static partial class NumberMentions
{
    [GeneratedRegex(@"(?<![\d.,$])#?\b(?<n>\d+)\b(?![.,]\d)")]
    private static partial Regex WholeNumber();

    /// <summary>The whole numbers in <paramref name="text"/> with whether <paramref name="name"/> is written next to each.</summary>
    public static IReadOnlyList<ValueMention> Find(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(name);
        var word = Regex.Escape(name.Replace('_', ' ').Replace('-', ' ').Replace('.', ' '));
        var before = new Regex(@"\b" + word + @"s?(?:\s+(?:number|no\.?|id))?\s*[:#]?\s*$", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        var after = new Regex(@"^'s\s+" + word + @"\b", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        return WholeNumber().Matches(text)
            .Select(m =>
            {
                var lead = text[Math.Max(0, m.Index - 24)..m.Index];
                var certain = before.IsMatch(lead) || after.IsMatch(text[(m.Index + m.Length)..]);
                return new ValueMention(m.Groups["n"].Value, m.Index, m.Length, certain);
            })
            .ToList();
    }
}
