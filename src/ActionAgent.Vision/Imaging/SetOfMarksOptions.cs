namespace ActionAgent.Vision.Imaging;

/// <summary>Settings of <see cref="SetOfMarksRenderer"/>.</summary>
public sealed class SetOfMarksOptions
{
    /// <summary>Box outline thickness in screenshot pixels. Default 2.</summary>
    public int LineThickness { get; set; } = 2;

    /// <summary>Scale of the Hershey font used for the numbers. Default 0.5.</summary>
    public double FontScale { get; set; } = 0.5;

    /// <summary>PNG compression level 0..9 (higher is smaller and slower). Default 1.</summary>
    public int PngCompression { get; set; } = 1;
}
