using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Tests.Decision.Corpus;

namespace ActionAgent.Core.Tests.Decision;

[TestClass]
public sealed class StepInterpreterTests
{
    private readonly List<StepSummary> _history = [];
    private StepInterpreter _interpreter = new();

    // One decision, as the loop would ask for it: the history holds every earlier step's outcome.
    private async Task<ProposedAction> Next(string task, Observation page, string runId = "run")
    {
        var proposal = await _interpreter.DecideAsync(new DecisionContext(runId, task, _history.Count + 1, page, _history.ToArray()));
        return proposal;
    }

    private void Outcome(ProposedAction proposal, bool succeeded, string message = "done") =>
        _history.Add(new StepSummary(_history.Count + 1, proposal.Action.Describe(), message, succeeded) { StepText = proposal.StepText, ActionKind = proposal.Action.Kind });

    [TestMethod]
    public void Name_IsStepInterpreter()
    {
        Assert.AreEqual("step-interpreter", _interpreter.Name);
    }

    [TestMethod]
    public async Task DecideAsync_EachSuccess_AdvancesToTheNextStep_ThenDone()
    {
        const string task = "Type 1042 into Order number, fill Amount with 42.00 and then click Submit refund";
        var page = CorpusPages.Get("refund");

        var first = await Next(task, page);
        Outcome(first, succeeded: true);
        var second = await Next(task, page);
        Outcome(second, succeeded: true);
        var third = await Next(task, page);
        Outcome(third, succeeded: true);
        var done = await Next(task, page);

        Assert.AreEqual(11, first.Action.PrimaryTarget?.ElementId);
        Assert.AreEqual(12, second.Action.PrimaryTarget?.ElementId);
        Assert.AreEqual(22, third.Action.PrimaryTarget?.ElementId);
        var result = ((DoneAction)done.Action).Result;
        StringAssert.StartsWith(result, "All 3 steps carried out: 1) Type 1042 into Order number; 2) fill Amount with 42.00; 3) click Submit refund");
    }

    [TestMethod]
    public async Task DecideAsync_RunTakenOverAfterAnotherDeciderDidTheFirstStep_ContinuesWithTheSecond()
    {
        // The action cache (or a model) carried out step 1 and then had nothing for step 2: the interpreter is asked
        // for the first time in this run and must not type the order number again.
        const string task = "Type 1042 into Order number, then fill Amount with 42.00";
        var page = CorpusPages.Get("refund");
        var byCache = await new StepInterpreter().DecideAsync(new DecisionContext("run", task, 1, page, []));
        Outcome(byCache, succeeded: true);

        var next = await Next(task, page);
        Outcome(next, succeeded: true);
        var done = await Next(task, page);

        Assert.AreEqual(12, next.Action.PrimaryTarget?.ElementId, next.Reason);
        StringAssert.StartsWith(((DoneAction)done.Action).Result, "All 2 steps carried out: 1) Type 1042 into Order number (by an earlier decider); 2) fill Amount with 42.00");
    }

    [TestMethod]
    public async Task DecideAsync_RunTakenOverAfterAWaitOrAFailure_StartsAtTheStepNotCarriedOut()
    {
        const string task = "Type 1042 into Order number, then fill Amount with 42.00";
        var page = CorpusPages.Get("refund");
        _history.Add(new StepSummary(1, "wait 0.5s", "waited", true) { StepText = "Type 1042 into Order number", ActionKind = "wait" });
        _history.Add(new StepSummary(2, "type #11", "element is covered", false) { StepText = "Type 1042 into Order number", ActionKind = "type" });

        var next = await Next(task, page);

        Assert.AreEqual(11, next.Action.PrimaryTarget?.ElementId, "neither the wait nor the failed attempt carried the first step out");
    }

    [TestMethod]
    public async Task DecideAsync_Proposal_CarriesStepTextConfidenceReasonAndName()
    {
        var proposal = await Next("Select Damaged item from the Reason list", CorpusPages.Get("refund"));

        Assert.AreEqual("Select Damaged item from the Reason list", proposal.StepText);
        Assert.AreEqual(1.0, proposal.Confidence, 1e-9);
        Assert.AreEqual("step-interpreter", proposal.DecidedBy);
        Assert.AreEqual("Step 1 of 1: matched 'Reason' select by label (score 1.00); option 'Damaged item' (score 1.00)", proposal.Reason);
    }

    [TestMethod]
    public async Task DecideAsync_CheckboxAlreadyInState_SkipsStraightToTheNextStep()
    {
        var proposal = await Next("Check Notify customer, then click Submit refund", CorpusPages.Get("refund"));
        Outcome(proposal, succeeded: true);
        var done = await Next("Check Notify customer, then click Submit refund", CorpusPages.Get("refund"));

        Assert.AreEqual(22, proposal.Action.PrimaryTarget?.ElementId);
        StringAssert.Contains(((DoneAction)done.Action).Result, "Check Notify customer (checked: checkbox 'Notify customer' is already checked");
    }

    [TestMethod]
    public async Task DecideAsync_FailedAction_GroundsAgainPreferringAnotherEqualMatch_ThenFailsClearly()
    {
        const string task = "Click Save";
        var page = CorpusPages.Get("addresses");

        var first = await Next(task, page);
        Outcome(first, succeeded: false, "element #6 is covered by a banner");
        var retry = await Next(task, page);
        Outcome(retry, succeeded: false, "element #11 is covered by a banner");
        var fail = await Next(task, page);

        Assert.AreEqual(6, first.Action.PrimaryTarget?.ElementId);
        Assert.AreEqual(11, retry.Action.PrimaryTarget?.ElementId, "the failed element is not simply repeated when another fits as well");
        StringAssert.Contains(retry.Reason, "retrying step 1 after: element #6 is covered by a banner");
        var reason = ((FailAction)fail.Action).Reason;
        StringAssert.StartsWith(reason, "Step 1 of 1, 'Click Save': the action failed twice");
        StringAssert.Contains(reason, "element #11 is covered by a banner");
    }

    [TestMethod]
    public async Task DecideAsync_RejectedByReviewer_FailsAtOnceWithTheReason()
    {
        const string task = "Click Submit refund";
        var page = CorpusPages.Get("refund");

        var first = await Next(task, page);
        Outcome(first, succeeded: false, "rejected by ops-lead: wrong amount");
        var second = await Next(task, page);

        Assert.IsInstanceOfType<ClickAction>(first.Action);
        Assert.IsInstanceOfType<FailAction>(second.Action, "a refused step is never tried again on a look-alike");
        StringAssert.Contains(((FailAction)second.Action).Reason, "rejected by ops-lead: wrong amount");
    }

    [TestMethod]
    public async Task DecideAsync_TargetOnTheNextPage_WaitsUntilItAppears()
    {
        const string task = "Click Sign in, then open Order 1042";
        var login = CorpusPages.Get("login");

        var signIn = await Next(task, login);
        Outcome(signIn, succeeded: true);
        var wait = await Next(task, login);
        Outcome(wait, succeeded: true);
        var open = await Next(task, CorpusPages.Get("orders"));

        Assert.AreEqual(5, signIn.Action.PrimaryTarget?.ElementId);
        Assert.AreEqual(new WaitAction(TimeSpan.FromMilliseconds(500)), wait.Action);
        StringAssert.StartsWith(wait.Reason, "waiting for 'Order 1042' to appear (Step 2 of 2, try 1 of 4)");
        Assert.AreEqual(14, open.Action.PrimaryTarget?.ElementId);
    }

    [TestMethod]
    public async Task DecideAsync_TargetNeverAppearsOnAnIdlePage_FailsAfterOneLookNamingTheStepAndARewrite()
    {
        const string task = "Type 1042 into Order number\nClick the Approve button";
        var page = CorpusPages.Get("refund");
        var first = await Next(task, page);
        Outcome(first, succeeded: true);

        ProposedAction proposal;
        var waits = 0;
        while ((proposal = await Next(task, page)).Action is WaitAction)
        {
            waits++;
            Outcome(proposal, succeeded: true);
        }

        Assert.AreEqual(1, waits, "one look after the typing, then the unchanged page is idle");
        var reason = ((FailAction)proposal.Action).Reason;
        StringAssert.StartsWith(reason, "Step 2 of 2, 'Click the Approve button': no element matches 'Approve'");
        StringAssert.Contains(reason, "still after waiting once. The page has, for example: Click");
        StringAssert.Contains(reason, "--model");
        Assert.AreEqual(1, reason.Split("no element matches").Length - 1, "said once");
    }

    [TestMethod]
    public async Task DecideAsync_UnparseableInstruction_FailsNamingTheSentenceAndTheVerbsItKnows()
    {
        _interpreter = new StepInterpreter(new StepInterpreterOptions { MaxWaitObservations = 0 });

        var proposal = await Next("Frobnicate the widget", CorpusPages.Get("refund"));

        var reason = ((FailAction)proposal.Action).Reason;
        StringAssert.StartsWith(reason, "Step 1 of 1, 'Frobnicate the widget': I could not understand this instruction");
        StringAssert.Contains(reason, "click, double-click, right-click");
        StringAssert.Contains(reason, "wait for <text>");
    }

    [TestMethod]
    public async Task DecideAsync_EmptyTask_Fails()
    {
        var proposal = await Next("   ", CorpusPages.Get("login"));

        StringAssert.StartsWith(((FailAction)proposal.Action).Reason, "the task has no steps");
    }

    [TestMethod]
    public async Task DecideAsync_TwoRuns_KeepTheirOwnCursor()
    {
        const string task = "Check Express, then check Gift wrap";
        var page = CorpusPages.Get("refund");
        var a1 = await _interpreter.DecideAsync(new DecisionContext("a", task, 1, page, []));
        var b1 = await _interpreter.DecideAsync(new DecisionContext("b", task, 1, page, []));
        var a2 = await _interpreter.DecideAsync(new DecisionContext("a", task, 2, page, [new StepSummary(1, "click", "ok", true)]));

        Assert.AreEqual(18, a1.Action.PrimaryTarget?.ElementId);
        Assert.AreEqual(18, b1.Action.PrimaryTarget?.ElementId, "run b starts at its own first step");
        Assert.AreEqual(19, a2.Action.PrimaryTarget?.ElementId);
    }

    [TestMethod]
    public async Task DecideAsync_NewRunWithTheSameId_StartsOver()
    {
        var page = CorpusPages.Get("refund");
        var first = await Next("Check Express", page);
        Outcome(first, succeeded: true);
        _history.Clear();

        var again = await Next("Check Express", page);

        Assert.AreEqual(18, again.Action.PrimaryTarget?.ElementId, "an empty history means a fresh run");
    }

    [TestMethod]
    public async Task DecideAsync_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsExactlyAsync<OperationCanceledException>(() =>
            _interpreter.DecideAsync(new DecisionContext("c", "Click Save", 1, CorpusPages.Get("addresses"), []), cts.Token));
    }
}
