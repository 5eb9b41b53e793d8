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
        using var current = Fit(now, beforeImage);
        var secrets = SecretBoxes(before, beforeImage.Size());
        Mask(beforeImage, secrets);
        Mask(current, secrets);
        // Every changed pixel counts (no smallest-region filter: one changed digit of a clock is motion too), grown by a
        // few pixels so anti-aliased edges of the next change fall inside.
        using var changedMask = detector.ChangedMaskOf(beforeImage, current);
        var fraction = (double)Cv2.CountNonZero(changedMask) / ((double)changedMask.Rows * changedMask.Cols);
        if (fraction > options.MaxMotionFraction)
        {
            logger.LogDebug("The screen changed by {Fraction:P0} since the observation: not treated as motion", fraction);
            return;
        }

        using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(9, 9));
        Cv2.Dilate(changedMask, changedMask, kernel);
        Cv2.FindContours(changedMask, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);

        // The target's own change (a hover style, the pointer resting on it) is judged by the effect rules, never hidden.
        var bounds = new Rect(0, 0, beforeImage.Width, beforeImage.Height);
        var target = TargetBox(proposal.Action, before);
        // Text that changes by itself changes in places: a clock's seconds now, its minutes later. Its neighbours on the
        // same line (three line-heights either side) are left out with it.
        motion = contours
            .Select(Cv2.BoundingRect)
            .Select(r => new Rect(r.X - 3 - (3 * r.Height), r.Y - 3, r.Width + 6 + (6 * r.Height), r.Height + 6).Intersect(bounds))
            .Where(r => r.Width > 0 && r.Height > 0 && (target is not { } t || !r.IntersectsWith(t)))
            .ToList();
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
