using ActionAgent.Core.Perception;

namespace ActionAgent.Vision.Imaging;

/// <summary>Where <see cref="TemplateFinder"/> found a template (image pixels, the template's size) and how well it matched (0..1).</summary>
public sealed record TemplateHit(ScreenRect Pixels, double Score);
