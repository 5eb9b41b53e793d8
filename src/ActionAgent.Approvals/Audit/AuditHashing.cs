using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ActionAgent.Approvals.Audit;

/// <summary>The one definition of what an entry's hash covers and how its line is written; the writer and the verifier both use it.</summary>
internal static class AuditHashing
{
    /// <summary>The canonical form that is hashed: seq, at, kind and data with object keys sorted, no whitespace.</summary>
    public static string Canonical(long seq, string at, string kind, JsonObject sortedData) =>
        new JsonObject { ["seq"] = seq, ["at"] = at, ["kind"] = kind, ["data"] = sortedData.DeepClone() }.ToJsonString();

    /// <summary>SHA-256 (lower-case hex) of the previous entry's hash followed by this entry's canonical form.</summary>
    public static string HashOf(string prevHash, string canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(prevHash + canonical)));

    /// <summary>The exact line the writer appends (without its newline): the canonical fields, then prevHash and hash.</summary>
    public static string Line(long seq, string at, string kind, JsonObject sortedData, string prevHash, string hash) =>
        new JsonObject
        {
            ["seq"] = seq,
            ["at"] = at,
            ["kind"] = kind,
            ["data"] = sortedData.DeepClone(),
            ["prevHash"] = prevHash,
            ["hash"] = hash,
        }.ToJsonString();

    /// <summary>
    /// The next entry after <paramref name="head"/> (null: the first) and its line: the one place an entry is chained, for the
    /// file log and the database log alike.
    /// </summary>
    public static (AuditEntry Entry, string Line) Compose(AuditHead? head, DateTimeOffset now, string kind, JsonObject sortedData)
    {
        var seq = (head?.Seq ?? 0) + 1;
        var prevHash = head?.Hash ?? AuditLog.Genesis;
        var at = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var hash = HashOf(prevHash, Canonical(seq, at, kind, sortedData));
        var entry = new AuditEntry(seq, DateTimeOffset.Parse(at, CultureInfo.InvariantCulture), kind, sortedData, prevHash, hash);
        return (entry, Line(seq, at, kind, sortedData, prevHash, hash));
    }

    /// <summary>A deep copy with every object's keys in ordinal order.</summary>
    public static JsonNode Sort(JsonNode node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => KeyValuePair.Create(kv.Key, kv.Value is null ? null : Sort(kv.Value)))),
        JsonArray a => new JsonArray(a.Select(n => n is null ? null : Sort(n)).ToArray()),
        _ => node.DeepClone(),
    };

    /// <summary>True for 64 lower-case hex digits.</summary>
    public static bool IsHash(string? text) =>
        text is { Length: 64 } && text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
