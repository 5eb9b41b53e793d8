namespace ActionAgent.Vision.Imaging;

/// <summary>Settings of <see cref="ElementProposer"/>; sizes are CSS pixels (scaled by the screenshot's pixel ratio).</summary>
public sealed class ProposerOptions
{
    /// <summary>Canny lower hysteresis threshold. Default 30.</summary>
    public double CannyLow { get; set; } = 30;

    /// <summary>Canny upper hysteresis threshold. Default 90.</summary>
    public double CannyHigh { get; set; } = 90;

    /// <summary>Contour area over bounding-box area a shape needs to count as a rectangle. Default 0.85.</summary>
    public double MinRectangularity { get; set; } = 0.85;

    /// <summary>Smallest checkbox side. Default 10.</summary>
    public double CheckboxMinSide { get; set; } = 10;

    /// <summary>Largest checkbox side. Default 30.</summary>
    public double CheckboxMaxSide { get; set; } = 30;

    /// <summary>Smallest button or input height. Default 16.</summary>
    public double MinControlHeight { get; set; } = 16;

    /// <summary>Largest button or input height. Default 80.</summary>
    public double MaxControlHeight { get; set; } = 80;

    /// <summary>Largest button or input width, as a fraction of the image width. Default 0.8.</summary>
    public double MaxWidthFraction { get; set; } = 0.8;

    /// <summary>Boxes at least this many times wider than tall, empty or with left-aligned text, are inputs. Default 3.</summary>
    public double InputMinAspect { get; set; } = 3;

    /// <summary>Boxes that overlap more than this (IoU) are one proposal. Default 0.6.</summary>
    public double DuplicateIoU { get; set; } = 0.6;

    /// <summary>
    /// Boxes holding this many text lines or more are rows or panels (a table row, a card), not one control: they are
    /// dropped so their lines stay separate, clickable texts. Default 3.
    /// </summary>
    public int MaxTextLinesInControl { get; set; } = 3;
}
