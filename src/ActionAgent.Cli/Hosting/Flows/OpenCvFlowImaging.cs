using ActionAgent.Core.Perception;
using ActionAgent.Flows.Caching;
using ActionAgent.Flows.Expectations;
using ActionAgent.Vision.Imaging;

namespace ActionAgent.Cli.Hosting.Flows;

/// <summary>
/// The flows' image hooks on OpenCV: pixel comparison for visual regions and replay screenshot drift
/// (<see cref="ImageDiff"/>), PNG crops (<see cref="ImageCropper"/>) and template search for targets found by their
/// crop (<see cref="TemplateFinder"/>). Never throws for bytes that are not images. With <paramref name="diffImages"/>
/// false comparisons carry no <see cref="ImageComparison.DiffImage"/> (encoding one costs several milliseconds per
/// differing 1280x720 pair; callers that only read the fraction, such as polling for the recorded screen, do not need it).
/// </summary>
/// <param name="diff">The pixel comparer; <see cref="ImageDiff.Default"/> when null.</param>
/// <param name="finder">The template finder; <see cref="TemplateFinder.Default"/> when null.</param>
/// <param name="diffImages">Whether differing comparisons include a diff PNG. Default true.</param>
public sealed class OpenCvFlowImaging(ImageDiff? diff = null, TemplateFinder? finder = null, bool diffImages = true) : IImageComparer, ITargetCropper, ITemplateMatcher
{
    /// <summary>The <see cref="ImageComparison.Method"/> this comparer reports.</summary>
    public const string MethodName = "opencv";

    private readonly ImageDiff _diff = diff ?? ImageDiff.Default;
    private readonly TemplateFinder _finder = finder ?? TemplateFinder.Default;

    /// <summary>A shared instance with the default thresholds and diff images.</summary>
    public static OpenCvFlowImaging Instance { get; } = new();

    /// <inheritdoc />
    public ImageComparison Compare(ReadOnlyMemory<byte> expectedPng, ReadOnlyMemory<byte> actualPng)
    {
        var difference = _diff.Compare(expectedPng, actualPng, diffImages);
        return new ImageComparison(difference.Fraction)
        {
            SameSize = difference.SameSize,
            DiffImage = difference.DiffPng,
            Method = difference.Problem is null ? MethodName : $"{MethodName} ({difference.Problem})",
        };
    }

    /// <inheritdoc />
    public ReadOnlyMemory<byte> Crop(ReadOnlyMemory<byte> png, ScreenRect pixels) => ImageCropper.Crop(png, pixels);

    /// <inheritdoc />
    public TemplateMatch? Find(ReadOnlyMemory<byte> screenshotPng, ReadOnlyMemory<byte> templatePng) =>
        _finder.Find(screenshotPng, templatePng) is { } hit ? new TemplateMatch(hit.Pixels, hit.Score) : null;
}
