using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision.Corpus;

/// <summary>
/// Synthetic pages for the phrase corpus, shaped like what the DOM perceiver reports for real pages:
/// labelled inputs, placeholder-only inputs, group headings as NearbyText, rows of repeated buttons,
/// duplicated labels, hidden and disabled twins, and a legacy form whose labels are loose text.
/// </summary>
internal static class CorpusPages
{
    public static IReadOnlyList<string> Names { get; } =
        ["login", "orders", "refund", "customers", "settings", "signup", "checkout", "addresses", "ticket", "shop"];

    public static Observation Get(string name) => name switch
    {
        "login" => Login(),
        "orders" => Orders(),
        "refund" => Refund(),
        "customers" => Customers(),
        "settings" => Settings(),
        "signup" => Signup(),
        "checkout" => Checkout(),
        "addresses" => Addresses(),
        "ticket" => Ticket(),
        "shop" => Shop(),
        _ => throw new ArgumentException($"no corpus page '{name}'", nameof(name)),
    };

    private static UiElement E(int id, string role, string name, double x, double y, double w = 240, double h = 32) =>
        new() { Id = id, Role = role, Name = name, Bounds = new ScreenRect(x, y, w, h) };

    private static Observation Page(string path, string title, params UiElement[] elements) => new()
    {
        Url = "http://127.0.0.1:5080" + path,
        Title = title,
        Geometry = ViewportGeometry.Identity(1280, 800),
        Elements = elements,
        VisibleText = string.Join("\n", elements.Select(e => e.Label)),
    };

    private static UiElement[] Nav() =>
    [
        E(1, "link", "Ops Console", 20, 10, 120, 24) with { Href = "/" },
        E(2, "link", "Orders", 160, 10, 60, 24) with { Href = "/orders" },
        E(3, "link", "Customers", 230, 10, 80, 24) with { Href = "/customers" },
        E(4, "link", "Refunds", 320, 10, 70, 24) with { Href = "/refunds/new" },
        E(5, "link", "Settings", 400, 10, 70, 24) with { Href = "/settings" },
        E(6, "button", "Sign out", 1100, 8, 80, 28),
        E(7, "link", "Help", 1200, 10, 40, 24) with { Href = "/help" },
    ];

    private static Observation Login() => Page("/login", "Sign in",
        E(1, "heading", "Sign in to Ops Console", 40, 40, 400, 40),
        E(2, "textbox", "Username", 40, 120, 300) with { InputType = "text", Tag = "input" },
        E(3, "textbox", "Password", 40, 190, 300) with { InputType = "password", Tag = "input", IsSecret = true },
        E(4, "checkbox", "Remember me", 40, 240, 16, 16) with { Checked = false, InputType = "checkbox" },
        E(5, "button", "Sign in", 40, 280, 120, 36) with { SubmitsForm = true, InputType = "submit" },
        E(6, "link", "Forgot password?", 180, 288, 140, 20) with { Href = "/forgot" },
        E(7, "text", "Need access? Contact your administrator.", 40, 340, 400, 20));

    private static Observation Orders() => Page("/orders", "Orders",
        [
            .. Nav(),
            E(10, "heading", "Orders", 40, 60, 200, 36),
            E(11, "searchbox", "", 40, 110, 300) with { Placeholder = "Search orders", InputType = "search", Tag = "input" },
            E(12, "button", "Search", 350, 110, 80),
            E(13, "combobox", "Status", 460, 110, 160) with { Tag = "select", Options = ["All", "Open", "Shipped", "Delivered", "Refunded"], Value = "All" },
            E(14, "link", "Order 1042", 40, 170, 100, 20) with { Href = "/orders/1042" },
            E(15, "text", "Ada Lovelace", 200, 170, 160, 20),
            E(16, "text", "€42.00", 400, 170, 80, 20),
            E(17, "text", "Delivered", 500, 170, 80, 20),
            E(18, "button", "Refund", 620, 166, 80, 28) with { NearbyText = "Order 1042" },
            E(19, "link", "Order 1043", 40, 210, 100, 20) with { Href = "/orders/1043" },
            E(20, "text", "Grace Hopper", 200, 210, 160, 20),
            E(21, "text", "€17.50", 400, 210, 80, 20),
            E(22, "text", "Shipped", 500, 210, 80, 20),
            E(23, "button", "Refund", 620, 206, 80, 28) with { NearbyText = "Order 1043" },
            E(24, "link", "Order 1044", 40, 250, 100, 20) with { Href = "/orders/1044" },
            E(25, "text", "Alan Turing", 200, 250, 160, 20),
            E(26, "text", "€120.00", 400, 250, 80, 20),
            E(27, "text", "Open", 500, 250, 80, 20),
            E(28, "button", "Refund", 620, 246, 80, 28) with { NearbyText = "Order 1044" },
            E(30, "button", "Previous", 40, 300, 90) with { Disabled = true },
            E(31, "button", "Next", 140, 300, 90),
            E(32, "button", "Export CSV", 600, 300, 100),
        ]);

    private static Observation Refund() => Page("/refunds/new", "File a refund",
        [
            .. Nav(),
            E(10, "heading", "File a refund", 40, 60, 300, 36),
            E(11, "textbox", "Order number", 40, 120) with { InputType = "text", Tag = "input" },
            E(12, "spinbutton", "Amount", 40, 170) with { InputType = "number", Tag = "input" },
            E(13, "textbox", "Refund date", 40, 220) with { InputType = "date", Tag = "input" },
            E(14, "combobox", "Reason", 40, 270) with { Tag = "select", Options = ["Choose a reason", "Damaged item", "Wrong size", "Late delivery", "Other"], Value = "Choose a reason" },
            E(15, "text", "Refund method", 40, 320, 200, 20),
            E(16, "radio", "Original payment", 40, 350, 16, 16) with { Checked = true, NearbyText = "Refund method", InputType = "radio" },
            E(17, "radio", "Store credit", 220, 350, 16, 16) with { Checked = false, NearbyText = "Refund method", InputType = "radio" },
            E(18, "checkbox", "Express", 40, 390, 16, 16) with { Checked = false, InputType = "checkbox" },
            E(19, "checkbox", "Gift wrap", 160, 390, 16, 16) with { Checked = false, InputType = "checkbox" },
            E(20, "checkbox", "Notify customer", 280, 390, 16, 16) with { Checked = true, InputType = "checkbox" },
            E(21, "textbox", "Notes", 40, 430, 400, 80) with { Tag = "textarea" },
            E(22, "button", "Submit refund", 40, 530, 140, 36) with { SubmitsForm = true, InputType = "submit" },
            E(23, "button", "Cancel", 200, 530, 90, 36),
            E(24, "link", "Back to orders", 40, 590, 120, 20) with { Href = "/orders" },
        ]);

    private static Observation Customers() => Page("/customers", "Customers",
        [
            .. Nav(),
            E(10, "heading", "Customers", 40, 60, 300, 36),
            E(11, "searchbox", "Search customers", 40, 110, 300) with { Placeholder = "Name or email", InputType = "search", Tag = "input" },
            E(12, "button", "Add customer", 360, 110, 130),
            E(13, "text", "Ada Lovelace", 40, 170, 160, 20),
            E(14, "text", "ada@example.com", 220, 170, 180, 20),
            E(15, "button", "Edit", 420, 166, 60, 28) with { NearbyText = "Ada Lovelace" },
            E(16, "button", "Delete customer", 500, 166, 140, 28) with { NearbyText = "Ada Lovelace" },
            E(17, "text", "Grace Hopper", 40, 210, 160, 20),
            E(18, "text", "grace@example.com", 220, 210, 180, 20),
            E(19, "button", "Edit", 420, 206, 60, 28) with { NearbyText = "Grace Hopper" },
            E(20, "button", "Delete customer", 500, 206, 140, 28) with { NearbyText = "Grace Hopper" },
            E(21, "text", "Alan Turing", 40, 250, 160, 20),
            E(22, "text", "alan@example.com", 220, 250, 180, 20),
            E(23, "button", "Edit", 420, 246, 60, 28) with { NearbyText = "Alan Turing" },
            E(24, "button", "Delete customer", 500, 246, 140, 28) with { NearbyText = "Alan Turing" },
            E(25, "checkbox", "Show archived customers", 40, 300, 16, 16) with { Checked = false },
        ]);

    private static Observation Settings() => Page("/settings", "Settings",
        [
            .. Nav(),
            E(10, "heading", "Settings", 40, 60, 300, 36),
            E(11, "tab", "General", 40, 110, 100) with { Selected = true },
            E(12, "tab", "Security", 150, 110, 100) with { Selected = false },
            E(13, "tab", "Billing", 260, 110, 100) with { Selected = false },
            E(14, "switch", "Dark mode", 40, 170, 40, 20) with { Checked = false },
            E(15, "switch", "Email notifications", 40, 210, 40, 20) with { Checked = true },
            E(16, "switch", "Two-factor authentication", 40, 250, 40, 20) with { Checked = false },
            E(17, "checkbox", "Send me a weekly report", 40, 290, 16, 16) with { Checked = false },
            E(18, "combobox", "Language", 40, 330) with { Tag = "select", Options = ["English", "Deutsch", "Français", "Español"], Value = "English" },
            E(19, "combobox", "Time zone", 40, 380) with { Tag = "select", Options = ["UTC", "Europe/Berlin", "Europe/London", "America/New_York"], Value = "UTC" },
            E(20, "textbox", "Display name", 40, 430) with { InputType = "text", Value = "Ada" },
            E(21, "textbox", "Email", 40, 480) with { InputType = "email", Value = "ada@example.com" },
            E(22, "button", "Save changes", 40, 540, 140, 36) with { SubmitsForm = true },
            E(23, "button", "Reset to defaults", 200, 540, 160, 36),
        ]);

    private static Observation Signup() => Page("/signup", "Create your account",
        E(1, "heading", "Create your account", 40, 40, 400, 40),
        E(2, "textbox", "", 40, 110, 180) with { Placeholder = "First name", InputType = "text" },
        E(3, "textbox", "", 240, 110, 180) with { Placeholder = "Last name", InputType = "text" },
        E(4, "textbox", "", 40, 160, 380) with { Placeholder = "Email address", InputType = "email" },
        E(5, "textbox", "", 40, 210, 380) with { Placeholder = "Password", InputType = "password", IsSecret = true },
        E(6, "textbox", "", 40, 260, 380) with { Placeholder = "Confirm password", InputType = "password", IsSecret = true },
        E(7, "textbox", "", 40, 310, 380) with { Placeholder = "Phone (optional)", InputType = "tel" },
        E(8, "combobox", "", 40, 380, 380) with { NearbyText = "How did you hear about us?", Tag = "select", Options = ["Select one", "Search engine", "Friend or colleague", "Advertisement", "Other"], Value = "Select one" },
        E(9, "checkbox", "I agree to the Terms of Service", 40, 430, 16, 16) with { Checked = false },
        E(10, "link", "Terms of Service", 200, 430, 130, 20) with { Href = "/terms" },
        E(11, "checkbox", "Send me product updates", 40, 460, 16, 16) with { Checked = false },
        E(12, "button", "Create account", 40, 500, 160, 40) with { SubmitsForm = true },
        E(13, "link", "Log in", 300, 560, 60, 20) with { NearbyText = "Already have an account?", Href = "/login" });

    private static Observation Checkout() => Page("/checkout", "Checkout",
        E(1, "image", "ActionAgent Shop logo", 20, 10, 120, 40),
        E(2, "link", "Cart (2)", 1100, 16, 80, 24) with { Href = "/cart" },
        E(3, "link", "Help", 1200, 16, 40, 24) with { Href = "/help" },
        E(10, "heading", "Checkout", 40, 70, 300, 36),
        E(11, "heading", "Shipping address", 40, 120, 300, 28),
        E(12, "textbox", "Full name", 40, 160) with { NearbyText = "Shipping address" },
        E(13, "textbox", "Street address", 40, 210) with { NearbyText = "Shipping address" },
        E(14, "textbox", "City", 40, 260) with { NearbyText = "Shipping address" },
        E(15, "textbox", "", 300, 260, 120) with { NearbyText = "Postal code" },
        E(16, "combobox", "Country", 40, 310) with { Tag = "select", Options = ["Germany", "France", "Netherlands", "United Kingdom", "United States"], Value = "Germany" },
        E(17, "heading", "Delivery", 40, 370, 300, 28),
        E(18, "radio", "Standard (3-5 days, free)", 40, 410, 16, 16) with { Checked = true, NearbyText = "Delivery" },
        E(19, "radio", "Express (next day, €9.90)", 40, 440, 16, 16) with { Checked = false, NearbyText = "Delivery" },
        E(20, "heading", "Payment", 40, 490, 300, 28),
        E(21, "textbox", "Card number", 40, 530) with { Placeholder = "1234 1234 1234 1234" },
        E(22, "textbox", "Expiry date", 300, 530, 100) with { Placeholder = "MM/YY" },
        E(23, "textbox", "CVC", 420, 530, 80) with { Placeholder = "3 digits" },
        E(24, "checkbox", "Billing address same as shipping", 40, 580, 16, 16) with { Checked = true },
        E(25, "textbox", "Discount code", 40, 620, 200) with { Placeholder = "Enter code" },
        E(26, "button", "Apply", 260, 620, 80),
        E(27, "spinbutton", "Quantity", 40, 670, 80) with { InputType = "number", Value = "1" },
        E(28, "button", "Place order", 40, 720, 160, 40) with { SubmitsForm = true },
        E(29, "link", "Back to cart", 240, 730, 100, 20) with { Href = "/cart" });

    private static Observation Addresses() => Page("/addresses", "Address book",
        E(1, "heading", "Address book", 40, 30, 300, 36),
        E(2, "heading", "Shipping address", 40, 80, 300, 28),
        E(3, "textbox", "Name", 40, 120) with { NearbyText = "Shipping address" },
        E(4, "textbox", "Street", 40, 170) with { NearbyText = "Shipping address" },
        E(5, "textbox", "City", 40, 220) with { NearbyText = "Shipping address" },
        E(6, "button", "Save", 40, 270, 80) with { NearbyText = "Shipping address" },
        E(7, "heading", "Billing address", 40, 340, 300, 28),
        E(8, "textbox", "Name", 40, 380) with { NearbyText = "Billing address" },
        E(9, "textbox", "Street", 40, 430) with { NearbyText = "Billing address" },
        E(10, "textbox", "City", 40, 480) with { NearbyText = "Billing address" },
        E(11, "button", "Save", 40, 530, 80) with { NearbyText = "Billing address" },
        E(12, "button", "Save all", 40, 600, 100),
        E(13, "button", "Delete address", 0, 0, 0, 0),
        E(14, "button", "Delete address", 200, 600, 140),
        E(15, "button", "Submit", 400, 600, 100) with { Disabled = true },
        E(16, "button", "Submit", 520, 600, 100));

    // A form as OCR + pixel proposals see it: labels are loose text, controls have no names.
    private static Observation Ticket() => Page("/tickets/new", "New ticket",
        E(1, "text", "New support ticket", 40, 40, 300, 30) with { Source = ElementSource.Ocr },
        E(2, "text", "Title", 40, 100, 60, 20) with { Source = ElementSource.Ocr },
        E(3, "textbox", "", 160, 96, 300, 28) with { Source = ElementSource.Pixels },
        E(4, "text", "Priority", 40, 150, 70, 20) with { Source = ElementSource.Ocr },
        E(5, "combobox", "", 160, 146, 160, 28) with { Tag = "select", Options = ["Low", "Normal", "High", "Urgent"], Value = "Normal" },
        E(6, "text", "Description", 40, 200, 100, 20) with { Source = ElementSource.Ocr },
        E(7, "textbox", "", 40, 226, 420, 100) with { Tag = "textarea", Source = ElementSource.Pixels },
        E(8, "text", "Assign to", 40, 350, 80, 20) with { Source = ElementSource.Ocr },
        E(9, "textbox", "", 160, 346, 300, 28) with { Source = ElementSource.Pixels },
        E(10, "button", "Submit ticket", 40, 400, 140, 36),
        E(11, "button", "Discard", 200, 400, 100, 36));

    private static Observation Shop() => Page("/shop", "Shop",
        E(1, "image", "ActionAgent Shop", 20, 10, 120, 40),
        E(2, "searchbox", "Search products", 300, 16, 400, 32) with { InputType = "search" },
        E(3, "button", "Search", 710, 16, 40, 32),
        E(4, "link", "Cart (0)", 1100, 20, 80, 24) with { Href = "/cart" },
        E(5, "combobox", "Sort by", 40, 80, 220) with { Tag = "select", Options = ["Relevance", "Price: low to high", "Price: high to low", "Newest"], Value = "Relevance" },
        E(6, "heading", "Products", 40, 130, 300, 30),
        E(7, "link", "Blue T-shirt", 40, 180, 200, 20) with { Href = "/p/blue-tshirt" },
        E(8, "text", "€19.00", 40, 205, 80, 20),
        E(9, "button", "Add to cart", 40, 230, 120, 32) with { NearbyText = "Blue T-shirt" },
        E(10, "link", "Red Hoodie", 300, 180, 200, 20) with { Href = "/p/red-hoodie" },
        E(11, "text", "€49.00", 300, 205, 80, 20),
        E(12, "button", "Add to cart", 300, 230, 120, 32) with { NearbyText = "Red Hoodie" },
        E(13, "link", "Canvas Sneakers", 560, 180, 200, 20) with { Href = "/p/canvas-sneakers" },
        E(14, "text", "€79.00", 560, 205, 80, 20),
        E(15, "button", "Add to cart", 560, 230, 120, 32) with { NearbyText = "Canvas Sneakers" },
        E(16, "checkbox", "In stock only", 40, 290, 16, 16) with { Checked = false },
        E(17, "link", "Next page", 40, 340, 100, 20) with { Href = "/shop?page=2" },
        E(18, "link", "Help", 1200, 20, 40, 24) with { Href = "/help" });
}
