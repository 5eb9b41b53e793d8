using ActionAgent.Approvals.Reviewers;
using ActionAgent.Approvals.Tests.Fakes;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;

namespace ActionAgent.Approvals.Tests.Reviewers;

[TestClass]
public sealed class ConsoleApproverTests
{
    private static (ConsoleApprover Approver, StringWriter Output) Make(string input)
    {
        var output = new StringWriter();
        return (new ConsoleApprover(new StringReader(input), output, "ops-lead"), output);
    }

    [TestMethod]
    public async Task RequestAsync_ShowsActionTargetRiskAndRule_ThenYesApproves()
    {
        var (approver, output) = Make("y\n");

        var decision = await approver.RequestAsync(Build.Request());

        Assert.IsTrue(decision.IsApproved);
        Assert.AreEqual("ops-lead", decision.Reviewer);
        var text = output.ToString();
        StringAssert.Contains(text, "action : click #7 \"the Submit refund button\"");
        StringAssert.Contains(text, "target : button \"Submit refund\"");
        StringAssert.Contains(text, "risk   : submit   rule: actions.submit");
        StringAssert.Contains(text, "page   : http://127.0.0.1:5000/refunds/new");
    }

    [TestMethod]
    public async Task RequestAsync_HeldSubmitWithFormValues_ListsThemWithThePasswordMasked()
    {
        var (approver, output) = Make("n\n");
        var request = Build.Request() with
        {
            FormFields =
            [
                new Core.Approval.FormFieldValue("Amount", "text", "42.00"),
                new Core.Approval.FormFieldValue("Manager password", "password", "hunter2") { Masked = true },
            ],
        };

        await approver.RequestAsync(request);

        StringAssert.Contains(output.ToString(), "  this will submit:\n    Amount            42.00\n    Manager password  ••••••\n");
        Assert.IsFalse(output.ToString().Contains("hunter2", StringComparison.Ordinal));
    }

    [TestMethod]
    public async Task RequestAsync_No_Rejects()
    {
        var (approver, _) = Make("n\n");

        var decision = await approver.RequestAsync(Build.Request());

        Assert.IsFalse(decision.IsApproved);
    }

    [TestMethod]
    public async Task RequestAsync_ReasonOption_RejectsWithTheReason()
    {
        var (approver, _) = Make("r\nwrong order number\n");

        var decision = await approver.RequestAsync(Build.Request());

        Assert.IsFalse(decision.IsApproved);
        Assert.AreEqual("wrong order number", decision.Reason);
    }

    [TestMethod]
    public async Task RequestAsync_EditOnATypeAction_ApprovesWithTheNewValue()
    {
        var (approver, output) = Make("e\n42.00\n");

        var decision = await approver.RequestAsync(Build.Request(action: new TypeTextAction(ActionTarget.Element(7), "420.00")));

        Assert.IsTrue(decision.IsApproved);
        Assert.AreEqual("42.00", decision.EditedValue);
        StringAssert.Contains(output.ToString(), "value  : \"420.00\"");
    }

    [TestMethod]
    public async Task RequestAsync_UnknownAnswerThenYes_AsksAgain()
    {
        var (approver, output) = Make("maybe\ne\ny\n");

        var decision = await approver.RequestAsync(Build.Request());

        Assert.IsTrue(decision.IsApproved);
        Assert.AreEqual(2, output.ToString().Split("Please answer y, n, r.").Length - 1, "'e' is not offered for a click");
    }

    [TestMethod]
    public async Task RequestAsync_InputClosed_Rejects()
    {
        var (approver, _) = Make("");

        var decision = await approver.RequestAsync(Build.Request());

        Assert.IsFalse(decision.IsApproved);
        StringAssert.Contains(decision.Reason, "input closed");
    }

    [TestMethod]
    public async Task RequestAsync_LabelWithEscapeCodes_CannotRewriteTheReviewersLine()
    {
        const string label = "Delete all\u001b[2K\rSave draft";
        var (approver, output) = Make("n\n");
        var request = Build.Request(label: label, action: new ClickAction(ActionTarget.Element(7, label))) with
        {
            Task = "Save the draft\u202E",
            Url = "http://127.0.0.1:5000/\u001b]8;;http://evil/\u0007drafts",
        };

        await approver.RequestAsync(request);

        var lines = output.ToString().Split('\n');
        Assert.AreEqual(@"  action : click #7 ""Delete all\x1b[2K\rSave draft""", lines.Single(l => l.StartsWith("  action : ", StringComparison.Ordinal)));
        Assert.AreEqual(@"  target : button ""Delete all\x1b[2K\rSave draft"" at (60,150 120x32)", lines.Single(l => l.StartsWith("  target : ", StringComparison.Ordinal)));
        Assert.AreEqual(@"  why    : ""Delete all\x1b[2K\rSave draft"" submits a form", lines.Single(l => l.StartsWith("  why    : ", StringComparison.Ordinal)));
        Assert.AreEqual(@"  page   : http://127.0.0.1:5000/\x1b]8;;http://evil/\x07drafts", lines.Single(l => l.StartsWith("  page   : ", StringComparison.Ordinal)));
        Assert.AreEqual("  task   : Save the draft<U+202E>", lines.Single(l => l.StartsWith("  task   : ", StringComparison.Ordinal)));
        Assert.IsFalse(output.ToString().Any(c => c != '\n' && InertText.IsUnsafe(c)), "no control or bidi character reaches the terminal");
    }
}
