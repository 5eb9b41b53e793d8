namespace ActionAgent.Core.Recording;

/// <summary>
/// The images recorded beside one step: the screenshot it decided on and, when recorded, its set-of-marks copy.
/// <c>default</c> means no images.
/// </summary>
public readonly record struct StepImages(ReadOnlyMemory<byte> Screenshot, ReadOnlyMemory<byte> MarkedScreenshot = default);
