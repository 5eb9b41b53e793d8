namespace ActionAgent.Browser;

/// <summary>Viewport size in CSS pixels.</summary>
public sealed class ViewportSettings
{
    /// <summary>Width in CSS pixels. Default 1280.</summary>
    public int Width { get; set; } = 1280;

    /// <summary>Height in CSS pixels. Default 720.</summary>
    public int Height { get; set; } = 720;
}
