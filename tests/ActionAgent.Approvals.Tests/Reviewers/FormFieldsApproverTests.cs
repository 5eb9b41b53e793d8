using ActionAgent.Browser;
using ActionAgent.Browser.Approval;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;
using ActionAgent.TestKit.Fakes;

namespace ActionAgent.Approvals.Tests.Reviewers;

/// <summary>The reviewer is told what a held submit would send: the form read in real headless Chromium at request time.</summary>
[TestClass]
[DoNotParallelize]
public sealed class FormFieldsApproverTests
{
    private const string RefundForm = """
        <html><body><h2>New refund</h2>
        <form method="post" action="/refunds">
          <p><label>Order <input name="order" value="1042"></label></p>
          <p><label for="amount">Amount</label> <input id="amount" name="amount" value="42.00"></p>
          <p><label>Reason <textarea name="reason">Duplicate charge</textarea></label></p>
          <p><label>Method <select name="method"><option>Card</option><option selected>Bank transfer</option></select></label></p>
          <p><label><input type="checkbox" name="notify" checked> Notify customer</label></p>
          <p><label>Manager password <input type="password" name="pw" value="hunter2-manager"></label></p>
          <p><label>Partner key <input name="key" value="pk-live-7781"></label></p>
          <p><button type="submit">Submit refund</button></p>
        </form>
        <form method="post" action="/other"><label>Other <input name="other" value="not this one"></label><button>Other</button></form>
        </body></html>
        """;

    private static BrowserSession s_session = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task ClassInit(TestContext context)
    {
        s_session = await BrowserSessionFactory.OpenAsync(new BrowserSettings(), BrowserConnection.Launch);
    }

    [ClassCleanup]
    public static async Task ClassCleanup() => await s_session.DisposeAsync();

    private async Task<Observation> OpenRefundFormAsync()
    {
        await s_session.Page.SetContentAsync(RefundForm);
        return await s_session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);
    }

    private static ApprovalRequest Held(BrowserAction action, UiElement target) =>
        new("run-1", 3, new ProposedAction(action, "refund"), new Verdict(VerdictKind.RequireApproval, RiskClass.Submit, "actions.submit", "submits a form"))
        {
            TargetElement = target,
            Url = "http://127.0.0.1/refunds/new",
        };

    private static SecretRedaction PartnerKey()
    {
        var redaction = new SecretRedaction();
        redaction.Register("PARTNER_KEY", "pk-live-7781");
        return redaction;
    }

    [TestMethod]
    public async Task RequestAsync_HeldRefundSubmit_ListsAmountAndReasonWithSecretsMasked()
    {
        var observation = await OpenRefundFormAsync();
        var submit = observation.Elements.Single(e => e.Name == "Submit refund");
        var inner = new FakeApprover(_ => ApprovalDecision.Approve("test"));
        var approver = new FormFieldsApprover(inner, s_session, PartnerKey());

        await approver.RequestAsync(Held(new ClickAction(ActionTarget.Element(submit.Id)), submit), TestContext.CancellationToken);

        var fields = inner.Requests.Single().FormFields;
        var shown = string.Join(" | ", fields.Where(f => f.Label != FormFieldsApprover.SendsTo).Select(f => $"{f.Label}={f.Value}"));
        Assert.AreEqual("Order=1042 | Amount=42.00 | Reason=Duplicate charge | Method=Bank transfer | Notify customer=checked | Manager password=•••••• | Partner key=••••••", shown);
        Assert.IsTrue(fields.Single(f => f.Label == "Manager password").Masked);
        Assert.AreEqual("password", fields.Single(f => f.Label == "Manager password").Type);
        Assert.IsTrue(fields.Single(f => f.Label == "Partner key").Masked, "a declared secret's value is masked wherever it sits");
        Assert.IsFalse(fields.Any(f => f.Value.Contains("hunter2", StringComparison.Ordinal) || f.Value.Contains("pk-live", StringComparison.Ordinal)));
        var sendsTo = fields[^1];
        Assert.AreEqual(FormFieldsApprover.SendsTo, sendsTo.Label, "the last row says where the form sends it");
        StringAssert.StartsWith(sendsTo.Value, "POST ");
        StringAssert.EndsWith(sendsTo.Value, "/refunds", "read past the select named \"method\", which shadows form.method");
    }

    [TestMethod]
    public async Task RequestAsync_TypeWithEnterIntoAmount_ListsTheTextAboutToBeTyped()
    {
        var observation = await OpenRefundFormAsync();
        var amount = observation.Elements.Single(e => e.Name == "Amount");
        var inner = new FakeApprover(_ => ApprovalDecision.Approve("test"));
        var approver = new FormFieldsApprover(inner, s_session, SecretRedaction.None);

        await approver.RequestAsync(Held(new TypeTextAction(ActionTarget.Element(amount.Id), "950.00", PressEnter: true), amount), TestContext.CancellationToken);

        var fields = inner.Requests.Single().FormFields;
        Assert.AreEqual("950.00", fields.Single(f => f.Label == "Amount").Value, "Enter sends what is about to be typed, not the old value");
        Assert.IsFalse(fields.Any(f => f.Label == "Other"), "only the field's own form");
    }

    [TestMethod]
    public async Task RequestAsync_TypedSecretReferenceWithEnter_IsMasked()
    {
        var observation = await OpenRefundFormAsync();
        var amount = observation.Elements.Single(e => e.Name == "Amount");
        var inner = new FakeApprover(_ => ApprovalDecision.Approve("test"));
        var approver = new FormFieldsApprover(inner, s_session, SecretRedaction.None);

        await approver.RequestAsync(Held(new TypeTextAction(ActionTarget.Element(amount.Id), "{{secret:PIN}}", PressEnter: true), amount), TestContext.CancellationToken);

        var field = inner.Requests.Single().FormFields.Single(f => f.Label == "Amount");
        Assert.IsTrue(field.Masked);
        Assert.AreEqual(FormFieldValue.MaskedValue, field.Value);
    }

    [TestMethod]
    public async Task RequestAsync_ClickThatSubmitsNoForm_ListsNothing()
    {
        var observation = await OpenRefundFormAsync();
        var order = observation.Elements.Single(e => e.Name == "Order");
        var inner = new FakeApprover(_ => ApprovalDecision.Approve("test"));
        var approver = new FormFieldsApprover(inner, s_session, SecretRedaction.None);

        await approver.RequestAsync(Held(new ClickAction(ActionTarget.Element(order.Id)), order), TestContext.CancellationToken);

        Assert.AreEqual(0, inner.Requests.Single().FormFields.Count);
    }
}
