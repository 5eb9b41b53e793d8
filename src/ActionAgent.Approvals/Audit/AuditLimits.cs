using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ActionAgent.Approvals.Audit;

/// <summary>
/// Size limits of the audit log: any text in an entry (kind, keys, string values) is at most <see cref="MaxTextLength"/>
/// characters and a line at most <see cref="MaxLineBytes"/> bytes. Reviewer text over the limit is refused; text the agent
/// produces itself is clipped with <see cref="Clip"/> so an entry never knocks over a run.
/// </summary>
public static class AuditLimits
{
    /// <summary>Most characters in one text of an entry (a comment, a reason, a URL): 4,000.</summary>
    public const int MaxTextLength = 4_000;

    /// <summary>Most bytes in one line of the log (an entry, without its newline): 65,536. Longer lines are findings.</summary>
    public const int MaxLineBytes = 65_536;

    /// <summary>Length that <see cref="Clip"/> keeps of an agent-produced text: 1,000 characters.</summary>
    public const int ClipLength = 1_000;

    /// <summary>
    /// Refuses reviewer text over <see cref="MaxTextLength"/> before anything is decided: throws
    /// <see cref="AuditEntryTooLargeException"/> with one line the dashboard or CLI can show as it is.
    /// </summary>
    public static void CheckReviewerText(string field, string? text)
    {
        if (ReviewerTextProblem(field, text) is { } problem)
        {
            throw new AuditEntryTooLargeException(problem);
        }
    }

    /// <summary>The one-line reason reviewer text is refused (over <see cref="MaxTextLength"/>), or null when it may be kept.</summary>
    public static string? ReviewerTextProblem(string field, string? text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        return text is { Length: > MaxTextLength }
            ? string.Create(CultureInfo.InvariantCulture, $"the {field} is {text.Length:N0} characters; the audit log keeps at most {MaxTextLength:N0}: shorten it and decide again")
            : null;
    }

    /// <summary>
    /// Text the agent produced (an action, a page URL, a policy reason) cut to <see cref="ClipLength"/> characters, followed by
    /// how long it was and the start of its SHA-256, so the entry stays small and still identifies the whole text.
    /// </summary>
    public static string? Clip(string? text)
    {
        if (text is null || text.Length <= ClipLength)
        {
            return text;
        }

        var keep = char.IsHighSurrogate(text[ClipLength - 1]) ? ClipLength - 1 : ClipLength;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        return string.Create(CultureInfo.InvariantCulture, $"{text[..keep]}… [clipped {text.Length:N0} characters to {ClipLength:N0}; sha256 {hash}…]");
    }

    /// <summary>Throws <see cref="AuditEntryTooLargeException"/> for the first text in the entry over <see cref="MaxTextLength"/>.</summary>
    internal static void CheckEntry(string kind, JsonObject data)
    {
        CheckText("kind", kind);
        Walk("data", data);

        static void Walk(string path, JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (key, value) in o)
                    {
                        CheckText($"key of {path}", key);
                        Walk($"{path}.{(key.Length > 40 ? key[..40] + "…" : key)}", value);
                    }

                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        Walk(string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), a[i]);
                    }

                    break;
                case JsonValue v when v.TryGetValue<string>(out var s):
                    CheckText(path, s);
                    break;
            }
        }
    }

    private static void CheckText(string field, string text)
    {
        if (text.Length > MaxTextLength)
        {
            throw new AuditEntryTooLargeException(string.Create(CultureInfo.InvariantCulture,
                $"audit field {field} is {text.Length:N0} characters; the limit is {MaxTextLength:N0}: shorten it"));
        }
    }
}
