using ActionAgent.Core.Perception;

namespace ActionAgent.Flows.Caching;

/// <summary>Where a template was found in a screenshot (screenshot pixels) and how well it matched (0..1).</summary>
public sealed record TemplateMatch(ScreenRect Pixels, double Score);
