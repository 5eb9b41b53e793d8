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
    private readonly ChangeDetector detector;
    private readonly VisualStabilityWaiter waiter;
    private readonly ILogger logger;

    /// <summary>Creates the verifier over a screen capture; components left null get their defaults.</summary>
    public PixelChangeVerifier(
        IScreenCapture capture,
        PixelChangeVerifierOptions? options = null,
        ChangeDetector? detector = null,
        TimeProvider? time = null,
        ILogger<PixelChangeVerifier>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(capture);
        this.options = options ?? new PixelChangeVerifierOptions();
        this.detector = detector ?? new ChangeDetector();
        this.logger = logger ?? NullLogger<PixelChangeVerifier>.Instance;
        waiter = new VisualStabilityWaiter(capture, new StabilityOptions { Timeout = this.options.SettleTimeout, Interval = this.options.Interval }, this.detector, time);
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

        using var after = await waiter.WaitAsync(cancellationToken).ConfigureAwait(false);
        using var afterImage = after.Image.Size() == beforeImage.Size()
            ? after.Image.Clone()
            : after.Image.Resize(beforeImage.Size(), 0, 0, InterpolationFlags.Area);

        // The observation's screenshot has secret fields painted over and a raw capture does not: ignore those boxes.
        foreach (var secret in before.Elements.Where(e => e.IsSecret))
        {
            var r = before.Geometry.ToScreenshot(secret.Bounds);
            var box = new Rect((int)r.X - 1, (int)r.Y - 1, (int)Math.Ceiling(r.Width) + 3, (int)Math.Ceiling(r.Height) + 3)
                .Intersect(new Rect(0, 0, beforeImage.Width, beforeImage.Height));
            if (box.Width > 0 && box.Height > 0)
            {
                Cv2.Rectangle(beforeImage, box, Scalar.Black, -1);
                Cv2.Rectangle(afterImage, box, Scalar.Black, -1);
            }
        }

        var fraction = detector.ChangedFraction(beforeImage, afterImage);
        var navigated = outcome.UrlAfter is { } url && !string.Equals(url, before.Url, StringComparison.Ordinal);
        if (fraction < options.NoEffectFraction && !navigated && options.ExpectVisibleEffect.Contains(proposal.Action.Kind))
        {
            logger.LogInformation("{Action} had no visible effect", proposal.Action.Kind);
            return outcome with { Message = $"{outcome.Message} {NoEffectSuffix}", ChangedFraction = 0 };
        }

        logger.LogDebug("{Action} changed {Fraction:P2} of the screen", proposal.Action.Kind, fraction);
        return outcome with { ChangedFraction = Math.Round(fraction, 5) };
    }
}
