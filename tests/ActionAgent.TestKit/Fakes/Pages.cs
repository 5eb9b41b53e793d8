using ActionAgent.Core.Perception;

namespace ActionAgent.TestKit.Fakes;

/// <summary>Small hand-built observations for unit tests.</summary>
public static class Pages
{
    /// <summary>A refund form: Amount field, Reason select, Express checkbox, a submit button, a Delete link.</summary>
    public static Observation RefundForm(string url = "http://127.0.0.1/refund") => new()
    {
        Url = url,
        Title = "File a refund",
        Geometry = ViewportGeometry.Identity(1280, 720),
        Screenshot = new byte[] { 0x89, 0x50, 0x4E, 0x47 },
        Elements =
        [
            new UiElement { Id = 1, Role = "heading", Name = "File a refund", Bounds = new ScreenRect(40, 20, 300, 30) },
            new UiElement { Id = 2, Role = "spinbutton", Name = "Amount", InputType = "number", Bounds = new ScreenRect(40, 80, 200, 30) },
            new UiElement { Id = 3, Role = "combobox", Name = "Reason", Options = ["Damaged item", "Wrong size"], Bounds = new ScreenRect(40, 130, 200, 30) },
            new UiElement { Id = 4, Role = "checkbox", Name = "Express", Checked = false, Bounds = new ScreenRect(40, 180, 16, 16) },
            new UiElement { Id = 5, Role = "button", Name = "Submit refund", SubmitsForm = true, Bounds = new ScreenRect(40, 230, 140, 36) },
            new UiElement { Id = 6, Role = "button", Name = "Delete customer", Bounds = new ScreenRect(300, 230, 140, 36) },
            new UiElement { Id = 7, Role = "link", Name = "Orders", Href = "/orders", Bounds = new ScreenRect(40, 300, 60, 20) },
            new UiElement { Id = 8, Role = "textbox", Name = "Password", InputType = "password", IsSecret = true, Bounds = new ScreenRect(40, 340, 200, 30) },
        ],
    };

    /// <summary>A page holding just <paramref name="elements"/> (1280x800, their labels as its visible text).</summary>
    public static Observation PageOf(params UiElement[] elements) => new()
    {
        Url = "http://127.0.0.1:5080/page",
        Title = "Page",
        Geometry = ViewportGeometry.Identity(1280, 800),
        Elements = elements,
        VisibleText = string.Join("\n", elements.Select(e => e.Label)),
    };

    /// <summary>An element of 200x30 CSS pixels at x 40 and <paramref name="y"/>.</summary>
    public static UiElement Element(int id, string role, string name, double y) =>
        new() { Id = id, Role = role, Name = name, Bounds = new ScreenRect(40, y, 200, 30) };
}
