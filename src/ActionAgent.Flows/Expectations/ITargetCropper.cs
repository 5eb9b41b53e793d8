using ActionAgent.Core.Perception;

namespace ActionAgent.Flows.Expectations;

/// <summary>
/// Cuts a rectangle (screenshot pixels) out of a PNG and returns it as PNG; implemented by the vision layer.
/// Used for visual-region expectations and for the image crop the action cache keeps of a target.
/// </summary>
public interface ITargetCropper
{
    /// <summary>Returns the crop as PNG, or empty when the rectangle lies outside the image.</summary>
    ReadOnlyMemory<byte> Crop(ReadOnlyMemory<byte> png, ScreenRect pixels);
}
