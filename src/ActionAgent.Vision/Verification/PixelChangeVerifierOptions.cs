namespace ActionAgent.Vision.Verification;

/// <summary>Settings of <see cref="PixelChangeVerifier"/>.</summary>
public sealed class PixelChangeVerifierOptions
{
    /// <summary>
    /// Longest time spent after the action: settling, and, when nothing changed yet, watching for a late change
    /// (a click that waits on the network) before calling it "no visible effect". Default 1 s.
    /// </summary>
    public TimeSpan SettleTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Pause before the first capture, so the page can react to the input. Default 100 ms.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Pause between captures while watching for a late change. Default 100 ms.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>A changed fraction below this counts as "no visible effect". Default 0.0002 (0.02 % of the screen).</summary>
    public double NoEffectFraction { get; set; } = 0.0002;

    /// <summary>Action kinds that are expected to change the screen. Default click, double_click, right_click, type, press.</summary>
    public ISet<string> ExpectVisibleEffect { get; } = new HashSet<string>(StringComparer.Ordinal) { "click", "double_click", "right_click", "type", "press" };

    /// <summary>
    /// Whether a visible effect at the target confirms the step (sets <c>Checks</c>): on when nothing else can check,
    /// i.e. vision perception without the DOM. Default false (the DOM verifier checks).
    /// </summary>
    public bool ConfirmEffects { get; set; }

    /// <summary>Fewest changed pixels that count as an effect at a target. Default 12.</summary>
    public int MinChangedPixels { get; set; } = 12;

    /// <summary>Narrowest changed area inside a field that counts as new text (a blinking caret is 1–2 px). Default 4.</summary>
    public int MinChangedWidth { get; set; } = 4;

    /// <summary>
    /// Whether to capture the screen right before each action and leave out, when judging its effect, what changed
    /// since the observation without the agent acting (a clock, a ticker, an animation). On with
    /// <see cref="ConfirmEffects"/> (vision); costs one capture per action. Default false.
    /// </summary>
    public bool LearnMotion { get; set; }

    /// <summary>Above this changed fraction before the action, the page is taken to have changed rather than to move by itself, and nothing is left out. Default 0.5.</summary>
    public double MaxMotionFraction { get; set; } = 0.5;

    /// <summary>
    /// With <see cref="LearnMotion"/>: after a click or key press that changed the screen, the page is watched again for
    /// as long as the action took (observation to verdict), at least this long and at most 2.5 s; what changes by itself
    /// in that time is left out and the effect checked again. A clock that ticks once a second must tick in it.
    /// </summary>
    public TimeSpan RecheckMotion { get; set; } = TimeSpan.FromSeconds(1.2);
}
