namespace ActionAgent.Core.Recording;

/// <summary>When a step's set-of-marks image (numbered element boxes) is written beside its screenshot.</summary>
public enum MarksRecording
{
    /// <summary>Never: recordings keep the plain screenshot only.</summary>
    Never,

    /// <summary>When something already drew it for the step (a model decider, an approval request): no extra cost. The default.</summary>
    WhenDrawn,

    /// <summary>For every step whose perceiver can draw one (hybrid and vision perception); drawing costs ≈ 20–40 ms a step.</summary>
    Always,
}
