using System.Text.RegularExpressions;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Policy;

/// <summary>
/// Flags page text that addresses an AI agent or tries to replace its instructions. Detection never changes the task or
/// the policy; it feeds an <see cref="InjectionAttempt"/> event and makes the engine stricter on that page. Markers are
/// matched on the <see cref="TextSkeleton"/> of the text, so zero-width, fullwidth and look-alike disguises still match.
/// </summary>
public sealed partial class InjectionDetector
{
    private static readonly (string Marker, Regex Pattern)[] BuiltIn =
    [
        ("ignore previous instructions", IgnorePrevious()),
        ("disregard instructions", Disregard()),
        ("forget instructions", Forget()),
        ("addresses an AI agent", AddressesAgent()),
        ("system prompt", SystemPrompt()),
        ("new instructions", NewInstructions()),
        ("role override", RoleOverride()),
        ("chat-template tokens", ChatTokens()),
        ("hide from the user", HideFromUser()),
        ("policy override", PolicyOverride()),
    ];

    private readonly IReadOnlyList<(string Marker, Regex Pattern)> _markers;

    /// <summary>A detector with the built-in markers plus optional extra ones (name → regex).</summary>
    public InjectionDetector(IEnumerable<KeyValuePair<string, Regex>>? extra = null)
    {
        _markers = [.. BuiltIn, .. (extra ?? []).Select(kv => (kv.Key, kv.Value))];
    }

    /// <summary>The markers found in the text (empty when none) and an excerpt around the first one.</summary>
    public (IReadOnlyList<string> Markers, string Excerpt) Scan(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ([], "");
        }

        // Match the folded skeleton so zero-width characters, soft hyphens, fullwidth letters and look-alikes do not hide
        // a marker; extra markers written against the raw text are tried on it as well.
        var skeleton = TextSkeleton.Of(text);
        var found = new List<string>();
        (int Index, int Length)? first = null;
        foreach (var (marker, pattern) in _markers)
        {
            var span = pattern.Match(skeleton.Text) is { Success: true } folded ? skeleton.ToOriginal(folded.Index, folded.Length)
                : pattern.Match(text) is { Success: true } raw ? (raw.Index, raw.Length)
                : ((int, int)?)null;
            if (span is { } s)
            {
                found.Add(marker);
                if (first is null || s.Item1 < first.Value.Index)
                {
                    first = s;
                }
            }
        }

        if (first is not { } hit)
        {
            return ([], "");
        }

        var start = Math.Max(0, hit.Index - 40);
        var end = Math.Min(text.Length, hit.Index + hit.Length + 80);
        var excerpt = InertText.Line(Whitespace().Replace(text[start..end], " ").Trim());
        return (found, (start > 0 ? "…" : "") + excerpt + (end < text.Length ? "…" : ""));
    }

    /// <summary>Scans the text and returns an attempt, or null when the text looks harmless.</summary>
    public InjectionAttempt? Detect(string url, string? text, DateTimeOffset at = default)
    {
        var (markers, excerpt) = Scan(text);
        return markers.Count == 0 ? null : new InjectionAttempt(url, markers, excerpt) { At = at };
    }

    [GeneratedRegex(@"\b(ignore|skip|override)\s+(all\s+|any\s+|the\s+|your\s+)*(previous|prior|above|earlier|preceding|original)\s+(instructions?|prompts?|directions?|rules|task)", RegexOptions.IgnoreCase)]
    private static partial Regex IgnorePrevious();

    [GeneratedRegex(@"\bdisregard\s+(all\s+|any\s+|the\s+|your\s+)*(previous\s+|prior\s+|above\s+)?(instructions?|rules|guidelines|task)", RegexOptions.IgnoreCase)]
    private static partial Regex Disregard();

    [GeneratedRegex(@"\bforget\s+(everything|all|your|the)\s*(previous\s+|prior\s+)?(instructions?|rules|task|you were told)?", RegexOptions.IgnoreCase)]
    private static partial Regex Forget();

    [GeneratedRegex(@"\b(AI|LLM|automated|autonomous|browser)[\s-]+(agent|assistant|bot|model)s?\b|\b(dear|attention|hey|note to( the)?)\s+(AI|assistant|agent|LLM|language model)\b|\bif you are an? (AI|LLM|language model|agent|bot)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AddressesAgent();

    [GeneratedRegex(@"\bsystem\s+(prompt|message|instructions?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SystemPrompt();

    [GeneratedRegex(@"\b(new|updated|real|actual|secret)\s+instructions?\s*[:!]|\byour (new|real|actual) (task|instructions?|goal)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NewInstructions();

    [GeneratedRegex(@"\byou are now\b|\bdeveloper mode\b|\bjailbreak\b|\bact as (an? )?(admin|administrator|root|developer|system)\b|^\s*(system|assistant)\s*:", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex RoleOverride();

    [GeneratedRegex(@"<\|(im_start|im_end|system|endoftext)\|>|\[/?INST\]|<</?SYS>>", RegexOptions.IgnoreCase)]
    private static partial Regex ChatTokens();

    [GeneratedRegex(@"\b(do not|don't|never)\s+(tell|inform|show|alert|mention (this )?to)\s+(the\s+)?(user|human|operator|reviewer)", RegexOptions.IgnoreCase)]
    private static partial Regex HideFromUser();

    [GeneratedRegex(@"\b(bypass|disable|override|ignore)\s+(the\s+)?(policy|policies|approval|safety|guard(rails)?|restrictions?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PolicyOverride();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
