namespace ActionAgent.Vision.Imaging;

/// <summary>
/// How different two images are, from <see cref="ImageDiff"/>: the fraction of differing pixels (0 identical … 1 all
/// different), whether the sizes matched, and a PNG showing where they differ.
/// </summary>
/// <param name="Fraction">Differing pixels / all pixels; 1 when the sizes differ or an image could not be decoded.</param>
public sealed record ImageDifference(double Fraction)
{
    /// <summary>Identical images.</summary>
    public static ImageDifference None { get; } = new(0);

    /// <summary>False when the images had different sizes or one could not be decoded (then <see cref="Fraction"/> is 1).</summary>
    public bool SameSize { get; init; } = true;

    /// <summary>How many pixels differ (0 when the sizes differ).</summary>
    public long DifferingPixels { get; init; }

    /// <summary>The actual image faded, with differing pixels painted red, as PNG; empty when nothing differs or sizes differ.</summary>
    public ReadOnlyMemory<byte> DiffPng { get; init; }

    /// <summary>Why no pixels were compared ("the actual image could not be decoded"), or null when they were.</summary>
    public string? Problem { get; init; }
}
