namespace ActionAgent.Core.Policy;

/// <summary>Page text that tries to instruct the agent ("ignore previous instructions…"): where, which markers, an excerpt.</summary>
public sealed record InjectionAttempt(string Url, IReadOnlyList<string> Markers, string Excerpt)
{
    /// <summary>When it was seen.</summary>
    public DateTimeOffset At { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"possible prompt injection on {Url}: {string.Join(", ", Markers)} — \"{Excerpt}\"";
}
