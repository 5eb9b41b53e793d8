using ActionAgent.Approvals.Tests.Fakes;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;

namespace ActionAgent.Approvals.Tests.Store;

[TestClass]
public sealed class ActionFingerprintTests
{
    private static ApprovalRequest Base() => Build.Request(runId: "X", step: 1, label: "Save draft") with
    {
        Url = "https://shop.example/drafts/7?session=1",
        PolicyHash = "sha256:aaaa",
    };

    private static string Of(ApprovalRequest r) => r.Fingerprint.Value;

    [TestMethod]
    public void Of_SameActionReobserved_IsEqual_EvenWithANewElementIdDescriptionQueryAndBox()
    {
        var first = Base();
        var again = first with
        {
            Proposal = first.Proposal with { Action = new ClickAction(ActionTarget.Element(31, "the button that saves")), Reason = "other words" },
            TargetElement = first.TargetElement! with { Id = 31, Bounds = new ScreenRect(5, 5, 100, 30) },
            Url = "https://SHOP.example/drafts/7?session=2#top",
            Task = "another task text",
            AnnotatedScreenshot = TestPng.Make(10, 10, (1, 1, 2, 2)),
        };

        Assert.AreEqual(Of(first), Of(again));
        Assert.AreEqual(first.IdempotencyKey, again.IdempotencyKey);
        Assert.AreEqual(64, Of(first).Length);
        StringAssert.StartsWith(first.IdempotencyKey, "X:1:");
    }

    [TestMethod]
    public void Of_SameElementIdButAnotherPerceivedTarget_Differs()
    {
        // The attack: element #7 is "Save draft" on one page and "Delete item 2" on another.
        var save = Base();

        Assert.AreNotEqual(Of(save), Of(save with { TargetElement = save.TargetElement! with { Name = "Delete item 2" } }), "name");
        Assert.AreNotEqual(Of(save), Of(save with { TargetElement = save.TargetElement! with { Role = "link" } }), "role");
        Assert.AreNotEqual(Of(save), Of(save with { TargetElement = save.TargetElement! with { FramePath = "iframe#pay" } }), "frame");
        Assert.AreNotEqual(Of(save), Of(save with { TargetElement = Build.Link(7, "Save draft", "/drafts/7/delete") }), "link target");
        Assert.AreNotEqual(Of(save), Of(save with { TargetElement = null }), "no perceived element");
    }

    [TestMethod]
    public void Of_TheSameClickAnsweringItsDialogOtherwise_Differs()
    {
        // Approving "click Delete, then Cancel the confirm" must not release "click Delete, then OK it".
        var click = Base();
        var dismiss = click with { Proposal = click.Proposal with { Action = click.Proposal.Action with { OnDialog = DialogReply.Cancel } } };
        var accept = click with { Proposal = click.Proposal with { Action = click.Proposal.Action with { OnDialog = DialogReply.Ok } } };
        var answered = click with { Proposal = click.Proposal with { Action = click.Proposal.Action with { OnDialog = new DialogReply(true, "Ann") } } };

        Assert.AreNotEqual(Of(dismiss), Of(accept));
        Assert.AreNotEqual(Of(accept), Of(answered));
        Assert.AreNotEqual(Of(click), Of(dismiss), "no answer (accept by default) differs from an explicit dismissal");
    }

    [TestMethod]
    public void Of_OtherPageOriginPathOrPolicy_Differs()
    {
        var save = Base();

        Assert.AreNotEqual(Of(save), Of(save with { Url = "https://shop.example/items?session=1" }), "path");
        Assert.AreNotEqual(Of(save), Of(save with { Url = "https://evil.example/drafts/7" }), "host");
        Assert.AreNotEqual(Of(save), Of(save with { Url = "http://shop.example/drafts/7" }), "scheme");
        Assert.AreNotEqual(Of(save), Of(save with { Url = "https://shop.example:8443/drafts/7" }), "port");
        Assert.AreNotEqual(Of(save), Of(save with { PolicyHash = "sha256:bbbb" }), "policy");
    }

    [TestMethod]
    public void Of_OtherKindOrParameters_Differs()
    {
        var save = Base();
        var target = save.Proposal.Action.PrimaryTarget!;
        string With(BrowserAction action) => Of(save with { Proposal = save.Proposal with { Action = action } });

        Assert.AreNotEqual(Of(save), With(new ClickAction(target, ClickCount: 2)), "double click");
        Assert.AreNotEqual(Of(save), With(new ClickAction(target, MouseButtonKind.Middle)), "middle button");
        Assert.AreNotEqual(Of(save), With(new HoverAction(target)), "kind");
        Assert.AreNotEqual(With(new TypeTextAction(target, "40.00")), With(new TypeTextAction(target, "4000.00")), "typed value");
        Assert.AreNotEqual(With(new TypeTextAction(target, "40.00")), With(new TypeTextAction(target, "40.00", PressEnter: true)), "enter");
        Assert.AreNotEqual(With(new PressKeyAction("Enter")), With(new PressKeyAction("Control+Enter")), "keys");
        Assert.AreNotEqual(With(new NavigateAction("/items/2/delete")), With(new NavigateAction("/items/2")), "navigate URL");
        Assert.AreNotEqual(With(new SelectOptionAction(target, "Standard")), With(new SelectOptionAction(target, "Express")), "option");
        Assert.AreNotEqual(With(new UploadFileAction(target, "a.pdf")), With(new UploadFileAction(target, "b.pdf")), "file");
    }

    [TestMethod]
    public void Of_PointTargetWithoutElement_DependsOnThePoint()
    {
        var save = Base() with { TargetElement = null };
        string At(double x, double y) => Of(save with { Proposal = save.Proposal with { Action = new ClickAction(ActionTarget.At(x, y)) } });

        Assert.AreEqual(At(100.2, 200.1), At(99.9, 199.8), "sub-pixel noise is the same point");
        Assert.AreNotEqual(At(100, 200), At(400, 200));
    }

    [TestMethod]
    public void Of_TypedValue_NeverAppearsInTheKeyOrTheFingerprint()
    {
        var request = Base() with { Proposal = Base().Proposal with { Action = new TypeTextAction(ActionTarget.Element(7), "4111111111111111") } };

        StringAssert.DoesNotMatch(request.IdempotencyKey + request.Fingerprint.Value, new System.Text.RegularExpressions.Regex("4111111111111111"));
        Assert.AreEqual(64, ActionFingerprint.HashOf("4111111111111111").Length);
    }

    [TestMethod]
    public void PageOf_DropsQueryAndFragment_AndLowersTheOrigin()
    {
        Assert.AreEqual(("https://shop.example", "/a/B"), ActionFingerprint.PageOf("HTTPS://Shop.Example/a/B?x=1#y"));
        Assert.AreEqual(("http://127.0.0.1:5000", "/refunds"), ActionFingerprint.PageOf("http://127.0.0.1:5000/refunds"));
        Assert.AreEqual(("", "about:blank"), ActionFingerprint.PageOf("about:blank"));
        Assert.AreEqual(("", "data:text/html,hi"), ActionFingerprint.PageOf("data:text/html,hi?x"));
    }
}
