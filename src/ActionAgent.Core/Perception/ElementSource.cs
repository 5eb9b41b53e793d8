namespace ActionAgent.Core.Perception;

/// <summary>Where an element was perceived; fused elements carry several flags.</summary>
[Flags]
public enum ElementSource
{
    /// <summary>Unknown origin.</summary>
    None = 0,

    /// <summary>The DOM and its accessibility semantics.</summary>
    Dom = 1,

    /// <summary>Text read from pixels by OCR.</summary>
    Ocr = 2,

    /// <summary>A shape found in pixels (OpenCV proposal).</summary>
    Pixels = 4,
}
