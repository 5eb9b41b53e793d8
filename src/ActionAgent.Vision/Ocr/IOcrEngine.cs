using OpenCvSharp;

namespace ActionAgent.Vision.Ocr;

/// <summary>Reads the text lines of an image.</summary>
public interface IOcrEngine
{
    /// <summary>Reads text lines from a BGR (or grey/BGRA) image; boxes are in the image's pixels, in reading order.</summary>
    IReadOnlyList<OcrLine> Read(Mat image, CancellationToken cancellationToken = default);

    /// <summary>
    /// Like <see cref="Read(Mat, CancellationToken)"/>, but detected boxes (image pixels) for which
    /// <paramref name="skipBox"/> says true are not recognised: their text is known from elsewhere (the DOM).
    /// Engines without a separate detection step read everything.
    /// </summary>
    IReadOnlyList<OcrLine> Read(Mat image, Func<Rect, bool>? skipBox, CancellationToken cancellationToken = default) => Read(image, cancellationToken);
}
