using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;

namespace ActionAgent.Approvals.Tests.Fakes;

/// <summary>Builders for observations, elements, proposals and approval requests.</summary>
public static class Build
{
    public static UiElement Button(int id, string name, bool submits = false, double x = 100, double y = 200) => new()
    {
        Id = id, Role = "button", Name = name, SubmitsForm = submits, Bounds = new ScreenRect(x, y, 120, 32), Tag = "button",
    };

    public static UiElement Link(int id, string name, string href) => new()
    {
        Id = id, Role = "link", Name = name, Href = href, Bounds = new ScreenRect(10, 10, 80, 20), Tag = "a",
    };

    public static UiElement TextBox(int id, string name, string type = "text", bool secret = false) => new()
    {
        Id = id, Role = "textbox", Name = name, InputType = type, IsSecret = secret, Bounds = new ScreenRect(100, 100, 200, 28), Tag = "input",
    };

    public static Observation Page(string url = "http://127.0.0.1:5000/refunds", string text = "", string? dialog = null, params UiElement[] elements) => new()
    {
        Url = url,
        Title = "Test page",
        Geometry = ViewportGeometry.Identity(1280, 800),
        Elements = elements,
        VisibleText = text,
        OpenDialog = dialog,
    };

    public static ProposedAction Click(int id, string description = "") => new(new ClickAction(ActionTarget.Element(id, description)), "test");

    public static ProposedAction Type(int id, string text, bool enter = false) => new(new TypeTextAction(ActionTarget.Element(id), text, PressEnter: enter), "test");

    public static ProposedAction Navigate(string url) => new(new NavigateAction(url), "test");

    public static ApprovalRequest Request(string runId = "run-1", int step = 3, string label = "Submit refund", byte[]? png = null, BrowserAction? action = null) =>
        new(runId, step,
            new ProposedAction(action ?? new ClickAction(ActionTarget.Element(7, "the Submit refund button")), "the task says to submit the refund"),
            new Verdict(VerdictKind.RequireApproval, RiskClass.Submit, "actions.submit", $"\"{label}\" submits a form"))
        {
            Task = "Refund order 1042 for Ada Lovelace",
            Url = "http://127.0.0.1:5000/refunds/new",
            TargetElement = Button(7, label, submits: true, x: 60, y: 150),
            AnnotatedScreenshot = png ?? TestPng.Make(320, 200, (60, 150, 120, 32)),
        };
}
