namespace ActionAgent.Browser.Network;

/// <summary>One decision of the network guard about one request, for logs, recordings and the audit log.</summary>
public sealed record NetworkEvent(NetworkEventKind Kind, string Method, string Url, string Reason)
{
    /// <summary>Playwright's resource type (document, xhr, fetch, script…).</summary>
    public string ResourceType { get; init; } = "";

    /// <summary>True for requests that navigate a frame.</summary>
    public bool IsNavigation { get; init; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset At { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Method} {Url}: {Reason}";
}
