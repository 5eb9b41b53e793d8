namespace ActionAgent.Flows.Expectations;

/// <summary>
/// Compares two PNG images (implemented by the vision layer with OpenCV; <see cref="ByteEqualityImageComparer"/> is the
/// fallback). Used for visual-region expectations and replay screenshot drift.
/// </summary>
public interface IImageComparer
{
    /// <summary>Compares <paramref name="expectedPng"/> to <paramref name="actualPng"/>.</summary>
    ImageComparison Compare(ReadOnlyMemory<byte> expectedPng, ReadOnlyMemory<byte> actualPng);
}
