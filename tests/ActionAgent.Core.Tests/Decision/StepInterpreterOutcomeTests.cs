using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Tests.Decision.Corpus;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>What the interpreter does with an outcome: a refusal ends the run, an unseen effect is tried once more, checks are reported.</summary>
[TestClass]
public sealed class StepInterpreterOutcomeTests
{
    private readonly List<StepSummary> _history = [];
    private readonly StepInterpreter _interpreter = new();

    private static Observation SignInWithHeading() => new()
    {
        Url = "http://127.0.0.1:5080/login",
        Geometry = ViewportGeometry.Identity(1280, 800),
        Elements =
        [
            new UiElement { Id = 1, Role = "heading", Name = "Sign in", Bounds = new ScreenRect(40, 40, 300, 36) },
            new UiElement { Id = 2, Role = "textbox", Name = "Username", Tag = "input", Bounds = new ScreenRect(40, 100, 300, 32) },
            new UiElement { Id = 3, Role = "button", Name = "Sign in", Bounds = new ScreenRect(40, 160, 120, 36) },
        ],
    };

    private Task<ProposedAction> Next(string task, Observation page) =>
        _interpreter.DecideAsync(new DecisionContext("run", task, _history.Count + 1, page, _history.ToArray()));

    private void Outcome(ProposedAction proposal, bool succeeded, string message, FailureKind failure = FailureKind.None) =>
        _history.Add(new StepSummary(_history.Count + 1, proposal.Action.Describe(), message, succeeded)
        {
            StepText = proposal.StepText,
            ActionKind = proposal.Action.Kind,
            Failure = failure,
        });

    [TestMethod]
    public async Task DecideAsync_ClickRejectedByReviewer_FailsWithTheReasonInsteadOfClickingALookAlike()
    {
        var page = SignInWithHeading();
        var click = await Next("Click Sign in", page);
        Outcome(click, succeeded: false, "rejected by ops-lead: not during the freeze");

        var next = await Next("Click Sign in", page);

        Assert.AreEqual(3, click.Action.PrimaryTarget?.ElementId);
        var fail = next.Action as FailAction;
        Assert.IsNotNull(fail, $"expected the run to stop, got {next.Action.Describe()}");
        StringAssert.Contains(fail.Reason, "not during the freeze");
        Assert.AreEqual(FailureKind.NotApproved, fail.Failure);
    }

    [TestMethod]
    public async Task DecideAsync_ClickDeniedByPolicyWithoutAKind_StillStopsTheRun()
    {
        var page = SignInWithHeading();
        var click = await Next("Click Sign in", page);
        Outcome(click, succeeded: false, "denied by policy (no-payments): payments are blocked");

        var next = await Next("Click Sign in", page);

        Assert.IsInstanceOfType<FailAction>(next.Action, next.Action.Describe());
        Assert.AreEqual(FailureKind.PolicyDenied, ((FailAction)next.Action).Failure);
        StringAssert.Contains(((FailAction)next.Action).Reason, "payments are blocked");
    }

    private static Observation Links(params string[] names) => new()
    {
        Url = "http://127.0.0.1:5080/menu",
        Geometry = ViewportGeometry.Identity(1280, 800),
        Elements = [.. names.Select((n, i) => new UiElement { Id = i + 1, Role = "link", Tag = "a", Name = n, Bounds = new ScreenRect(40, 40 + (i * 30), 200, 24) })],
    };

    [TestMethod]
    public async Task DecideAsync_TheLastLinksClickNotSeen_TriesTheLastLinkAgainNeverTheOneBeforeIt()
    {
        var page = Links("Desktops", "Workstations", "Servers");
        var first = await Next("Click the last link", page);
        Outcome(first, succeeded: false, "clicked #3 link \"Servers\", but its effect was not seen: nothing changed", FailureKind.NotVerified);

        var retry = await Next("Click the last link", page);

        Assert.AreEqual(3, first.Action.PrimaryTarget?.ElementId);
        Assert.AreNotEqual(2, retry.Action.PrimaryTarget?.ElementId, $"the retry counted past the last link: {retry.Reason}");
    }

    [TestMethod]
    public async Task DecideAsync_OpenAMenuEntryWhoseMenuIsHidden_PointsFirstThenClicksWhenPointingShowedNothing()
    {
        var page = new Observation
        {
            Url = "http://127.0.0.1:5080/shop",
            Geometry = ViewportGeometry.Identity(1280, 800),
            Elements =
            [
                new UiElement { Id = 1, Role = "link", Tag = "a", Name = "Products", Submenu = false, Bounds = new ScreenRect(40, 40, 100, 24) },
                new UiElement { Id = 2, Role = "link", Tag = "a", Name = "Laptops", Bounds = new ScreenRect(0, 0, 0, 0) },
            ],
        };

        var point = await Next("Open Products", page);
        Outcome(point, succeeded: true, "moved the mouse over #1 link \"Products\"");
        var click = await Next("Open Products", page);

        Assert.IsInstanceOfType<HoverAction>(point.Action, point.Action.Describe());
        Assert.IsInstanceOfType<ClickAction>(click.Action, "pointing showed nothing, so the entry is clicked: " + click.Action.Describe());
        Assert.AreEqual(1, click.Action.PrimaryTarget?.ElementId);
    }

    [TestMethod]
    public async Task DecideAsync_EffectNotSeenTwice_FailsNotVerifiedWithWhatWasSeen()
    {
        var page = SignInWithHeading();
        var first = await Next("Type ops into Username", page);
        Outcome(first, succeeded: false, "typed \"ops\", but its effect was not seen: text field \"Username\" reads \"\" instead of \"ops\"", FailureKind.NotVerified);
        var second = await Next("Type ops into Username", page);
        Outcome(second, succeeded: false, "typed \"ops\", but its effect was not seen: text field \"Username\" reads \"\" instead of \"ops\"", FailureKind.NotVerified);

        var third = await Next("Type ops into Username", page);

        Assert.IsInstanceOfType<TypeTextAction>(second.Action, "tried once more");
        var fail = third.Action as FailAction;
        Assert.IsNotNull(fail, third.Action.Describe());
        Assert.AreEqual(FailureKind.NotVerified, fail.Failure);
        StringAssert.Contains(fail.Reason, "reads \"\" instead of \"ops\"");
    }

    [TestMethod]
    public async Task DecideAsync_Done_ListsTheChecksTheStepsPassed()
    {
        var page = SignInWithHeading();
        var type = await Next("Type ops into Username, then click Sign in", page);
        Outcome(type, succeeded: true, "typed \"ops\" [checked: text field \"Username\" reads \"ops\"]");
        var click = await Next("Type ops into Username, then click Sign in", page);
        Outcome(click, succeeded: true, "clicked button \"Sign in\" [checked: clicking button \"Sign in\" changed the page (the URL is now /home)]");

        var done = await Next("Type ops into Username, then click Sign in", page);

        var result = ((DoneAction)done.Action).Result;
        StringAssert.Contains(result, "text field \"Username\" reads \"ops\"");
        StringAssert.Contains(result, "the URL is now /home");
        StringAssert.Contains(result, "2 of 2 steps confirmed by a check");
    }

    [TestMethod]
    public async Task DecideAsync_NothingOnAnIdlePageComesClose_FailsAtOnceWithARewrite()
    {
        var page = CorpusPages.Get("login");

        var proposal = await Next("Click Launch rocket", page);

        var fail = proposal.Action as FailAction;
        Assert.IsNotNull(fail, $"expected an immediate failure, got {proposal.Action.Describe()}");
        Assert.AreEqual(FailureKind.NotGrounded, fail.Failure);
        StringAssert.Contains(fail.Reason, "--model");
        StringAssert.Contains(fail.Reason, "Click \"Sign in\"");
    }

    [TestMethod]
    public async Task DecideAsync_SentenceCarryingValues_NeverClicksTheButtonWithEmptyFields()
    {
        var page = CorpusPages.Get("login");

        var proposal = await Next("Log in (user ops, pw ops-pass)", page);

        Assert.IsFalse(proposal.Action is ClickAction { Target.ElementId: 5 }, $"clicked Sign in with empty fields: {proposal.Reason}");
        var type = proposal.Action as TypeTextAction;
        Assert.IsNotNull(type, proposal.Action.Describe());
        Assert.AreEqual(2, type.Target?.ElementId);
        Assert.AreEqual("ops", type.Text);
    }

    [TestMethod]
    public async Task DecideAsync_AnIrreversibleClickNotSeenToWork_IsNotTriedAgainOnAnyElement()
    {
        var first = await Next("Click Sign in", SignInWithHeading());
        _history.Add(new StepSummary(1, first.Action.Describe(), "clicked, but nothing on the page changed", false)
        {
            StepText = first.StepText, ActionKind = first.Action.Kind, Failure = FailureKind.NotVerified, Risk = ActionAgent.Core.Policy.RiskClass.Submit,
        });

        var next = await Next("Click Sign in", SignInWithHeading());

        Assert.IsInstanceOfType<FailAction>(next.Action, $"{next.Action.Describe()}: {next.Reason}");
        StringAssert.Contains(((FailAction)next.Action).Reason, "not tried again");
    }

    // The page said no ("Invalid username or password"): pressing again, or a look-alike, gets the same answer.
    [TestMethod]
    public async Task DecideAsync_AClickThePageRefused_IsNotTriedAgain()
    {
        var first = await Next("Click Sign in", SignInWithHeading());
        _history.Add(new StepSummary(1, first.Action.Describe(), "clicked #5, but its effect was not seen: the page refused the form button \"Sign in\" sent: it came back with the page says \"Invalid username or password.\"; it was not accepted", false)
        {
            StepText = first.StepText, ActionKind = first.Action.Kind, Failure = FailureKind.NotVerified, Risk = ActionAgent.Core.Policy.RiskClass.Navigation,
        });

        var next = await Next("Click Sign in", SignInWithHeading());

        Assert.IsInstanceOfType<FailAction>(next.Action, $"{next.Action.Describe()}: {next.Reason}");
        StringAssert.Contains(((FailAction)next.Action).Reason, "Invalid username or password.");
        Assert.AreEqual(FailureKind.NotVerified, ((FailAction)next.Action).Failure);
    }

    private static Observation Accordion(bool thirdOpen) => new()
    {
        Url = "http://127.0.0.1:5080/elements",
        Geometry = ViewportGeometry.Identity(1280, 800),
        Elements =
        [
            new UiElement { Id = 1, Role = "heading", Name = "Accordion", Bounds = new ScreenRect(40, 20, 300, 30) },
            new UiElement { Id = 2, Role = "tab", Name = "Collapsible Group Items #3", Expanded = thirdOpen, Bounds = new ScreenRect(40, 60, 300, 30) },
            new UiElement { Id = 3, Role = "text", Name = "Anim pariatur cliche", Bounds = thirdOpen ? new ScreenRect(40, 95, 300, 60) : new ScreenRect(0, 0, 0, 0) },
            new UiElement { Id = 4, Role = "heading", Name = "Second accordion", Bounds = new ScreenRect(40, 300, 300, 30) },
            new UiElement { Id = 5, Role = "tab", Name = "Collapsible Group Item #3", Expanded = false, Bounds = new ScreenRect(40, 340, 300, 30) },
        ],
    };

    [TestMethod]
    public async Task DecideAsync_AClickThatRanPastTheTimeoutAndTookEffect_IsDoneNotRetriedOnALookAlike()
    {
        var expand = await Next("expand \"Collapsible Group Items #3\"", Accordion(thirdOpen: false));
        Outcome(expand, succeeded: false, "the action did not finish within the step timeout (10s)", FailureKind.StepTimeout);

        var next = await Next("expand \"Collapsible Group Items #3\"", Accordion(thirdOpen: true));

        Assert.AreEqual(2, expand.Action.PrimaryTarget?.ElementId);
        Assert.IsInstanceOfType<DoneAction>(next.Action, $"the section shows open, so the step is done: {next.Action.Describe()}");
    }

    [TestMethod]
    public async Task DecideAsync_AClickThatRanPastTheTimeoutWhileThePageChanged_IsNeverProposedAgain()
    {
        var page = SignInWithHeading();
        var click = await Next("Click Sign in", page);
        Outcome(click, succeeded: false, "the action did not finish within the step timeout (10s)", FailureKind.StepTimeout);
        var changed = page with { Elements = [.. page.Elements, new UiElement { Id = 9, Role = "text", Name = "Signing in…", Bounds = new ScreenRect(40, 220, 200, 20) }] };

        var next = await Next("Click Sign in", changed);

        var fail = next.Action as FailAction;
        Assert.IsNotNull(fail, $"the click may have taken effect; clicking again could do it twice: {next.Action.Describe()}");
        Assert.AreEqual(FailureKind.NotVerified, fail.Failure);
        StringAssert.Contains(fail.Reason, "step timeout");
    }

    [TestMethod]
    public async Task DecideAsync_AClickThatRanPastTheTimeoutAndChangedNothing_IsTriedAgainOnTheSameElement()
    {
        var page = Accordion(thirdOpen: false);
        var expand = await Next("expand \"Collapsible Group Items #3\"", page);
        Outcome(expand, succeeded: false, "the action did not finish within the step timeout (10s)", FailureKind.StepTimeout);

        var retry = await Next("expand \"Collapsible Group Items #3\"", page);

        Assert.AreEqual(2, retry.Action.PrimaryTarget?.ElementId, $"a slow click is no reason to take a look-alike: {retry.Action.Describe()}");
    }
}
