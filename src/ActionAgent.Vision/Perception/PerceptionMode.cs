namespace ActionAgent.Vision.Perception;

/// <summary>What <see cref="FusedPerceiver"/> builds the element list from.</summary>
public enum PerceptionMode
{
    /// <summary>The DOM perceiver's elements only, passed through.</summary>
    Dom,

    /// <summary>Pixels only: OCR text and shape proposals, no DOM elements at all.</summary>
    Vision,

    /// <summary>DOM elements, plus OCR text and shapes where the DOM is blind (canvas, images), de-duplicated.</summary>
    Hybrid,
}
