using ActionAgent.Core.Perception;

namespace ActionAgent.Bench.Vision;

/// <summary>
/// Stands in for the DOM perceiver: the benchmark page's interactive elements (as a DOM perceiver would list them)
/// and the current frame as the screenshot, so fusion has real work to do.
/// </summary>
internal sealed class StaticDomPerceiver(FrameSource frames) : IPerceiver
{
    private static readonly UiElement[] Elements =
    [
        Element(1, "link", "Orders", 143, 16, 47, 20),
        Element(2, "link", "Refunds", 214, 16, 56, 20),
        Element(3, "link", "Customers", 294, 16, 76, 20),
        Element(4, "link", "Reports", 394, 16, 54, 20),
        Element(5, "textbox", "", 257, 110, 238, 30) with { Placeholder = "Search orders" },
        Element(6, "textbox", "", 507, 110, 238, 30) with { Placeholder = "Customer email" },
        Element(7, "button", "Apply", 757, 109, 70, 32),
        Element(8, "button", "Export", 839, 109, 75, 32),
    ];

    /// <inheritdoc />
    public Task<Observation> ObserveAsync(CancellationToken cancellationToken = default) => Task.FromResult(new Observation
    {
        Url = "http://127.0.0.1/orders",
        Title = "Orders",
        Screenshot = frames.Current,
        Geometry = ViewportGeometry.Identity(1280, 720),
        Elements = Elements,
        VisibleText = "Ops Portal\nOrders\nRefunds\nCustomers\nReports\nAll orders\nOpen\nShipped\nReturned\nArchived\nOrders\nApply\nExport",
    });

    private static UiElement Element(int id, string role, string name, double x, double y, double w, double h) =>
        new() { Id = id, Role = role, Name = name, Tag = role == "link" ? "a" : role == "button" ? "button" : "input", Bounds = new ScreenRect(x, y, w, h) };
}
