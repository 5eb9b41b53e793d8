using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;
using ActionAgent.Vision.Imaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;

namespace ActionAgent.Vision.Verification;

/// <summary>
/// After an action, captures the screen (waiting at most about a second for it to settle) and compares it with the
/// observation's screenshot: sets <see cref="ActionOutcome.ChangedFraction"/>, and says so when a click, typing or key
/// press changed nothing. The outcome stays Succeeded: the decider decides what "no effect" means.
/// </summary>
public sealed class PixelChangeVerifier : IOutcomeVerifier
{
    /// <summary>The words appended to the outcome message when nothing changed.</summary>
    public const string NoEffectSuffix = "(the action had no visible effect)";

    private readonly PixelChangeVerifierOptions options;
    private readonly IScreenCapture capture;
    private readonly ChangeDetector detector;
    private readonly TimeProvider time;
    private readonly VisualStabilityWaiter waiter;
    private readonly ILogger logger;
    private Mat? previousRaw; // the unmasked frame after the last confirmed action (ConfirmEffects only)
    private List<Rect> motion = []; // what moved by itself between the observation and the action (LearnMotion only)
    private long? prepared; // when that was learned: the action's own span runs from there to the verdict

    /// <summary>Creates the verifier over a screen capture; components left null get their defaults.</summary>
    public PixelChangeVerifier(
        IScreenCapture capture,
        PixelChangeVerifierOptions? options = null,
        ChangeDetector? detector = null,
        TimeProvider? time = null,
        ILogger<PixelChangeVerifier>? logger = null)
    {
        this.capture = capture ?? throw new ArgumentNullException(nameof(capture));
        this.options = options ?? new PixelChangeVerifierOptions();
        this.detector = detector ?? new ChangeDetector();
        this.time = time ?? TimeProvider.System;
        this.logger = logger ?? NullLogger<PixelChangeVerifier>.Instance;
        waiter = new VisualStabilityWaiter(capture, new StabilityOptions { Timeout = this.options.SettleTimeout }, this.detector, this.time);
    }

    /// <summary>
    /// With <see cref="PixelChangeVerifierOptions.LearnMotion"/>: captures the screen right before the action and keeps
    /// the areas that changed since the observation's screenshot; the verdict leaves them out on both sides.
    /// </summary>
    public async Task PrepareAsync(ProposedAction proposal, Observation before, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(before);
        motion = [];
        prepared = null;
        if (!options.LearnMotion || proposal.Action.IsTerminal)
        {
            return;
        }

        using var beforeImage = FrameCodec.TryDecode(before.Screenshot);
        if (beforeImage is null)
        {
            return;
        }

        using var now = FrameCodec.Decode(await capture.CaptureAsync(cancellationToken).ConfigureAwait(false), "screen capture");
        prepared = time.GetTimestamp();
        using var current = Fit(now, beforeImage);
        var secrets = SecretBoxes(before, beforeImage.Size());
        Mask(beforeImage, secrets);
        Mask(current, secrets);
        using var changedMask = detector.ChangedMaskOf(beforeImage, current);
        var fraction = (double)Cv2.CountNonZero(changedMask) / ((double)changedMask.Rows * changedMask.Cols);
        if (fraction > options.MaxMotionFraction)
        {
            logger.LogDebug("The screen changed by {Fraction:P0} since the observation: not treated as motion", fraction);
            return;
        }

        // The target's own change (a hover style, the pointer resting on it) is judged by the effect rules, never hidden.
        motion = MovingAreas(changedMask, TargetBox(proposal.Action, before));
        if (motion.Count > 0)
        {
            logger.LogDebug("{Count} areas changed by themselves before {Action}; left out of its verdict", motion.Count, proposal.Action.Kind);
        }
    }

    /// <inheritdoc />
    public async Task<ActionOutcome> VerifyAsync(ProposedAction proposal, Observation before, ActionOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(outcome);
        if (!outcome.Succeeded || proposal.Action.IsTerminal)
        {
            return outcome;
        }

        using var beforeImage = FrameCodec.TryDecode(before.Screenshot);
        if (beforeImage is null)
        {
            return outcome;
        }

        var started = time.GetTimestamp();
        if (options.InitialDelay > TimeSpan.Zero)
        {
            await Task.Delay(options.InitialDelay, time, cancellationToken).ConfigureAwait(false);
        }

        // Secret fields, and what moved by itself before the action, are left out on both sides.
        var secrets = SecretBoxes(before, beforeImage.Size());
        secrets.AddRange(motion);
        motion = [];
        var prepared = this.prepared;
        this.prepared = null;
        Mask(beforeImage, secrets);
        double fraction;
        var settled = await waiter.WaitAsync(Remaining(started), cancellationToken).ConfigureAwait(false);
        var last = Fit(settled.Image, beforeImage);
        settled.Dispose();
        try
        {
            fraction = Compare(beforeImage, last, secrets);

            // Nothing yet after an action that should show: the page may still be waiting on the network. Watch until
            // the time is up before calling it "no visible effect".
            var expectsEffect = options.ExpectVisibleEffect.Contains(proposal.Action.Kind);
            while (expectsEffect && fraction < options.NoEffectFraction && Remaining(started) > TimeSpan.Zero)
            {
                await Task.Delay(options.Interval, time, cancellationToken).ConfigureAwait(false);
                using var later = FrameCodec.Decode(await capture.CaptureAsync(cancellationToken).ConfigureAwait(false), "screen capture");
                last.Dispose();
                last = Fit(later, beforeImage);
                fraction = Compare(beforeImage, last, secrets);
            }

            var navigated = outcome.UrlAfter is { } url && !string.Equals(url, before.Url, StringComparison.Ordinal);
            var checks = options.ConfirmEffects ? Confirm(proposal.Action, before, beforeImage, last, secrets, navigated ? outcome.UrlAfter : null) : [];
            if (checks.Count > 0 && !navigated && options.LearnMotion && RestsOnSurroundings(proposal.Action))
            {
                // What the page changes by itself between the observation and the action is left out above; a clock that
                // ticks once a second may not have ticked in that span yet and tick while the effect is awaited. The page
                // is watched again for as long as the action and its verdict took (at least RecheckMotion): what changes
                // by itself then is left out too, and the checks are taken again.
                var moving = await MovingAfterAsync(proposal.Action, before, last, prepared, cancellationToken).ConfigureAwait(false);
                if (moving.Count > 0)
                {
                    // A change that touches what moves by itself is that motion as a whole (a clock's line that grew
                    // longer with its first tick, a ticker whose count gained a digit).
                    using var seen = last.Clone();
                    Mask(seen, secrets);
                    moving.AddRange(RegionsTouching(beforeImage, seen, moving));
                    secrets.AddRange(moving);
                    Mask(beforeImage, moving);
                    using var still = last.Clone();
                    Mask(still, secrets);
                    checks = PixelEffects.Checks(proposal.Action, before, beforeImage, still, null, detector, options);
                    if (checks.Count == 0)
                    {
                        logger.LogInformation("{Action}: what changed on the screen changes by itself; no visible effect", proposal.Action.Kind);
                        return outcome with { Message = $"{outcome.Message} {NoEffectSuffix} ({MovedBySelf(moving.Count)})", ChangedFraction = 0 };
                    }
                }
            }

            if (checks.Count > 0)
            {
                logger.LogDebug("{Action} confirmed from pixels: {Checks}", proposal.Action.Kind, string.Join("; ", checks));
                return (outcome with { ChangedFraction = Math.Round(fraction, 5) }).WithChecks(checks);
            }

            if (fraction < options.NoEffectFraction && !navigated && expectsEffect)
            {
                logger.LogInformation("{Action} had no visible effect", proposal.Action.Kind);
                return outcome with { Message = $"{outcome.Message} {NoEffectSuffix}", ChangedFraction = 0 };
            }

            logger.LogDebug("{Action} changed {Fraction:P2} of the screen", proposal.Action.Kind, fraction);
            return outcome with { ChangedFraction = Math.Round(fraction, 5) };
        }
        finally
        {
            last.Dispose();
        }
    }

    // The checks a visible effect gives. A secret field is painted over in the observation: what it showed before
    // this action is in the raw frame kept from the previous one, usable only while the page has not changed since.
    private List<string> Confirm(BrowserAction action, Observation before, Mat beforeImage, Mat last, IReadOnlyList<Rect> secrets, string? navigatedTo)
    {
        using var earlier = previousRaw;
        previousRaw = last.Clone();
        using var masked = last.Clone();
        Mask(masked, secrets);
        Mat? rawBefore = null;
        if (earlier is not null && earlier.Size() == beforeImage.Size())
        {
            using var check = earlier.Clone();
            Mask(check, secrets);
            rawBefore = detector.ChangedFraction(beforeImage, check) < options.NoEffectFraction ? earlier : null;
        }

        return PixelEffects.Checks(action, before, beforeImage, masked, navigatedTo, detector, options, rawBefore, last);
    }

    /// <summary>The words that say what was left out of a verdict because it changes by itself.</summary>
    internal static string MovedBySelf(int areas) =>
        areas == 1 ? "one area that changes by itself was not counted" : $"{areas} areas that change by themselves were not counted";

    // Actions whose effect the pixels confirm by a change anywhere on the screen (not inside a field).
    private static bool RestsOnSurroundings(BrowserAction action) => action is ClickAction or PressKeyAction;

    // Watches the page after the verdict's frame for as long as the action and the verdict took (from the capture
    // before the action), clamped to [RecheckMotion, 2.5 s], and returns the areas that changed in that time.
    private async Task<List<Rect>> MovingAfterAsync(BrowserAction action, Observation before, Mat last, long? since, CancellationToken cancellationToken)
    {
        var span = since is { } t ? time.GetElapsedTime(t) : options.RecheckMotion;
        var wait = span < options.RecheckMotion ? options.RecheckMotion : span > MaxRecheck ? MaxRecheck : span;
        await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        using var now = FrameCodec.Decode(await capture.CaptureAsync(cancellationToken).ConfigureAwait(false), "screen capture");
        using var later = Fit(now, last);
        using var changedMask = detector.ChangedMaskOf(last, later);
        var fraction = (double)Cv2.CountNonZero(changedMask) / ((double)changedMask.Rows * changedMask.Cols);
        if (fraction > options.MaxMotionFraction)
        {
            return [];
        }

        var moving = MovingAreas(changedMask, TargetBox(action, before));
        if (moving.Count > 0)
        {
            logger.LogDebug("{Count} areas changed by themselves after {Action}; left out of its verdict", moving.Count, action.Kind);
        }

        return moving;
    }

    private static readonly TimeSpan MaxRecheck = TimeSpan.FromSeconds(2.5);

    // The boxes around changed pixels (every changed pixel counts: one changed digit of a clock is motion too), grown by
    // a few pixels so anti-aliased edges of the next change fall inside. Text that changes by itself changes in places:
    // a clock's seconds now, its minutes later, so its neighbours on the same line (three line-heights either side)
    // are left out with it. The target's own box is never left out.
    private static List<Rect> MovingAreas(Mat changedMask, Rect? target)
    {
        var bounds = new Rect(0, 0, changedMask.Width, changedMask.Height);
        return ChangeDetector.Blobs(changedMask, new Size(9, 9))
            .Select(r => new Rect(r.X - 3 - (3 * r.Height), r.Y - 3, r.Width + 6 + (6 * r.Height), r.Height + 6).Intersect(bounds))
            .Where(r => r.Width > 0 && r.Height > 0 && (target is not { } t || !r.IntersectsWith(t)))
            .ToList();
    }

    // The changed regions between two frames (words of a line merged) that touch one of the areas.
    private List<Rect> RegionsTouching(Mat before, Mat after, IReadOnlyList<Rect> areas)
    {
        using var changed = detector.ChangedMaskOf(before, after);
        var bounds = new Rect(0, 0, before.Width, before.Height);
        return ChangeDetector.Blobs(changed, new Size(25, 9))
            .Where(r => areas.Any(a => a.IntersectsWith(r)))
            .Select(r => Rect.Inflate(r, 3, 3).Intersect(bounds))
            .Where(r => r.Width > 0 && r.Height > 0)
            .ToList();
    }

    // The acted-on element's box in screenshot pixels, when the action names one.
    private static Rect? TargetBox(BrowserAction action, Observation before)
    {
        var id = action switch
        {
            ClickAction c => c.Target.ElementId,
            TypeTextAction t => t.Target?.ElementId,
            SelectOptionAction s => s.Target.ElementId,
            DragAction d => d.From.ElementId,
            HoverAction h => h.Target.ElementId,
            SelectTextAction t => t.Target.ElementId,
            _ => null,
        };
        if (id is not { } known || before.Find(known) is not { } element)
        {
            return null;
        }

        var r = before.Geometry.ToScreenshot(element.Bounds);
        return new Rect((int)r.X, (int)r.Y, (int)Math.Ceiling(r.Width), (int)Math.Ceiling(r.Height));
    }

    // A frame at the observation's screenshot size (captures may differ in scale).
    private static Mat Fit(Mat frame, Mat before) =>
        frame.Size() == before.Size() ? frame.Clone() : frame.Resize(before.Size(), 0, 0, InterpolationFlags.Area);

    private TimeSpan Remaining(long started) => options.SettleTimeout - time.GetElapsedTime(started);

    /// <summary>Changed fraction between the observation's screenshot and a frame, scaled to its size, secrets ignored.</summary>
    private double Compare(Mat before, Mat frame, IReadOnlyList<Rect> secrets)
    {
        using var after = Fit(frame, before);
        Mask(after, secrets);
        return detector.ChangedFraction(before, after);
    }

    /// <summary>
    /// The observation's screenshot has secret fields painted over and a raw capture does not: those boxes (screenshot
    /// pixels, with a pixel of slack) are ignored on both sides.
    /// </summary>
    private static List<Rect> SecretBoxes(Observation before, Size size) =>
        before.Elements.Where(e => e.IsSecret)
            .Select(e => before.Geometry.ToScreenshot(e.Bounds))
            .Select(r => new Rect((int)r.X - 1, (int)r.Y - 1, (int)Math.Ceiling(r.Width) + 3, (int)Math.Ceiling(r.Height) + 3).Intersect(new Rect(0, 0, size.Width, size.Height)))
            .Where(r => r.Width > 0 && r.Height > 0)
            .ToList();

    private static void Mask(Mat image, IReadOnlyList<Rect> boxes)
    {
        foreach (var box in boxes)
        {
            Cv2.Rectangle(image, box, Scalar.Black, -1);
        }
    }
}
