namespace ActionAgent.Vision.Perception;

/// <summary>Where the time of one fused observation went, in milliseconds.</summary>
public sealed record PerceptionTimings(double SettleMs, double InnerMs, double OcrMs, double ProposeMs, double FuseMs, double MarksMs, double TotalMs)
{
    /// <summary>True when OCR re-read only changed regions.</summary>
    public bool IncrementalOcr { get; init; }

    /// <summary>Text lines read.</summary>
    public int TextLines { get; init; }

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant(
        $"total {TotalMs:0} ms (settle {SettleMs:0}, inner {InnerMs:0}, ocr {OcrMs:0}{(IncrementalOcr ? " incremental" : "")}, shapes {ProposeMs:0}, fuse {FuseMs:0}, marks {MarksMs:0}), {TextLines} lines");
}
