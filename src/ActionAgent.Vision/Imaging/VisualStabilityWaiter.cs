using ActionAgent.Core.Perception;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;

namespace ActionAgent.Vision.Imaging;

/// <summary>
/// Captures frames until two consecutive ones differ by at most <see cref="StabilityOptions.MaxChangedFraction"/>,
/// or the timeout passes; returns the last frame either way. Waits through <see cref="TimeProvider"/>.
/// </summary>
public sealed class VisualStabilityWaiter(
    IScreenCapture capture,
    StabilityOptions? options = null,
    ChangeDetector? detector = null,
    TimeProvider? time = null,
    ILogger<VisualStabilityWaiter>? logger = null)
{
    private readonly StabilityOptions options = options ?? new StabilityOptions();
    private readonly ChangeDetector detector = detector ?? new ChangeDetector();
    private readonly TimeProvider time = time ?? TimeProvider.System;
    private readonly ILogger logger = logger ?? NullLogger<VisualStabilityWaiter>.Instance;

    /// <summary>The settings in use.</summary>
    public StabilityOptions Options => options;

    /// <summary>Waits for the screen to settle (bounded by the timeout) and returns the last frame.</summary>
    public Task<SettledFrame> WaitAsync(CancellationToken cancellationToken = default) => WaitAsync(options.Timeout, cancellationToken);

    /// <summary>Waits at most <paramref name="timeout"/> for the screen to settle and returns the last frame.</summary>
    public async Task<SettledFrame> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var started = time.GetTimestamp();
        var png = await capture.CaptureAsync(cancellationToken).ConfigureAwait(false);
        var image = FrameCodec.Decode(png, "screen capture");
        var captures = 1;
        var fraction = 1.0;
        try
        {
            while (true)
            {
                if (time.GetElapsedTime(started) >= timeout)
                {
                    logger.LogDebug("Screen did not settle within {Timeout} after {Captures} captures ({Fraction:P2} changed)", timeout, captures, fraction);
                    return new SettledFrame(png, image, false, captures, fraction, time.GetElapsedTime(started), timeout);
                }

                if (options.Interval > TimeSpan.Zero)
                {
                    await Task.Delay(options.Interval, time, cancellationToken).ConfigureAwait(false);
                }

                var nextPng = await capture.CaptureAsync(cancellationToken).ConfigureAwait(false);
                captures++;
                if (nextPng.Span.SequenceEqual(png.Span))
                {
                    // Identical bytes, identical pixels: no need to decode and compare.
                    fraction = 0;
                }
                else
                {
                    var next = FrameCodec.Decode(nextPng, "screen capture");
                    fraction = detector.ChangedFraction(image, next);
                    image.Dispose();
                    image = next;
                    png = nextPng;
                }

                if (fraction <= options.MaxChangedFraction)
                {
                    logger.LogDebug("Screen settled after {Captures} captures in {Elapsed}", captures, time.GetElapsedTime(started));
                    return new SettledFrame(png, image, true, captures, fraction, time.GetElapsedTime(started), timeout);
                }
            }
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }
}
