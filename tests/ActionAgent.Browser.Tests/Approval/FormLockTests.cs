using ActionAgent.Browser.Approval;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;
using ActionAgent.TestKit.Fakes;

namespace ActionAgent.Browser.Tests.Approval;

/// <summary>
/// The form lock in real headless Chromium: the page changes the held submit's form while the reviewer decides, and the
/// approved action then runs only if the form still sends what it held. Secret values are never quoted.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class FormLockTests
{
    private const string PayForm = """
        <html><body>
        <form id="f" method="post" action="/pay">
          <p><label>Amount <input name="amount" value="10"></label></p>
          <p><label>PIN <input type="password" name="pin" value="4711"></label></p>
          <p><button type="submit">Pay</button></p>
        </form>
        <p><label>Note <input name="note" form="f" value="rent"></label></p>
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

    /// <summary>Approves after running <c>tamper</c> in the page, as a page script would while the reviewer looks.</summary>
    private sealed class TamperingApprover(string? tamper) : IApprover
    {
        public async Task<ApprovalDecision> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
        {
            if (tamper is not null)
            {
                await s_session.Page.EvaluateAsync(tamper);
            }

            return ApprovalDecision.Approve("alice");
        }
    }

    private async Task<(ActionOutcome Outcome, FakeExecutor Inner, List<string> Refused)> ApproveThenRunAsync(string? tamper, Func<Observation, BrowserAction> act, Func<BrowserAction, BrowserAction>? edit = null, string page = PayForm)
    {
        await s_session.Page.SetContentAsync(page);
        var observation = await s_session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);
        var action = act(observation);
        var target = action.PrimaryTarget?.ElementId is { } id ? observation.Find(id) : null;
        var formLock = new FormLock(s_session);
        var approver = new FormLockApprover(new TamperingApprover(tamper), formLock);
        var inner = new FakeExecutor();
        var refused = new List<string>();
        var executor = new FormLockExecutor(inner, formLock, (_, changes, _) =>
        {
            refused.AddRange(changes);
            return Task.CompletedTask;
        });
        var proposal = new ProposedAction(action, "pay");
        var request = new ApprovalRequest("run-1", 2, proposal, new Verdict(VerdictKind.RequireApproval, RiskClass.Submit, "actions.submit", "submits a form"))
        {
            TargetElement = target,
            Url = "http://127.0.0.1/pay",
        };

        var decision = await approver.RequestAsync(request, TestContext.CancellationToken);
        Assert.IsTrue(decision.IsApproved);
        // The loop runs the reviewer's edit of a type action's text, not the proposal as asked.
        var run = edit is null ? proposal : proposal with { Action = edit(action) };
        var outcome = await executor.ExecuteAsync(run, observation, TestContext.CancellationToken);
        return (outcome, inner, refused);
    }

    private static BrowserAction ClickPay(Observation o) => new ClickAction(ActionTarget.Element(o.Elements.Single(e => e.Name == "Pay").Id));

    [TestMethod]
    public async Task Execute_FormUnchanged_RunsTheApprovedClick()
    {
        var (outcome, inner, refused) = await ApproveThenRunAsync(null, ClickPay);

        Assert.AreEqual(1, inner.Executed.Count, outcome.Message);
        Assert.AreEqual(0, refused.Count);
    }

    [TestMethod]
    public async Task Execute_PasswordChangedWhileApprovalWaited_RefusedNamingTheFieldNotItsValue()
    {
        var (outcome, inner, refused) = await ApproveThenRunAsync("document.querySelector('[name=pin]').value = '9999'", ClickPay);

        Assert.AreEqual(0, inner.Executed.Count, "the changed form is not submitted");
        Assert.AreEqual(FailureKind.NotApproved, outcome.Failure);
        StringAssert.Contains(outcome.Message, "pin changed");
        Assert.IsFalse(outcome.Message.Contains("4711", StringComparison.Ordinal) || outcome.Message.Contains("9999", StringComparison.Ordinal), outcome.Message);
        CollectionAssert.AreEqual(new[] { "pin changed" }, refused);
    }

    [TestMethod]
    public async Task Execute_FieldJoinedWithFormAttributeChanged_Refused()
    {
        var (outcome, inner, _) = await ApproveThenRunAsync("document.querySelector('[name=note]').value = 'fees'", ClickPay);

        Assert.AreEqual(0, inner.Executed.Count, outcome.Message);
        StringAssert.Contains(outcome.Message, "note changed");
    }

    [TestMethod]
    public async Task Execute_SubmitButtonGivenAFormaction_RefusedNamingTheNewDestination()
    {
        var (outcome, inner, _) = await ApproveThenRunAsync("document.querySelector('button').setAttribute('formaction', 'https://evil.example/steal')", ClickPay);

        Assert.AreEqual(0, inner.Executed.Count, outcome.Message);
        StringAssert.Contains(outcome.Message, "it now sends to POST https://evil.example/steal");
    }

    [TestMethod]
    public async Task Execute_FormActionChangedBehindAFieldNamedAction_Refused()
    {
        // form.action is the input named "action" here: the destination must be read past it.
        var clobbered = PayForm.Replace("<p><button", "<input type=\"hidden\" name=\"action\" value=\"pay\"><input type=\"hidden\" name=\"method\" value=\"card\"><p><button", StringComparison.Ordinal);
        var (outcome, inner, _) = await ApproveThenRunAsync("document.forms[0].setAttribute('action', '/steal')", ClickPay, page: clobbered);

        Assert.AreEqual(0, inner.Executed.Count, outcome.Message);
        StringAssert.Contains(outcome.Message, "/steal");
    }

    [TestMethod]
    public async Task Execute_EnterInAmountWithTheReviewersEditedText_RunsWhenTheFormIsUnchanged()
    {
        var (outcome, inner, _) = await ApproveThenRunAsync(null, o => new TypeTextAction(ActionTarget.Element(o.Elements.Single(e => e.Name == "Amount").Id), "12", PressEnter: true),
            a => ((TypeTextAction)a) with { Text = "15" });

        Assert.AreEqual(1, inner.Executed.Count, outcome.Message);
        Assert.AreEqual("15", ((TypeTextAction)inner.Executed.Single()).Text, "the edited text is what runs");
    }
}
