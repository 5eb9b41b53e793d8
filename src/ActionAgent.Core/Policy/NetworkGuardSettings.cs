namespace ActionAgent.Core.Policy;

/// <summary>Network guard settings: its mode and the endpoints exempt from holding.</summary>
public sealed record NetworkGuardSettings
{
    /// <summary>Mode. Default: guard.</summary>
    public NetworkGuardMode Mode { get; init; } = NetworkGuardMode.Guard;

    /// <summary>
    /// Endpoints whose mutating requests pass without approval: URL globs (<c>*</c> any run of characters), optionally
    /// preceded by a method (<c>POST */api/search*</c>). Default: none.
    /// </summary>
    public IReadOnlyList<string> Exempt { get; init; } = [];
}
