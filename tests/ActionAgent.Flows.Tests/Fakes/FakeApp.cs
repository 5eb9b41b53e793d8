using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;

namespace ActionAgent.Flows.Tests.Fakes;

/// <summary>One element of a fake page: role, name and what clicking it does.</summary>
internal sealed record FakeElement(string Role, string Name, ScreenRect Bounds)
{
    public string? Href { get; init; }

    public Action<FakeApp>? OnClick { get; init; }

    public bool Disabled { get; init; }

    public bool IsSecret { get; init; }

    public string? NearbyText { get; init; }
}

/// <summary>A fake page: its elements and visible text.</summary>
internal sealed record FakePage(string Title, string Text, IReadOnlyList<FakeElement> Elements);

/// <summary>
/// A tiny simulated web app (login → orders → order) that a fake session observes and acts on: typing fills values,
/// clicking links navigates, checkboxes toggle. Screenshots are deterministic bytes that change with the page state.
/// </summary>
internal sealed class FakeApp
{
    private readonly Dictionary<string, Func<FakeApp, FakePage>> _pages = new(StringComparer.Ordinal);

    public FakeApp(string origin = "http://app.test")
    {
        Origin = origin;
    }

    public string Origin { get; }

    public string Path { get; set; } = "/";

    public Dictionary<string, string> Values { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, bool> Checked { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Added to every element id, to simulate ids that differ between runs.</summary>
    public int IdOffset { get; set; }

    /// <summary>When set, screenshots are real PNGs drawn by this function (for report tests).</summary>
    public Func<FakeApp, FakePage, byte[]>? Painter { get; set; }

    /// <summary>When set, observations carry a set-of-marks image drawn by this function on first read.</summary>
    public Func<FakeApp, FakePage, byte[]>? MarksPainter { get; set; }

    public List<string> Actions { get; } = [];

    public string Url => Origin + Path;

    public FakeApp Route(string path, Func<FakeApp, FakePage> page)
    {
        _pages[path] = page;
        return this;
    }

    public FakePage Current => _pages.TryGetValue(Path, out var p) ? p(this) : new FakePage("Not found", "404 Not found", []);

    public void Navigate(string url)
    {
        Path = url.StartsWith(Origin, StringComparison.Ordinal) ? url[Origin.Length..] : url.StartsWith('/') ? url : new Uri(url).AbsolutePath;
        if (Path.Length == 0)
        {
            Path = "/";
        }
    }

    public Observation Observe(DateTimeOffset at)
    {
        var page = Current;
        var elements = page.Elements.Select((e, i) => new UiElement
        {
            Id = IdOffset + i + 1,
            Role = e.Role,
            Name = e.Name,
            Bounds = e.Bounds,
            Href = e.Href,
            Disabled = e.Disabled,
            IsSecret = e.IsSecret,
            NearbyText = e.NearbyText,
            InputType = e.Role == "textbox" ? (e.IsSecret ? "password" : "text") : null,
            Value = e.Role is "textbox" or "combobox" ? Values.GetValueOrDefault(e.Name, "") : null,
            Checked = e.Role is "checkbox" or "radio" ? Checked.GetValueOrDefault(e.Name) : null,
        }).ToList();
        var state = string.Join(";", Values.OrderBy(v => v.Key).Select(v => $"{v.Key}={v.Value}")) + string.Join(";", Checked.Where(c => c.Value).Select(c => c.Key));
        var screenshot = Painter is { } paint ? paint(this, page) : System.Text.Encoding.UTF8.GetBytes($"PNG|{Path}|{page.Text}|{state}");
        return new Observation
        {
            Url = Url,
            Title = page.Title,
            Geometry = Painter is null ? ViewportGeometry.Identity(800, 600) : new ViewportGeometry(800, 600, 2, 1600, 1200),
            Elements = elements,
            VisibleText = page.Text,
            Screenshot = screenshot,
            At = at,
            MarkedScreenshotRenderer = MarksPainter is { } marks ? new Lazy<ReadOnlyMemory<byte>>(() => marks(this, page)) : null,
        };
    }

    public ActionOutcome Execute(ProposedAction proposal, Observation observation)
    {
        Actions.Add(proposal.Action.Describe());
        var page = Current;
        FakeElement? Target(ActionTarget? t)
        {
            if (t?.ElementId is { } id)
            {
                var index = id - IdOffset - 1;
                var seen = observation.Find(id);
                return index >= 0 && index < page.Elements.Count && seen is not null && page.Elements[index].Name == seen.Name ? page.Elements[index] : null;
            }

            if (t?.Point is { } p)
            {
                var css = observation.Geometry.ToCss(p);
                return page.Elements.LastOrDefault(e => e.Bounds.Contains(css.X, css.Y));
            }

            return null;
        }

        switch (proposal.Action)
        {
            case TypeTextAction type:
                var field = Target(type.Target);
                if (field is null)
                {
                    return ActionOutcome.Failed("target not found");
                }

                Values[field.Name] = type.Text;
                return ActionOutcome.Success($"typed into {field.Name}");
            case ClickAction click:
                var element = Target(click.Target);
                if (element is null)
                {
                    return ActionOutcome.Failed("target not found");
                }

                if (element.Disabled)
                {
                    return ActionOutcome.Failed($"{element.Name} is disabled");
                }

                if (element.Role is "checkbox")
                {
                    Checked[element.Name] = !Checked.GetValueOrDefault(element.Name);
                }

                if (element.Href is { } href)
                {
                    Navigate(href);
                }

                element.OnClick?.Invoke(this);
                return ActionOutcome.Success($"clicked {element.Name}") with { UrlAfter = Url };
            case NavigateAction nav:
                Navigate(nav.Url);
                return ActionOutcome.Success("navigated");
            default:
                return ActionOutcome.Success("ok");
        }
    }

    /// <summary>The login → orders → order → refund app the runner tests use.</summary>
    /// <remarks><paramref name="moved"/> moves the sign-in button; <paramref name="relabelled"/> calls it "Log in".</remarks>
    public static FakeApp Orders(string origin = "http://app.test", bool moved = false, bool relabelled = false) => new FakeApp(origin)
        .Route("/login", _ => new FakePage("Sign in", "Sign in\nUsername\nPassword",
        [
            new FakeElement("textbox", "Username", new ScreenRect(100, 100, 200, 30)),
            new FakeElement("textbox", "Password", new ScreenRect(100, 150, 200, 30)) { IsSecret = true },
            new FakeElement("button", relabelled ? "Log in" : "Sign in", moved ? new ScreenRect(420, 260, 120, 36) : new ScreenRect(100, 200, 100, 30))
            {
                OnClick = app => app.Navigate(app.Values.GetValueOrDefault("Username") == "ops" ? "/orders" : "/login"),
            },
        ]))
        .Route("/orders", app => new FakePage("Orders", "Orders\nSearch orders" + (app.Values.ContainsKey("Search orders") ? "\nOrder 1042" : ""),
        [
            new FakeElement("textbox", "Search orders", new ScreenRect(100, 80, 300, 30)),
            new FakeElement("button", "Search", new ScreenRect(420, 80, 80, 30)),
            .. app.Values.ContainsKey("Search orders")
                ? new[] { new FakeElement("link", "Order 1042", new ScreenRect(100, 140, 120, 20)) { Href = "/orders/1042" } }
                : [],
        ]))
        .Route("/orders/1042", _ => new FakePage("Order 1042", "Order 1042\nTotal: 42.00\nFile a refund",
        [
            new FakeElement("heading", "Order 1042", new ScreenRect(100, 40, 300, 40)),
            new FakeElement("button", "File a refund", new ScreenRect(100, 300, 140, 36)) { Href = "/refund" },
        ]))
        .Route("/refund", app => new FakePage("Refund", "Refund\nAmount\nExpress",
        [
            new FakeElement("textbox", "Amount", new ScreenRect(100, 100, 200, 30)),
            new FakeElement("checkbox", "Express", new ScreenRect(100, 150, 20, 20)),
            new FakeElement("button", "Submit refund", new ScreenRect(100, 400, 160, 40))
            {
                OnClick = a => a.Navigate("/refund/confirmation"),
            },
        ]))
        .Route("/refund/confirmation", _ => new FakePage("Refund filed", "Refund filed\nThank you", []));
}
