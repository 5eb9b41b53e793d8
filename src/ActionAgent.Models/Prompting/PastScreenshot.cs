using ActionAgent.Models.Imaging;

namespace ActionAgent.Models.Prompting;

/// <summary>A screenshot of an earlier step, kept to show the model what changed.</summary>
public sealed record PastScreenshot(int Step, EncodedImage Image);
