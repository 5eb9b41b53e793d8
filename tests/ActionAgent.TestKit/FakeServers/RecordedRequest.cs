using System.Text.Json;

namespace ActionAgent.TestKit.FakeServers;

/// <summary>A request a fake model server received: method, path with query, headers and body as sent.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>A header's value (values joined by ", "), or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The body parsed as JSON (caller disposes).</summary>
    public JsonDocument Json() => JsonDocument.Parse(Body);

    /// <summary>Every header as "name: value" lines except the named ones, for scanning.</summary>
    public string HeadersExcept(params string[] names) =>
        string.Join('\n', Headers.Where(h => !names.Contains(h.Key, StringComparer.OrdinalIgnoreCase)).Select(h => $"{h.Key}: {h.Value}"));
}
