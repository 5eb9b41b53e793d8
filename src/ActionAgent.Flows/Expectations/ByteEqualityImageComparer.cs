namespace ActionAgent.Flows.Expectations;

/// <summary>The fallback comparer without an image library: identical bytes are 0 difference, anything else is 1.</summary>
public sealed class ByteEqualityImageComparer : IImageComparer
{
    /// <summary>A shared instance.</summary>
    public static ByteEqualityImageComparer Instance { get; } = new();

    /// <inheritdoc />
    public ImageComparison Compare(ReadOnlyMemory<byte> expectedPng, ReadOnlyMemory<byte> actualPng) =>
        new(expectedPng.Span.SequenceEqual(actualPng.Span) ? 0 : 1) { Method = "bytes" };
}
