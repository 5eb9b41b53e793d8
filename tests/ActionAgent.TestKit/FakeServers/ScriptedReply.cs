namespace ActionAgent.TestKit.FakeServers;

/// <summary>One scripted HTTP answer of a fake model server: status, JSON body, extra headers, optional delay.</summary>
public sealed record ScriptedReply(int Status, string Body)
{
    /// <summary>Extra response headers (Retry-After, retry-after-ms, …).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Time to wait before answering (to exercise timeouts).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Content type of the body. Default application/json.</summary>
    public string ContentType { get; init; } = "application/json";
}
