using ActionAgent.Core.Decision;

namespace ActionAgent.Flows.Caching;

/// <summary>
/// One cache entry: the decision taken for an instruction at a step on a page, with descriptors of its targets so it
/// can be aimed again on a later run; points are stored in CSS pixels.
/// </summary>
public sealed record CachedAction
{
    /// <summary>Instruction + step + page signature (see <see cref="ActionCache.KeyFor"/>).</summary>
    public required string Key { get; init; }

    /// <summary>The instruction (task) as given.</summary>
    public required string Instruction { get; init; }

    /// <summary>The 1-based step within the instruction's run.</summary>
    public required int Step { get; init; }

    /// <summary>URL path of the page.</summary>
    public required string UrlPath { get; init; }

    /// <summary>The page signature when stored.</summary>
    public required string PageSignature { get; init; }

    /// <summary>The decision (model usage cleared).</summary>
    public required ProposedAction Proposal { get; init; }

    /// <summary>The primary target, for actions that have one.</summary>
    public TargetDescriptor? Target { get; init; }

    /// <summary>The drop target of a drag, when it is an element.</summary>
    public TargetDescriptor? SecondaryTarget { get; init; }

    /// <summary>When it was first stored.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was last stored, relocated or healed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Times it was served without asking the decider.</summary>
    public int Hits { get; init; }

    /// <summary>Times the decider had to be asked again because the entry no longer fit the page.</summary>
    public int HealCount { get; init; }
}
