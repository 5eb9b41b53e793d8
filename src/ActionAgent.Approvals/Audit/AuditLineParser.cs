using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ActionAgent.Approvals.Audit;

/// <summary>
/// Reads one line as an entry and says exactly what is wrong with it: not JSON, cut off, a duplicate or unknown key, a field
/// of the wrong type, a hash that does not match, or a layout the writer never produces. Never throws for bad input.
/// </summary>
internal static class AuditLineParser
{
    private static readonly string[] Fields = ["seq", "at", "kind", "data", "prevHash", "hash"];

    /// <summary>Parses <paramref name="bytes"/>; the result says whether its hash matches and what, if anything, is wrong.</summary>
    public static ParsedAuditLine Parse(ReadOnlyMemory<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return ParsedAuditLine.Broken("empty line (a line was removed or the file was edited)");
        }

        // Checked first: System.Text.Json reads invalid UTF-8 inside strings and only fails (throws) when the text is taken.
        if (!System.Text.Unicode.Utf8.IsValid(bytes.Span) && InvalidUtf8At(bytes.Span) is { } bad)
        {
            return ParsedAuditLine.Broken(string.Create(CultureInfo.InvariantCulture, $"not JSON (invalid UTF-8 at byte {bad + 1}: the line is corrupt)"));
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            return ParsedAuditLine.Broken(e.BytePositionInLine >= bytes.Length
                ? "the line is cut off (its JSON ends early: a write was interrupted)"
                : string.Create(CultureInfo.InvariantCulture, $"not JSON (bad byte at position {(e.BytePositionInLine ?? 0) + 1}: the line is corrupt or was edited)"));
        }
        catch (ArgumentException)
        {
            return ParsedAuditLine.Broken("not JSON (invalid UTF-8: the line is corrupt)");
        }

        using (doc)
        {
            try
            {
                return Parse(doc.RootElement, bytes.Span);
            }
            catch (InvalidOperationException)
            {
                // A value System.Text.Json accepted while reading but cannot turn into text or a node.
                return ParsedAuditLine.Broken("not a readable entry (a value cannot be decoded: the line is corrupt)");
            }
        }
    }

    private static ParsedAuditLine Parse(JsonElement root, ReadOnlySpan<byte> bytes)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return ParsedAuditLine.Broken($"not an entry (a JSON {root.ValueKind.ToString().ToLowerInvariant()}, expected an object)");
        }

        if (DuplicateKey(root) is { } duplicate)
        {
            return ParsedAuditLine.Broken($"duplicate key \"{Short(duplicate)}\" (readers could see either value: the line was edited)");
        }

        foreach (var p in root.EnumerateObject())
        {
            if (Array.IndexOf(Fields, p.Name) < 0)
            {
                return ParsedAuditLine.Broken($"unexpected field \"{Short(p.Name)}\" (not part of an entry and not covered by its hash: the line was edited)");
            }
        }

        foreach (var name in Fields)
        {
            if (!root.TryGetProperty(name, out _))
            {
                return ParsedAuditLine.Broken($"field \"{name}\" is missing (every entry has seq, at, kind, data, prevHash, hash)");
            }
        }

        var seqElement = root.GetProperty("seq");
        if (seqElement.ValueKind != JsonValueKind.Number)
        {
            return ParsedAuditLine.Broken($"field \"seq\" is {Article(seqElement.ValueKind)}; expected a whole number (the line was edited)");
        }

        if (!seqElement.TryGetInt64(out var seq) || seq < 1 || seqElement.GetRawText() != seq.ToString(CultureInfo.InvariantCulture))
        {
            return ParsedAuditLine.Broken($"field \"seq\" is {Short(seqElement.GetRawText())}; expected a whole number from 1 (the line was edited)");
        }

        if (StringField(root, "at", out var at) is { } atProblem)
        {
            return ParsedAuditLine.Broken(atProblem);
        }

        if (!DateTimeOffset.TryParseExact(at, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            return ParsedAuditLine.Broken($"field \"at\" is \"{Short(at)}\"; expected a UTC time like 2026-11-23T09:00:00.000Z (the line was edited)");
        }

        if (StringField(root, "kind", out var kind) is { } kindProblem)
        {
            return ParsedAuditLine.Broken(kindProblem);
        }

        var dataElement = root.GetProperty("data");
        if (dataElement.ValueKind != JsonValueKind.Object)
        {
            return ParsedAuditLine.Broken($"field \"data\" is {Article(dataElement.ValueKind)}; expected an object (the line was edited)");
        }

        if (StringField(root, "prevHash", out var prevHash) is { } prevProblem)
        {
            return ParsedAuditLine.Broken(prevProblem);
        }

        if (StringField(root, "hash", out var hash) is { } hashProblem)
        {
            return ParsedAuditLine.Broken(hashProblem);
        }

        if (!AuditHashing.IsHash(prevHash) || !AuditHashing.IsHash(hash))
        {
            return ParsedAuditLine.Broken("field \"prevHash\" or \"hash\" is not 64 lower-case hex digits (the line was edited)");
        }

        var data = (JsonObject)AuditHashing.Sort(JsonObject.Create(dataElement)!);
        if (!string.Equals(AuditHashing.HashOf(prevHash, AuditHashing.Canonical(seq, at, kind, data)), hash, StringComparison.Ordinal))
        {
            return new ParsedAuditLine(seq, prevHash, hash, Consistent: false, $"entry {seq} was modified (its hash does not match its content)");
        }

        // The hash covers the values; the layout check covers the bytes, so spacing, key order and escapes cannot change either.
        var written = Encoding.UTF8.GetBytes(AuditHashing.Line(seq, at, kind, data, prevHash, hash));
        return bytes.SequenceEqual(written)
            ? new ParsedAuditLine(seq, prevHash, hash, Consistent: true, null)
            : new ParsedAuditLine(seq, prevHash, hash, Consistent: true, $"entry {seq} is not laid out the way the log writes it (spacing, key order or escapes changed: the line was edited)");
    }

    private static int? InvalidUtf8At(ReadOnlySpan<byte> bytes)
    {
        var at = 0;
        while (at < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[at..], out _, out var used) != System.Buffers.OperationStatus.Done)
            {
                return at;
            }

            at += used;
        }

        return null;
    }

    private static string? StringField(JsonElement root, string name, out string value)
    {
        var e = root.GetProperty(name);
        value = e.ValueKind == JsonValueKind.String ? e.GetString()! : "";
        return e.ValueKind != JsonValueKind.String ? $"field \"{name}\" is {Article(e.ValueKind)}; expected a string (the line was edited)"
            : value.Length == 0 ? $"field \"{name}\" is empty (the line was edited)"
            : null;
    }

    private static string? DuplicateKey(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var p in e.EnumerateObject())
                {
                    if (!seen.Add(p.Name))
                    {
                        return p.Name;
                    }

                    if (DuplicateKey(p.Value) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                {
                    if (DuplicateKey(item) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    /// <summary>At most 40 characters, with control, escape and bidi characters shown as \uXXXX so a line cannot rewrite the terminal.</summary>
    private static string Short(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.Length > 40 ? text[..40] : text)
        {
            _ = char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200B' or '\u200E' or '\u200F' or '\uFEFF'
                ? sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}")
                : sb.Append(c);
        }

        return text.Length > 40 ? sb.Append('…').ToString() : sb.ToString();
    }
}

/// <summary>
/// What one line holds: the entry's seq, prevHash and hash when they could be read, whether the hash matches the content,
/// and the problem (null for a sound entry).
/// </summary>
internal sealed record ParsedAuditLine(long Seq, string PrevHash, string Hash, bool Consistent, string? Problem)
{
    /// <summary>True when seq, prevHash and hash could be read (the line is an entry, sound or edited).</summary>
    public bool HasFields => Hash.Length > 0;

    /// <summary>A line that is not an entry at all.</summary>
    public static ParsedAuditLine Broken(string problem) => new(0, "", "", Consistent: false, problem);
}
