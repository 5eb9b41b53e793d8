using System.Diagnostics;
using System.Globalization;
using ActionAgent.Core.Perception;
using ActionAgent.Vision.Imaging;
using ActionAgent.Vision.Ocr;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;

namespace ActionAgent.Vision.Perception;

/// <summary>
/// Sees the page from its pixels as well as its DOM: waits for the screen to settle, asks the inner (DOM) perceiver,
/// reads text with OCR, proposes controls from shapes and fuses them according to <see cref="PerceptionMode"/>.
/// Elements are in CSS pixels; the set-of-marks screenshot goes into <see cref="Observation.MarkedScreenshot"/>.
/// One observation at a time (calls are serialised).
/// </summary>
public sealed class FusedPerceiver : IPerceiver, IDisposable
{
    private readonly IPerceiver inner;
    private readonly IScreenCapture capture;
    private readonly IOcrEngine ocr;
    private readonly FusedPerceptionOptions options;
    private readonly VisualStabilityWaiter waiter;
    private readonly ElementProposer proposer;
    private readonly SetOfMarksRenderer marks;
    private readonly IncrementalOcr incremental;
    private readonly ILogger logger;
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Creates the perceiver; components left null get their defaults.</summary>
    public FusedPerceiver(
        IPerceiver inner,
        IScreenCapture capture,
        IOcrEngine ocr,
        FusedPerceptionOptions? options = null,
        VisualStabilityWaiter? waiter = null,
        ElementProposer? proposer = null,
        SetOfMarksRenderer? marks = null,
        TimeProvider? time = null,
        ILogger<FusedPerceiver>? logger = null)
    {
        this.inner = inner ?? throw new ArgumentNullException(nameof(inner));
        this.capture = capture ?? throw new ArgumentNullException(nameof(capture));
        this.ocr = ocr ?? throw new ArgumentNullException(nameof(ocr));
        this.options = options ?? new FusedPerceptionOptions();
        this.waiter = waiter ?? new VisualStabilityWaiter(capture, time: time);
        this.proposer = proposer ?? new ElementProposer();
        this.marks = marks ?? new SetOfMarksRenderer();
        this.logger = logger ?? NullLogger<FusedPerceiver>.Instance;
        incremental = new IncrementalOcr(ocr);
    }

    /// <summary>The settings in use (the mode may be changed between observations).</summary>
    public FusedPerceptionOptions Options => options;

    /// <summary>Where the time of the last observation went.</summary>
    public PerceptionTimings? LastTimings { get; private set; }

    /// <inheritdoc />
    public async Task<Observation> ObserveAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return options.Mode == PerceptionMode.Dom
                ? await ObserveDomAsync(cancellationToken).ConfigureAwait(false)
                : await ObservePixelsAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forgets the previous frame, so the next observation reads the whole screen.</summary>
    public void ResetIncrementalState() => incremental.Reset();

    /// <summary>Frees the kept frame.</summary>
    public void Dispose()
    {
        incremental.Dispose();
        gate.Dispose();
    }

    private async Task<Observation> ObserveDomAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var observation = await inner.ObserveAsync(cancellationToken).ConfigureAwait(false);
        var innerMs = clock.Elapsed.TotalMilliseconds;
        if (options.RenderMarks && observation.MarkedScreenshot.IsEmpty)
        {
            observation = observation with { MarkedScreenshotRenderer = LazyMarks(observation) };
        }

        LastTimings = new PerceptionTimings(0, innerMs, 0, 0, 0, 0, clock.Elapsed.TotalMilliseconds);
        return observation;
    }

    private async Task<Observation> ObservePixelsAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var notes = new List<string>();
        using var frame = options.WaitForStability
            ? await waiter.WaitAsync(cancellationToken).ConfigureAwait(false)
            : await waiter.WaitAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        if (options.WaitForStability && frame.Note is { } unsettled)
        {
            notes.Add(unsettled);
        }

        var settleMs = Start(clock, out var mark);
        var observation = await inner.ObserveAsync(cancellationToken).ConfigureAwait(false);
        var innerMs = Lap(clock, ref mark);

        // Pixel work happens on the settled frame (full resolution), with secret fields painted over first.
        var work = frame.Image;
        Mat? scaled = null;
        try
        {
            var pixels = (long)work.Width * work.Height;
            if (pixels > options.MaxFramePixels)
            {
                var factor = Math.Sqrt((double)options.MaxFramePixels / pixels);
                scaled = work.Resize(new Size(Math.Max(1, (int)(work.Width * factor)), Math.Max(1, (int)(work.Height * factor))), 0, 0, InterpolationFlags.Area);
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"the screenshot ({work.Width}x{work.Height} px) is larger than {options.MaxFramePixels:N0} pixels; it was scaled down to {scaled.Width}x{scaled.Height} for OCR and shape detection, so small text may be missed"));
                work = scaled;
            }

            var css = observation.Geometry;
            var frameGeometry = css.CssWidth > 0 && css.CssHeight > 0
                ? new ViewportGeometry(css.CssWidth, css.CssHeight, css.DeviceScaleFactor, work.Width, work.Height)
                : ViewportGeometry.Identity(work.Width, work.Height);
            var masked = MaskSecrets(work, observation.Elements, frameGeometry);

            IReadOnlyList<OcrLine> lines = [];
            IReadOnlyList<ElementProposal> proposals = [];
            var incrementalRead = false;
            double ocrMs = 0, proposeMs = 0;
            if (BlankFrame.IsBlank(work, out var black))
            {
                notes.Add(BlankFrame.Note(black));
                incremental.Reset();
            }
            else
            {
                var skip = KnownFromDom(observation.Elements, frameGeometry);
                if (options.IncrementalOcr)
                {
                    var read = incremental.Read(work, skip, cancellationToken);
                    lines = read.Lines;
                    incrementalRead = read.Incremental;
                }
                else
                {
                    lines = ocr.Read(work, skip, cancellationToken);
                }

                ocrMs = Lap(clock, ref mark);
                if (options.ProposeElements)
                {
                    proposals = proposer.Propose(work, lines, frameGeometry.ScaleX);
                }

                proposeMs = Lap(clock, ref mark);
            }

            var cssLines = lines.Select(l => l with { Bounds = frameGeometry.ToCss(l.Bounds) }).ToList();
            var cssProposals = proposals.Select(p => p with { Bounds = frameGeometry.ToCss(p.Bounds) }).ToList();
            Observation result;
            if (options.Mode == PerceptionMode.Vision)
            {
                result = observation with
                {
                    Elements = ElementFusion.VisionOnly(cssLines, cssProposals),
                    VisibleText = string.Join("\n", cssLines.Select(l => l.Text)),
                };
            }
            else
            {
                var (elements, added) = ElementFusion.Hybrid(observation.Elements, cssLines, cssProposals, observation.VisibleText, options);
                result = observation with
                {
                    Elements = elements,
                    VisibleText = added.Count == 0 ? observation.VisibleText : string.Join("\n", [observation.VisibleText, .. added]).Trim(),
                };
            }

            if (observation.Screenshot.IsEmpty)
            {
                // No screenshot from the DOM side: the settled frame is the screenshot (secrets painted over).
                result = result with
                {
                    Screenshot = masked || scaled is not null ? FrameCodec.EncodePng(work) : frame.Png,
                    Geometry = frameGeometry,
                };
            }

            result = result with { Notes = [.. observation.Notes, .. notes] };
            var fuseMs = Lap(clock, ref mark);
            if (options.RenderMarks)
            {
                result = result with { MarkedScreenshotRenderer = LazyMarks(result) };
            }

            var marksMs = Lap(clock, ref mark);
            LastTimings = new PerceptionTimings(settleMs, innerMs, ocrMs, proposeMs, fuseMs, marksMs, clock.Elapsed.TotalMilliseconds)
            {
                IncrementalOcr = incrementalRead,
                TextLines = lines.Count,
            };
            logger.LogDebug("Perceived {Elements} elements ({Lines} text lines, {Shapes} shapes) in mode {Mode}: {Timings}",
                result.Elements.Count, lines.Count, proposals.Count, options.Mode, LastTimings);
            return result;
        }
        finally
        {
            scaled?.Dispose();
        }
    }

    /// <summary>
    /// The marks go on the screenshot the decider sees, drawn when something first reads them (a model decider, an
    /// approval request): decoding and drawing cost about 25 ms a frame that the offline interpreter and the action
    /// cache never look at.
    /// </summary>
    private Lazy<ReadOnlyMemory<byte>> LazyMarks(Observation result)
    {
        var screenshot = result.Screenshot;
        var elements = result.Elements;
        var geometry = result.Geometry;
        return new Lazy<ReadOnlyMemory<byte>>(() =>
        {
            using var shot = FrameCodec.TryDecode(screenshot);
            return shot is null ? ReadOnlyMemory<byte>.Empty : marks.Render(shot, elements, geometry);
        });
    }

    /// <summary>
    /// Hybrid mode: text boxes inside a labelled DOM control (at least 80 % of the box within its bounds) need not be read —
    /// the control's name says what it shows. Null (read everything) in vision mode or when asked to.
    /// </summary>
    private Func<Rect, bool>? KnownFromDom(IReadOnlyList<UiElement> elements, ViewportGeometry frameGeometry)
    {
        if (options.Mode == PerceptionMode.Vision || options.ReadLabelledControls || options.KeepTextTheDomHas)
        {
            return null;
        }

        var labelled = elements
            .Where(e => !e.IsSecret && !ElementFusion.IsPixelOnly(e) && !string.IsNullOrWhiteSpace(e.Label))
            .Select(e => frameGeometry.ToScreenshot(e.Bounds))
            .ToList();
        if (labelled.Count == 0)
        {
            return null;
        }

        // Detection boxes are grown around the glyphs, so they may stick out of a tight link or button a little.
        return box =>
        {
            var area = (double)box.Width * box.Height;
            return area > 0 && labelled.Any(r =>
            {
                var w = Math.Min(box.X + box.Width, r.X + r.Width) - Math.Max(box.X, r.X);
                var h = Math.Min(box.Y + box.Height, r.Y + r.Height) - Math.Max(box.Y, r.Y);
                return w > 0 && h > 0 && w * h >= 0.8 * area;
            });
        };
    }

    /// <summary>Paints secret fields (passwords) black so OCR never reads them; true when anything was painted.</summary>
    private static bool MaskSecrets(Mat work, IReadOnlyList<UiElement> elements, ViewportGeometry geometry)
    {
        var painted = false;
        var bounds = new Rect(0, 0, work.Width, work.Height);
        foreach (var element in elements.Where(e => e.IsSecret))
        {
            var r = geometry.ToScreenshot(element.Bounds);
            var box = new Rect((int)Math.Floor(r.X), (int)Math.Floor(r.Y), (int)Math.Ceiling(r.Width) + 1, (int)Math.Ceiling(r.Height) + 1).Intersect(bounds);
            if (box.Width > 0 && box.Height > 0)
            {
                Cv2.Rectangle(work, box, Scalar.Black, -1);
                painted = true;
            }
        }

        return painted;
    }

    private static double Start(Stopwatch clock, out double mark)
    {
        mark = clock.Elapsed.TotalMilliseconds;
        return mark;
    }

    private static double Lap(Stopwatch clock, ref double mark)
    {
        var now = clock.Elapsed.TotalMilliseconds;
        var lap = now - mark;
        mark = now;
        return lap;
    }
}
