namespace ActionAgent.Flows.Export;

/// <summary>How an exported step finds its target, most stable first.</summary>
public enum LocatorStrategy
{
    /// <summary><c>page.GetByRole(AriaRole.Button, new() { Name = "Submit refund" })</c>.</summary>
    Role,

    /// <summary><c>page.GetByLabel("Amount")</c>.</summary>
    Label,

    /// <summary><c>page.GetByPlaceholder("Search orders")</c>.</summary>
    Placeholder,

    /// <summary><c>page.GetByText("Order 1042")</c>.</summary>
    Text,

    /// <summary><c>page.Mouse.ClickAsync(x, y)</c>: the last resort (pixels, canvases, OCR text, frames).</summary>
    Coordinates,
}
