using ActionAgent.Core.Perception;

namespace ActionAgent.Vision.Ocr;

/// <summary>Text lines of a frame, and whether they came from re-reading only the changed regions (which ones, in image pixels).</summary>
public sealed record IncrementalOcrResult(IReadOnlyList<OcrLine> Lines, bool Incremental, IReadOnlyList<ScreenRect> RereadRegions);
