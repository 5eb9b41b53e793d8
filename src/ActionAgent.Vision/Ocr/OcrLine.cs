using ActionAgent.Core.Perception;

namespace ActionAgent.Vision.Ocr;

/// <summary>One line of text read from an image, with its box in image pixels and the mean character confidence (0..1).</summary>
public sealed record OcrLine(string Text, double Confidence, ScreenRect Bounds)
{
    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"\"{Text}\" {Confidence:0.00} {Bounds}");
}
