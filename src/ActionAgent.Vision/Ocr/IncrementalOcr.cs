using ActionAgent.Core.Perception;
using ActionAgent.Vision.Imaging;
using OpenCvSharp;

namespace ActionAgent.Vision.Ocr;

/// <summary>
/// Keeps the previous frame and its text; on the next frame re-reads only the regions that changed (grown by a margin
/// and to whole lines they touch) and keeps the lines outside them. Not thread-safe: one caller at a time.
/// </summary>
public sealed class IncrementalOcr(IOcrEngine engine, ChangeDetector? detector = null, IncrementalOcrOptions? options = null) : IDisposable
{
    private readonly ChangeDetector detector = detector ?? new ChangeDetector();
    private readonly IncrementalOcrOptions options = options ?? new IncrementalOcrOptions();
    private Mat? previous;
    private IReadOnlyList<OcrLine> previousLines = [];

    /// <summary>Reads the frame, incrementally when a previous frame of the same size is known.</summary>
    public IncrementalOcrResult Read(Mat frame, CancellationToken cancellationToken = default) => Read(frame, null, cancellationToken);

    /// <summary>
    /// Reads the frame, incrementally when a previous frame of the same size is known; a full read leaves out the
    /// boxes <paramref name="skipBox"/> says are known from elsewhere (see <see cref="IOcrEngine.Read(Mat, Func{Rect, bool}, CancellationToken)"/>).
    /// </summary>
    public IncrementalOcrResult Read(Mat frame, Func<Rect, bool>? skipBox, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var result = previous is null || previous.Size() != frame.Size() || previous.Type() != frame.Type()
            ? null
            : TryIncremental(previous, frame, cancellationToken);
        result ??= new IncrementalOcrResult(engine.Read(frame, skipBox, cancellationToken), false, [new ScreenRect(0, 0, frame.Width, frame.Height)]);

        previous?.Dispose();
        previous = frame.Clone();
        previousLines = result.Lines;
        return result;
    }

    /// <summary>Forgets the previous frame: the next read is a full one.</summary>
    public void Reset()
    {
        previous?.Dispose();
        previous = null;
        previousLines = [];
    }

    /// <summary>Frees the kept frame.</summary>
    public void Dispose() => Reset();

    private IncrementalOcrResult? TryIncremental(Mat before, Mat frame, CancellationToken cancellationToken)
    {
        var change = detector.Detect(before, frame);
        if (change.IsUnchanged)
        {
            return new IncrementalOcrResult(previousLines, true, []);
        }

        if (change.ChangedFraction > options.MaxChangedFraction)
        {
            return null;
        }

        var bounds = new Rect(0, 0, frame.Width, frame.Height);
        var regions = change.Regions.Select(r => RectMerger.Grow(ToRect(r), options.Margin).Intersect(bounds)).ToList();
        // Grow regions to every old line they touch, so a partly changed line is read again as a whole.
        var grew = true;
        while (grew)
        {
            grew = false;
            regions = RectMerger.Merge(regions, 0);
            for (var i = 0; i < regions.Count; i++)
            {
                foreach (var line in previousLines)
                {
                    // The detector needs background around a line to find its edges: take the line with a margin.
                    var box = ToRect(line.Bounds);
                    var withMargin = RectMerger.Grow(box, options.Margin).Intersect(bounds);
                    if (regions[i].IntersectsWith(box) && regions[i].Union(withMargin) != regions[i])
                    {
                        regions[i] = regions[i].Union(withMargin);
                        grew = true;
                    }
                }
            }
        }

        var area = regions.Sum(r => (double)r.Width * r.Height);
        if (area > options.MaxRegionFraction * frame.Width * frame.Height)
        {
            return null;
        }

        var lines = previousLines.Where(l => !regions.Any(r => r.IntersectsWith(ToRect(l.Bounds)))).ToList();
        foreach (var region in regions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var view = frame[region];
            foreach (var line in engine.Read(view, cancellationToken))
            {
                lines.Add(line with { Bounds = new ScreenRect(line.Bounds.X + region.X, line.Bounds.Y + region.Y, line.Bounds.Width, line.Bounds.Height) });
            }
        }

        return new IncrementalOcrResult(
            ReadingOrder.Sort(lines, l => l.Bounds),
            true,
            regions.Select(r => new ScreenRect(r.X, r.Y, r.Width, r.Height)).ToList());
    }

    private static Rect ToRect(ScreenRect r) =>
        new((int)Math.Floor(r.X), (int)Math.Floor(r.Y), (int)Math.Ceiling(r.Width), (int)Math.Ceiling(r.Height));
}
