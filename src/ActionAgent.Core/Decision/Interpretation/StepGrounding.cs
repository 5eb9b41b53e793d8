using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// The result of grounding one step on one observation: the action (when found), how sure the match is
/// (<see cref="Score"/>, 0..1) and in words why, or why nothing matched.
/// </summary>
public sealed record StepGrounding(GroundingStatus Status, BrowserAction? Action, double Score, string Reason)
{
    /// <summary>The element the action works on, when it has one.</summary>
    public UiElement? Element { get; init; }

    /// <summary>For failures: the best candidate that was not good enough ("button 'Submit refund', score 0.41").</summary>
    public string? Closest { get; init; }

    /// <summary>
    /// True when this action is one move of a step that is done only when the page shows it (a calendar paged to its
    /// month, every box ticked, an item at the top of its list): after it succeeds, the step is grounded again, and
    /// only <see cref="GroundingStatus.AlreadyDone"/> ends it.
    /// </summary>
    public bool Repeats { get; init; }

    /// <summary>
    /// True when a step that opens something points at its target instead of clicking it (a hover menu's entry): the step
    /// is done only when pointing showed something new; otherwise the entry is clicked next.
    /// </summary>
    public bool Points { get; init; }

    /// <summary>
    /// For a removing step on a row counted by its place ("Remove the third person"): the words that row showed. The step
    /// is done when no row shows them all any more (the next row, now third, is not the one removed).
    /// </summary>
    public IReadOnlyList<string>? RemovedRow { get; init; }

    /// <summary>True when the step grounded (or needs nothing) with at least the given score.</summary>
    public bool IsConfident(double minScore = 0.75) =>
        Status is GroundingStatus.AlreadyDone || (Status is GroundingStatus.Grounded && Score >= minScore);
}
