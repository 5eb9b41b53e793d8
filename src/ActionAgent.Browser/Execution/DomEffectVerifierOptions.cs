namespace ActionAgent.Browser.Execution;

/// <summary>Settings of the <see cref="DomEffectVerifier"/>.</summary>
public sealed class DomEffectVerifierOptions
{
    /// <summary>How long to keep looking for an action's effect before calling it not seen. Default 1.5 s.</summary>
    public TimeSpan EffectTimeout { get; set; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>
    /// How long to keep looking for a hover's effect: a menu that opens after the pointer rests (hoverIntent, a CSS
    /// transition delay) shows within it. Nothing seen is no failure: a hover may only restyle. Default 1 s.
    /// </summary>
    public TimeSpan HoverEffectTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Pause between two looks while the effect is not seen yet. Default 100 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Fraction of the screen (from the inner pixel verifier) that counts as a visible change on its own. Default 0.01.</summary>
    public double PixelEvidence { get; set; } = 0.01;

    /// <summary>
    /// Checks only what the DOM can tell without the observation's element ids: the field that holds the focus after
    /// typing (its value read back; a secret one only as filled). Set with vision perception, whose elements come from
    /// pixels; the pixel verifier inside confirms the rest. Default false.
    /// </summary>
    public bool FocusedFieldOnly { get; set; }

    /// <summary>
    /// How long the page must have been watched without the agent acting before a click, key press or drag, so that
    /// what changes by itself (a clock, a ticker, a script-driven animation) is known and not taken for the action's
    /// effect. Only the first such action on a page usually waits: perception, deciding and approval count as
    /// watching. A quiet page (loaded; no timer, animation frame, request, socket, worker or animation pending; nothing
    /// changed by itself yet) is not waited for: nothing there can change unless something acts. Default 1.1 s (a clock
    /// that ticks once a second is seen); zero turns the wait off.
    /// </summary>
    public TimeSpan LearnPageLife { get; set; } = TimeSpan.FromMilliseconds(1100);

    /// <summary>
    /// How much longer than <see cref="LearnPageLife"/> a page that still has requests in flight is watched, so what their
    /// answers change lands while the agent watches and is not taken for the action's effect. Counted over the page's
    /// life (only the first actions on a page wait). Default 2 s.
    /// </summary>
    public TimeSpan SettleRequests { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long the pointer rests on a click's target before the click, while the agent still watches, so hover feedback
    /// (a hover class, a tooltip from script) is not taken for the click's effect. Used with <see cref="LearnPageLife"/>. Default 50 ms (a tooltip shown later by a timer is the page's own anyway).
    /// </summary>
    public TimeSpan HoverFeedback { get; set; } = TimeSpan.FromMilliseconds(50);
}
