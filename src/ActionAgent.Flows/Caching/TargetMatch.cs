using ActionAgent.Core.Perception;

namespace ActionAgent.Flows.Caching;

/// <summary>An element found again from a descriptor: the element, the score (0..1) and how ("same", "similar", "template").</summary>
public sealed record TargetMatch(UiElement Element, double Score, string Method)
{
    /// <summary>True when the element has the recorded role and name (it may have moved).</summary>
    public bool IsSame => Method == "same";
}
