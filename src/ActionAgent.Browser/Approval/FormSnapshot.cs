using System.Security.Cryptography;
using System.Text;
using ActionAgent.Browser.Internal;
using ActionAgent.Core.Perception;

namespace ActionAgent.Browser.Approval;

/// <summary>
/// What a form would submit, without its values: the destination (method, action URL, encoding, target window) and
/// each entry's name with a keyed hash (HMAC-SHA-256) of its value, in submission order. Two snapshots of the same form
/// say which entries were changed, added or removed; no value, secret or not, can be read back from one.
/// </summary>
internal sealed class FormSnapshot
{
    private const int MaxNamed = 8;
    private const int MaxName = 60;

    private FormSnapshot(string destination, IReadOnlyList<KeyValuePair<string, string>> entries)
    {
        Destination = destination;
        Entries = entries;
    }

    /// <summary>The method a submission uses (GET, POST…), upper case.</summary>
    public string Method { get; private init; } = "";

    /// <summary>The URL a submission goes to.</summary>
    public string Action { get; private init; } = "";

    /// <summary>The entries a submission sends (the first <see cref="FormEntriesResult.Sent"/>), and which of them are files.</summary>
    private IReadOnlyList<(string Name, string Hash, bool File)> Sent { get; init; } = [];

    /// <summary>"POST http://host/path (application/x-www-form-urlencoded)", plus the target window when it has one.</summary>
    public string Destination { get; }

    /// <summary>Entry name → hash of its value, in submission order (a name may repeat).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Entries { get; }

    /// <summary>The snapshot of what the page helper read; every value is hashed here with <paramref name="key"/> and dropped.</summary>
    public static FormSnapshot From(FormEntriesResult read, byte[] key)
    {
        var target = read.Target.Length > 0 && read.Target != "_self" ? $" into window \"{Name(read.Target)}\"" : "";
        var destination = $"{read.Method.ToUpperInvariant()} {read.Action} ({read.Enctype}){target}";
        using var hmac = new HMACSHA256(key);
        var entries = read.Entries
            .Select(e => KeyValuePair.Create(e.Name, Hash(hmac, e.Value)))
            .ToArray();
        return new FormSnapshot(destination, entries)
        {
            Method = read.Method.ToUpperInvariant(),
            Action = read.Action,
            Sent = read.Entries.Take(Math.Clamp(read.Sent, 0, read.Entries.Count)).Select((e, i) => (e.Name, entries[i].Value, e.File)).ToArray(),
        };
    }

    /// <summary>
    /// What differs between the entries this form would send and the urlencoded <paramref name="body"/> of a request (names,
    /// never values); empty when they are the same. Line breaks count as one (a submission writes CRLF); a file entry is
    /// compared by name only (its bytes are not in a urlencoded body).
    /// </summary>
    public IReadOnlyList<string> BodyChanges(string body, byte[] key) => ChangesIn(UrlEncodedEntries(body), key);

    /// <summary>
    /// The same for a <c>multipart/form-data</c> body with <paramref name="boundary"/>: each part's name and text; a part
    /// with a file name is a file entry, compared by name only. A body that does not parse as parts is a change.
    /// </summary>
    public IReadOnlyList<string> MultipartChanges(string body, string boundary, byte[] key) =>
        MultipartEntries(body, boundary) is { } parts ? ChangesIn(parts, key) : ["the body (it is not the multipart form it says)"];

    private IReadOnlyList<string> ChangesIn(IEnumerable<(string Name, string Value)> sent, byte[] key)
    {
        using var hmac = new HMACSHA256(key);
        var files = Sent.Where(e => e.File).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var sentNow = sent
            .Select(e => KeyValuePair.Create(e.Name, files.Contains(e.Name) ? Sent.First(f => f.Name == e.Name).Hash : Hash(hmac, e.Value)))
            .ToList();
        var approved = new FormSnapshot(Destination, Sent.Select(e => KeyValuePair.Create(e.Name, e.Hash)).ToArray());
        return approved.ChangesTo(new FormSnapshot(Destination, sentNow));
    }

    private static IEnumerable<(string Name, string Value)> UrlEncodedEntries(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var cut = pair.IndexOf('=', StringComparison.Ordinal);
            yield return (Decode(cut < 0 ? pair : pair[..cut]), Decode(cut < 0 ? "" : pair[(cut + 1)..]));
        }
    }

    // "--boundary\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue\r\n--boundary--": null when it is not that.
    private static List<(string Name, string Value)>? MultipartEntries(string body, string boundary)
    {
        ArgumentNullException.ThrowIfNull(body);
        var delimiter = "--" + boundary;
        var chunks = body.Split(delimiter);
        if (chunks.Length < 2 || !chunks[^1].StartsWith("--", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = new List<(string, string)>();
        foreach (var chunk in chunks[1..^1])
        {
            var headEnd = chunk.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (!chunk.StartsWith("\r\n", StringComparison.Ordinal) || headEnd < 0 || !chunk.EndsWith("\r\n", StringComparison.Ordinal))
            {
                return null;
            }

            var head = chunk[2..headEnd];
            var name = Parameter(head, "name");
            if (name is null)
            {
                return null;
            }

            var value = headEnd + 4 <= chunk.Length - 2 ? chunk[(headEnd + 4)..^2] : "";
            parts.Add((name, value));
        }

        return parts;
    }

    // A quoted parameter of the Content-Disposition header (name="a"; filename="b"), the browser's escapes undone.
    private static string? Parameter(string head, string parameter)
    {
        foreach (var line in head.Split("\r\n"))
        {
            if (!line.StartsWith("Content-Disposition:", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var marker = "; " + parameter + "=\"";
            var at = line.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return null;
            }

            var start = at + marker.Length;
            var end = line.IndexOf('"', start);
            return end < 0 ? null : line[start..end].Replace("%22", "\"", StringComparison.Ordinal).Replace("%0D%0A", "\n", StringComparison.Ordinal)
                .Replace("%0A", "\n", StringComparison.Ordinal).Replace("%0D", "\n", StringComparison.Ordinal);
        }

        return null;
    }

    private static string Hash(HMACSHA256 hmac, string value) =>
        Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes(value.Replace("\r\n", "\n", StringComparison.Ordinal))));

    private static string Decode(string part)
    {
        try
        {
            return Uri.UnescapeDataString(part.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return part;
        }
    }

    /// <summary>What changed from this snapshot to <paramref name="now"/>, in words (entry names, never values); empty when nothing did.</summary>
    public IReadOnlyList<string> ChangesTo(FormSnapshot now)
    {
        ArgumentNullException.ThrowIfNull(now);
        var before = Entries.ToLookup(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var after = now.Entries.ToLookup(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var names = Entries.Concat(now.Entries).Select(e => e.Key).Distinct(StringComparer.Ordinal).ToList();
        var changed = names.Where(n => before.Contains(n) && after.Contains(n) && !before[n].SequenceEqual(after[n], StringComparer.Ordinal)).ToList();
        var added = names.Where(n => !before.Contains(n)).ToList();
        var removed = names.Where(n => !after.Contains(n)).ToList();

        var changes = new List<string>();
        Add(changes, changed, "changed");
        Add(changes, added, "added");
        Add(changes, removed, "removed");
        if (changes.Count == 0 && !Entries.Select(e => e.Key).SequenceEqual(now.Entries.Select(e => e.Key), StringComparer.Ordinal))
        {
            changes.Add("its fields were reordered");
        }

        if (!string.Equals(Destination, now.Destination, StringComparison.Ordinal))
        {
            changes.Add($"it now sends to {InertText.Line(now.Destination)} instead of {InertText.Line(Destination)}");
        }

        return changes;
    }

    private static void Add(List<string> changes, List<string> names, string what)
    {
        if (names.Count == 0)
        {
            return;
        }

        var shown = string.Join(", ", names.Take(MaxNamed).Select(n => n.Length == 0 ? "(no name)" : Name(n)));
        var more = names.Count > MaxNamed ? $" and {names.Count - MaxNamed} more" : "";
        changes.Add($"{shown}{more} {what}");
    }

    // Names are the page's words: made inert and short before they reach a message, the log or the audit.
    private static string Name(string name)
    {
        var inert = InertText.Line(name);
        return inert.Length <= MaxName ? inert : string.Concat(inert.AsSpan(0, MaxName), "…");
    }
}
