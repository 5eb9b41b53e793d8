using OpenCvSharp;

namespace ActionAgent.Vision.Ocr;

/// <summary>Reads the text lines of an image.</summary>
public interface IOcrEngine
{
    /// <summary>Reads text lines from a BGR (or grey/BGRA) image; boxes are in the image's pixels, in reading order.</summary>
    IReadOnlyList<OcrLine> Read(Mat image, CancellationToken cancellationToken = default);
}
