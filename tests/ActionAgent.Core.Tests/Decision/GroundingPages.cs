using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>Small hand-made pages for grounding tests: an element per line, 200 × 30 px, at (x, y).</summary>
internal static class GroundingPages
{
    public static UiElement E(int id, string role, string name, double y, double x = 40) =>
        new() { Id = id, Role = role, Name = name, Bounds = new ScreenRect(x, y, 200, 30) };

    public static Observation Page(params UiElement[] elements) => new()
    {
        Url = "http://127.0.0.1:9000/widget",
        Geometry = ViewportGeometry.Identity(1280, 720),
        Elements = elements,
    };
}
