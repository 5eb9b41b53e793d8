namespace ActionAgent.Vision.Ocr;

/// <summary>Settings of <see cref="IncrementalOcr"/>.</summary>
public sealed class IncrementalOcrOptions
{
    /// <summary>Pixels added around each changed region before it is re-read. Default 12.</summary>
    public int Margin { get; set; } = 12;

    /// <summary>Above this changed fraction of the frame the whole frame is read again. Default 0.3.</summary>
    public double MaxChangedFraction { get; set; } = 0.3;

    /// <summary>Above this fraction of the frame covered by regions to re-read, the whole frame is read again. Default 0.5.</summary>
    public double MaxRegionFraction { get; set; } = 0.5;
}
