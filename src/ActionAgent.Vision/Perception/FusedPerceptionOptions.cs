namespace ActionAgent.Vision.Perception;

/// <summary>Settings of <see cref="FusedPerceiver"/>.</summary>
public sealed class FusedPerceptionOptions
{
    /// <summary>Where elements come from. Default <see cref="PerceptionMode.Hybrid"/>.</summary>
    public PerceptionMode Mode { get; set; } = PerceptionMode.Hybrid;

    /// <summary>Wait for the screen to stop changing before looking (bounded by the stability timeout). Default true.</summary>
    public bool WaitForStability { get; set; } = true;

    /// <summary>Re-read only the changed regions of a frame when the previous frame is known. Default true.</summary>
    public bool IncrementalOcr { get; set; } = true;

    /// <summary>Propose buttons, inputs and checkboxes from shapes (OpenCV). Default true.</summary>
    public bool ProposeElements { get; set; } = true;

    /// <summary>Render the set-of-marks screenshot into <c>Observation.MarkedScreenshot</c>. Default true.</summary>
    public bool RenderMarks { get; set; } = true;

    /// <summary>Hybrid: also add OCR text that the DOM already shows outside canvases and images. Default false.</summary>
    public bool KeepTextTheDomHas { get; set; }

    /// <summary>
    /// Hybrid mode: also recognise text boxes that lie inside a DOM control that already has a name (a labelled
    /// button or link). Off (default): those boxes are detected but not read — the DOM names them, and each read box
    /// costs about 7 ms on two cores. Vision mode always reads everything.
    /// </summary>
    public bool ReadLabelledControls { get; set; }

    /// <summary>Hybrid: keep shape proposals outside canvases and images (usually DOM containers). Default false.</summary>
    public bool ProposalsOutsideCanvas { get; set; }

    /// <summary>Elements overlapping more than this (IoU) are the same thing. Default 0.5.</summary>
    public double DuplicateIoU { get; set; } = 0.5;

    /// <summary>Frames with more pixels are scaled down to this many before OCR and shape detection (with a note). Default 4096×4096.</summary>
    public long MaxFramePixels { get; set; } = 4096L * 4096L;
}
