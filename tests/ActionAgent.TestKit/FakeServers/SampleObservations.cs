using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;

namespace ActionAgent.TestKit.FakeServers;

/// <summary>Realistic observations for model tests and the prompt bench.</summary>
public static class SampleObservations
{
    /// <summary>Id of the order-number textbox on the refund form.</summary>
    public const int OrderNumberId = 9;

    /// <summary>Id of the refund-reason select on the refund form.</summary>
    public const int ReasonSelectId = 15;

    /// <summary>Id of the "Submit refund" button on the refund form.</summary>
    public const int SubmitId = 31;

    /// <summary>
    /// A refund form at 1280×720 CSS pixels (40 elements: navigation, 14 fields, radios, checkboxes, buttons, footer links
    /// below the fold), with a PNG screenshot and a marked one.
    /// </summary>
    public static Observation RefundForm(bool withScreenshot = true)
    {
        var elements = new List<UiElement>();
        void Add(string role, string name, double x, double y, double w, double h, Func<UiElement, UiElement>? with = null)
        {
            var element = new UiElement { Id = elements.Count + 1, Role = role, Name = name, Bounds = new ScreenRect(x, y, w, h), Tag = TagFor(role) };
            elements.Add(with is null ? element : with(element));
        }

        Add("link", "Acme Support", 24, 16, 140, 28);
        Add("link", "Orders", 620, 20, 60, 20);
        Add("link", "Refunds", 700, 20, 70, 20);
        Add("link", "Help centre", 790, 20, 90, 20);
        Add("link", "Account", 1100, 20, 70, 20);
        Add("button", "Sign out", 1180, 16, 80, 28);
        Add("heading", "Request a refund", 240, 80, 400, 36);
        Add("text", "Fill in the form below. Refunds are paid within 5 business days.", 240, 120, 700, 20);
        Add("textbox", "Order number", 240, 170, 300, 32, e => e with { Placeholder = "A-1234", NearbyText = "Order number" });
        Add("textbox", "Email", 560, 170, 300, 32, e => e with { InputType = "email", Placeholder = "you@example.com" });
        Add("textbox", "Full name", 240, 225, 300, 32);
        Add("textbox", "Phone", 560, 225, 300, 32, e => e with { InputType = "tel" });
        Add("textbox", "Purchase date", 240, 280, 300, 32, e => e with { InputType = "date" });
        Add("textbox", "Amount", 560, 280, 140, 32, e => e with { InputType = "number", Value = "0.00" });
        Add("combobox", "Reason", 240, 335, 300, 32, e => e with
        {
            Tag = "select",
            Value = "Choose a reason",
            Options = ["Choose a reason", "Damaged item", "Wrong item", "Late delivery", "No longer needed", "Not as described", "Duplicate charge", "Other"],
        });
        Add("combobox", "Currency", 720, 280, 140, 32, e => e with { Tag = "select", Value = "EUR", Options = ["EUR", "USD", "GBP", "CHF"] });
        Add("textbox", "Details", 240, 390, 620, 80, e => e with { Tag = "textarea", Placeholder = "Tell us what happened" });
        Add("radio", "Original payment method", 240, 490, 20, 20, e => e with { Checked = true, Tag = "input", InputType = "radio" });
        Add("radio", "Store credit", 440, 490, 20, 20, e => e with { Checked = false, Tag = "input", InputType = "radio" });
        Add("radio", "Bank transfer", 600, 490, 20, 20, e => e with { Checked = false, Tag = "input", InputType = "radio" });
        Add("textbox", "IBAN", 240, 530, 300, 32, e => e with { Disabled = true });
        Add("textbox", "Account holder", 560, 530, 300, 32, e => e with { Disabled = true });
        Add("checkbox", "The item is unopened", 240, 580, 20, 20, e => e with { Checked = false, Tag = "input", InputType = "checkbox" });
        Add("checkbox", "I agree to the refund terms", 240, 610, 20, 20, e => e with { Checked = false, Tag = "input", InputType = "checkbox" });
        Add("link", "refund terms", 420, 610, 90, 20, e => e with { Href = "/terms#refunds" });
        Add("button", "Upload receipt", 240, 645, 160, 32, e => e with { Tag = "input", InputType = "file" });
        Add("text", "PDF, JPG or PNG, up to 5 MB", 410, 652, 220, 20);
        Add("textbox", "Customer PIN", 660, 645, 200, 32, e => e with { InputType = "password", IsSecret = true, Value = "4321" });
        Add("button", "Cancel", 240, 690, 100, 36);
        Add("button", "Save draft", 360, 690, 120, 36);
        Add("button", "Submit refund", 700, 690, 160, 36, e => e with { InputType = "submit", SubmitsForm = true });
        Add("text", "Need help? Chat with us", 1000, 300, 220, 20);
        Add("button", "Open chat", 1000, 330, 120, 32);
        Add("image", "Secure payments badge", 1000, 400, 180, 60, e => e with { Tag = "img" });
        Add("link", "Privacy", 240, 900, 60, 20);
        Add("link", "Terms", 320, 900, 60, 20);
        Add("link", "Cookies", 400, 900, 60, 20);
        Add("link", "Contact", 480, 900, 60, 20);
        Add("link", "Accessibility", 560, 900, 100, 20);
        Add("text", "© 2025 Acme Support Ltd.", 240, 940, 240, 20);

        var screenshot = withScreenshot ? TestPng.Create(1280, 720, elements.Where(e => e.Bounds.Y < 720).Select(e => e.Bounds)) : [];
        return new Observation
        {
            Url = "http://127.0.0.1:5000/refunds/new?order=A-1001",
            Title = "Request a refund – Acme Support",
            Geometry = ViewportGeometry.Identity(1280, 720),
            Elements = elements,
            Screenshot = screenshot,
            MarkedScreenshot = screenshot,
            VisibleText = "Acme Support Orders Refunds Help centre Account Sign out Request a refund Fill in the form below. "
                + "Refunds are paid within 5 business days. Order number Email Full name Phone Purchase date Amount Currency Reason "
                + "Details Refund method Original payment method Store credit Bank transfer IBAN Account holder The item is unopened "
                + "I agree to the refund terms Upload receipt PDF, JPG or PNG, up to 5 MB Customer PIN Cancel Save draft Submit refund "
                + "Need help? Chat with us Open chat",
            At = new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero),
        };
    }

    /// <summary>A decision context on the refund form at <paramref name="step"/>, with a plausible history.</summary>
    public static DecisionContext RefundContext(int step = 4, Observation? observation = null, IReadOnlyList<StepSummary>? history = null)
    {
        history ??=
        [
            new StepSummary(1, "navigate http://127.0.0.1:5000/refunds/new?order=A-1001", "page loaded: Request a refund", true),
            new StepSummary(2, "type \"A-1001\" into #9 \"Order number\"", "typed 6 characters", true),
            new StepSummary(3, "type \"jane@example.com\" into #10 \"Email\"", "typed 16 characters", true),
        ];
        return new DecisionContext(
            "run-refund-1",
            "Request a refund for order A-1001: reason Damaged item, amount 49.90 EUR, refund to the original payment method, then submit.",
            step,
            observation ?? RefundForm(),
            history.Take(Math.Max(0, step - 1)).ToList());
    }

    private static string? TagFor(string role) => role switch
    {
        "link" => "a",
        "button" => "button",
        "textbox" => "input",
        "heading" => "h1",
        "text" => "p",
        _ => null,
    };
}
