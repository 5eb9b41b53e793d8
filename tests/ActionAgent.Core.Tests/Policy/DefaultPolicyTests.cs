using ActionAgent.Core.Decision;
using ActionAgent.Core.Policy;
using ActionAgent.TestKit.Fakes;

namespace ActionAgent.Core.Tests.Policy;

[TestClass]
public sealed class DefaultPolicyTests
{
    // The built-in default policy every entry point falls back to (there is no second, weaker policy path).
    private static readonly PolicyEngine Policy = new(PolicyDocument.Default);

    private static Verdict Evaluate(BrowserAction action) => Policy.Evaluate(new ProposedAction(action, "test"), Pages.RefundForm());

    [TestMethod]
    public void Evaluate_ClickOnSubmitButton_RequiresApproval()
    {
        var verdict = Evaluate(new ClickAction(ActionTarget.Element(5)));
        Assert.AreEqual(VerdictKind.RequireApproval, verdict.Kind);
        Assert.AreEqual(RiskClass.Submit, verdict.Risk);
    }

    [TestMethod]
    public void Evaluate_ClickOnDeleteButton_IsDestructiveAndNeedsApproval()
    {
        var verdict = Evaluate(new ClickAction(ActionTarget.Element(6)));
        Assert.AreEqual(VerdictKind.RequireApproval, verdict.Kind);
        Assert.AreEqual(RiskClass.Destructive, verdict.Risk);
        StringAssert.Contains(verdict.Reason, "Delete customer");
    }

    [TestMethod]
    public void Evaluate_ClickAtPointOverSubmitButton_RequiresApproval()
    {
        // A model that points at pixels instead of ids must not slip past the policy.
        var verdict = Evaluate(new ClickAction(ActionTarget.At(100, 245)));
        Assert.AreEqual(VerdictKind.RequireApproval, verdict.Kind);
    }

    [TestMethod]
    public void Evaluate_ClickOnLink_IsAllowedNavigation()
    {
        var verdict = Evaluate(new ClickAction(ActionTarget.Element(7)));
        Assert.AreEqual(VerdictKind.Allow, verdict.Kind);
        Assert.AreEqual(RiskClass.Navigation, verdict.Risk);
    }

    [TestMethod]
    public void Evaluate_TypingIntoPassword_IsCredentialEntry()
    {
        var verdict = Evaluate(new TypeTextAction(ActionTarget.Element(8), "x"));
        Assert.AreEqual(RiskClass.CredentialEntry, verdict.Risk);
        Assert.AreEqual(VerdictKind.Allow, verdict.Kind);
    }

    [TestMethod]
    public void Evaluate_ClickOnButtonNamedPayNow_RequiresApproval()
    {
        var page = Pages.RefundForm() with
        {
            Elements = [new Core.Perception.UiElement { Id = 1, Role = "button", Name = "Pay now", Bounds = new(0, 0, 50, 20) }],
        };
        var verdict = Policy.Evaluate(new ProposedAction(new ClickAction(ActionTarget.Element(1)), "t"), page);
        Assert.AreEqual(VerdictKind.RequireApproval, verdict.Kind);
    }
}
