using ActionAgent.Vision.Ocr;
using OpenCvSharp;

namespace ActionAgent.Vision.Tests.Support;

/// <summary>Wraps an OCR engine and records the size of every image it was asked to read.</summary>
internal sealed class RecordingOcrEngine(IOcrEngine inner) : IOcrEngine
{
    /// <summary>Sizes of the images read, in order.</summary>
    public List<Size> Reads { get; } = [];

    /// <inheritdoc />
    public IReadOnlyList<OcrLine> Read(Mat image, CancellationToken cancellationToken = default)
    {
        Reads.Add(image.Size());
        return inner.Read(image, cancellationToken);
    }
}
