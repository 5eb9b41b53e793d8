using System.Text;
using System.Text.RegularExpressions;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Recording;

namespace ActionAgent.Flows;

/// <summary>
/// Tells values the server generated (refund ids, GUIDs, timestamps, counters) from values the run supplied (typed text,
/// navigated URLs, flow variables): a digit run or GUID that the run never supplied is generated, so an exported
/// assertion matches it by pattern (<c>R-0002</c> → <c>R-\d+</c>) instead of by the recorded literal.
/// </summary>
public sealed partial class GeneratedValues
{
    private readonly HashSet<string> _supplied = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Learns the values in <paramref name="supplied"/> (typed text, URLs the run opened, variables) as not generated.</summary>
    public GeneratedValues(IEnumerable<string?> supplied)
    {
        ArgumentNullException.ThrowIfNull(supplied);
        foreach (var text in supplied.OfType<string>())
        {
            foreach (Match m in Token().Matches(text))
            {
                _supplied.Add(m.Value);
            }
        }
    }

    /// <summary>What a recorded run supplied: its start URL, task, instructions, typed text, chosen options and URLs it opened.</summary>
    public static IEnumerable<string?> SuppliedBy(RunRecording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        yield return recording.Manifest.StartUrl;
        yield return recording.Manifest.Task;
        foreach (var step in recording.Steps)
        {
            yield return step.Proposal.StepText;
            yield return step.Proposal.Action switch
            {
                TypeTextAction type => type.Text,
                NavigateAction nav => nav.Url,
                SelectOptionAction select => select.Option,
                _ => null,
            };
        }
    }

    /// <summary>True when <paramref name="replayed"/> is <paramref name="recorded"/> with (at most) other generated values.</summary>
    public bool Equivalent(string recorded, string replayed)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(replayed);
        return string.Equals(recorded, replayed, StringComparison.Ordinal)
            || (PatternFor(recorded) is { } pattern && Regex.IsMatch(replayed, "^" + pattern + "$", RegexOptions.None, TimeSpan.FromSeconds(1)));
    }

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]*[0-9][0-9a-fA-F]*(?=[^0-9a-fA-F]|$)|\d+")]
    private static partial Regex Token();

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex Guid();

    /// <summary>
    /// A regular expression (unanchored) that matches <paramref name="text"/> with every generated value replaced by
    /// its pattern, or null when the text holds no generated value (compare it literally).
    /// </summary>
    public string? PatternFor(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder();
        var last = 0;
        var generated = false;
        foreach (Match m in Token().Matches(text))
        {
            var pattern = PatternOf(m.Value);
            if (pattern is null)
            {
                continue;
            }

            sb.Append(Regex.Escape(text[last..m.Index])).Append(pattern);
            last = m.Index + m.Length;
            generated = true;
        }

        return generated ? sb.Append(Regex.Escape(text[last..])).ToString() : null;
    }

    /// <summary>True when <paramref name="text"/> holds a value the run did not supply.</summary>
    public bool HasGenerated(string text) => PatternFor(text) is not null;

    private string? PatternOf(string token)
    {
        if (_supplied.Contains(token))
        {
            return null;
        }

        if (Guid().IsMatch(token))
        {
            return "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
        }

        if (token.All(char.IsAsciiDigit))
        {
            return @"\d+";
        }

        // Hex ids (hashes, object ids) of at least 8 characters; shorter mixes ("v2", "h1") are words.
        return token.Length >= 8 ? "[0-9a-fA-F]+" : null;
    }
}
