using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;
using ActionAgent.Core.Tests.Decision.Corpus;
using ActionAgent.TestKit.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionAgent.Core.Tests.Decision;

[TestClass]
public sealed class StepInterpreterLoopTests
{
    private const string RefundTask = """
        Sign in as ops with password ops-pass
        Search for 1042
        Click Refund next to Order 1042
        Fill Amount with 42.00, select Damaged item from the Reason list and choose Store credit
        Check Express and Gift wrap
        Click Submit refund
        Wait for Refund filed
        """;

    private string _root = "";

    [TestInitialize]
    public void Init() => _root = Directory.CreateTempSubdirectory("aa-interp-").FullName;

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    private static Observation Filed() => new()
    {
        Url = "http://127.0.0.1:5080/refunds/77",
        Title = "Refund filed",
        Geometry = ViewportGeometry.Identity(1280, 800),
        Elements = [new UiElement { Id = 1, Role = "heading", Name = "Refund filed", Bounds = new ScreenRect(40, 40, 300, 36) }],
        VisibleText = "Refund filed",
    };

    // A sample-app-shaped site: clicks on Sign in, a Refund button and Submit refund move to the next page.
    private (AgentLoop Loop, FakeExecutor Executor, FakeApprover Approver) Build(Func<ApprovalRequest, ApprovalDecision> approve)
    {
        var page = CorpusPages.Get("login");
        var executor = new FakeExecutor();
        executor.Outcome = action =>
        {
            var label = action.PrimaryTarget?.Description;
            page = (action, label) switch
            {
                (ClickAction, "Sign in") => CorpusPages.Get("orders"),
                (ClickAction, "Refund") => CorpusPages.Get("refund"),
                (ClickAction, "Submit refund") => Filed(),
                _ => page,
            };
            return ActionOutcome.Success();
        };
        var approver = new FakeApprover(approve);
        var loop = new AgentLoop(new AgentParts
        {
            Perceiver = new FakePerceiver(_ => page), Decider = new StepInterpreter(), Policy = new PolicyEngine(PolicyDocument.Default), Approver = approver,
            Executor = executor, Recorder = new JsonRunRecorder(_root),
        });
        return (loop, executor, approver);
    }

    [TestMethod]
    public async Task RunAsync_RefundTaskOverTheSampleAppPages_CompletesWithoutAModel()
    {
        var (loop, executor, approver) = Build(_ => ApprovalDecision.Approve("ops-lead"));

        var result = await loop.RunAsync(new RunRequest(RefundTask) { RunId = "refund-1" });

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        StringAssert.StartsWith(result.Message, "All 12 steps carried out");
        CollectionAssert.AreEqual(
            new[]
            {
                "type #2 \"Username\"", "type #3 \"Password\"", "click #5 \"Sign in\"", "type #11 \"Search orders\"",
                "click #18 \"Refund\"", "type #12 \"Amount\"", "select #14 \"Reason\"", "click #17 \"Store credit\"",
                "click #18 \"Express\"", "click #19 \"Gift wrap\"", "click #22 \"Submit refund\"", "wait",
            },
            executor.Executed.Select(a => $"{a.Kind}{(a.PrimaryTarget is { } t ? " " + t : "")}").ToArray());
        Assert.IsTrue(approver.Requests.Any(r => r.Proposal.StepText == "Click Submit refund"), "the submit went through approval");
        var recording = RunRecording.Load(Path.Combine(_root, "refund-1"));
        Assert.IsTrue(recording.Steps.All(s => s.Proposal.DecidedBy == "step-interpreter"));
    }

    [TestMethod]
    public async Task RunAsync_SubmitRejected_FailsAtOnceWithTheReviewersReason()
    {
        var (loop, executor, approver) = Build(r => r.Proposal.StepText == "Click Submit refund"
            ? ApprovalDecision.Reject("ops-lead", "amount is wrong")
            : ApprovalDecision.Approve("ops-lead"));

        var result = await loop.RunAsync(new RunRequest(RefundTask) { RunId = "refund-2" });

        Assert.AreEqual(RunStatus.Failed, result.Status);
        StringAssert.Contains(result.Message, "Step 11 of 12, 'Click Submit refund' was refused");
        StringAssert.Contains(result.Message, "amount is wrong");
        Assert.AreEqual(1, approver.Requests.Count(r => r.Proposal.StepText == "Click Submit refund"), "asked once, not again on a look-alike");
        Assert.IsFalse(executor.Executed.Any(a => a.PrimaryTarget?.Description == "Submit refund"), "a rejected submit never runs");
    }

    [TestMethod]
    public async Task RunAsync_OpenASubmenuThenChooseAnItemAlsoShownElsewhere_ChoosesTheOneThatAppeared()
    {
        static UiElement Item(int id, string name, double x, double y) =>
            new() { Id = id, Role = "menuitem", Name = name, Bounds = new ScreenRect(x, y, 120, 24) };
        var closed = new List<UiElement> { Item(1, "Ada", 20, 20), Item(2, "Delphi", 20, 44), Item(3, "Saarland", 20, 68) };
        var opened = closed.Concat([Item(10, "Ada", 150, 44), Item(11, "Saarland", 150, 68)]).ToList();
        var page = new Observation { Url = "http://127.0.0.1:9000/menu", Geometry = ViewportGeometry.Identity(1280, 720), Elements = closed };
        var executor = new FakeExecutor();
        executor.Outcome = action =>
        {
            if (action.PrimaryTarget?.ElementId == 2)
            {
                page = page with { Elements = opened };
            }

            return ActionOutcome.Success("done [checked: the page changed]");
        };
        var loop = new AgentLoop(new AgentParts
        {
            Perceiver = new FakePerceiver(_ => page), Decider = new StepInterpreter(), Policy = new PolicyEngine(PolicyDocument.Default),
            Approver = new FakeApprover(_ => ApprovalDecision.Approve("t")), Executor = executor, Recorder = new JsonRunRecorder(_root),
        });

        var result = await loop.RunAsync(new RunRequest("Open Delphi, then select Saarland") { RunId = "submenu" });

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual(11, executor.Executed[^1].PrimaryTarget?.ElementId, "the Saarland the submenu brought up");
    }

    // Hidden parts of the page are in the DOM from the start (zero-size boxes); showing them is what "brings them up".
    private static UiElement Shown(int id, string role, string name, double y, bool shown, double x = 20, bool? expanded = null) =>
        new() { Id = id, Role = role, Name = name, Bounds = shown ? new ScreenRect(x, y, 160, 24) : new ScreenRect(0, 0, 0, 0), Expanded = expanded };

    private async Task<(RunResult Result, FakeExecutor Executor)> RunOnAsync(string task, Func<BrowserAction, IReadOnlyList<UiElement>?> act, IReadOnlyList<UiElement> start)
    {
        var page = new Observation { Url = "http://127.0.0.1:9000/widget", Geometry = ViewportGeometry.Identity(1280, 720), Elements = start };
        var executor = new FakeExecutor();
        executor.Outcome = action =>
        {
            if (act(action) is { } next)
            {
                page = page with { Elements = next };
            }

            return ActionOutcome.Success("done [checked: the page changed]");
        };
        var loop = new AgentLoop(new AgentParts
        {
            Perceiver = new FakePerceiver(_ => page), Decider = new StepInterpreter(), Policy = new PolicyEngine(PolicyDocument.Default),
            Approver = new FakeApprover(_ => ApprovalDecision.Approve("t")), Executor = executor, Recorder = new JsonRunRecorder(_root),
        });
        return (await loop.RunAsync(new RunRequest(task) { RunId = "within-" + Guid.NewGuid().ToString("N")[..6] }), executor);
    }

    [TestMethod]
    public async Task RunAsync_ItsThirdSectionAfterSwitchingTab_CountsOnlyTheSectionsTheTabShowed()
    {
        // Tab one's accordion is shown at first; tab two's is not listed until its tab is clicked (most of the page swaps).
        List<UiElement> Panels(bool second, bool thirdOpen = false) => second
            ? [Shown(1, "tab", "First", 10, true, expanded: false), Shown(2, "tab", "Second", 10, true, x: 200, expanded: true),
               Shown(21, "tab", "Accordion Header 1", 60, true, expanded: true), Shown(24, "text", "Accordion Content 1", 80, true),
               Shown(22, "tab", "Accordion Header 2", 110, true, expanded: false), Shown(23, "tab", "Accordion Header 3", 140, true, expanded: thirdOpen)]
            : [Shown(1, "tab", "First", 10, true, expanded: true), Shown(2, "tab", "Second", 10, true, x: 200, expanded: false),
               Shown(11, "tab", "Accordion Header 1", 60, true, expanded: true), Shown(14, "text", "Accordion Content 1", 80, true),
               Shown(12, "tab", "Accordion Header 2", 110, true, expanded: false), Shown(13, "tab", "Accordion Header 3", 140, true, expanded: false)];
        var (result, executor) = await RunOnAsync("Go to the Second tab, then expand its third accordion section.",
            a => a.PrimaryTarget?.ElementId switch { 2 => Panels(true), 23 => Panels(true, thirdOpen: true), _ => null }, Panels(false));

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual(23, executor.Executed[^1].PrimaryTarget?.ElementId, "the third section of the tab just shown");
    }

    [TestMethod]
    public async Task RunAsync_SecondItemOfThatNameInsideWhatWasOpened_CountsOnlyTheOpenedSubmenu()
    {
        // Another menu shows a Delphi too; Salzburg's submenu holds two, hidden until it opens.
        List<UiElement> Menu(bool open) =>
        [
            Shown(1, "menuitem", "Delphi", 20, true), Shown(2, "menuitem", "Salzburg", 44, true),
            Shown(10, "menuitem", "Delphi", 44, open, x: 200), Shown(11, "menuitem", "Delphi", 68, open, x: 200),
        ];
        var (result, executor) = await RunOnAsync("Open Salzburg, then the second Delphi inside it.",
            a => a.PrimaryTarget?.ElementId == 2 ? Menu(true) : null, Menu(false));

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual(11, executor.Executed[^1].PrimaryTarget?.ElementId, "the second Delphi of the submenu Salzburg opened");
    }

    private static List<UiElement> Speeds(string first, string second) =>
    [
        Shown(1, "combobox", "First speed", 20, true) with { Tag = "select", Value = first, Options = ["Slower", "Fast"] },
        Shown(2, "combobox", "Second speed", 60, true) with { Tag = "select", Value = second, Options = ["Slower", "Fast"] },
    ];

    [TestMethod]
    public async Task RunAsync_ASettingTheTaskSaysToLeave_IsCheckedAgainstTheStartNotBelieved()
    {
        var (result, _) = await RunOnAsync("Choose Fast in Second speed. First speed must stay at Slower.",
            a => a.PrimaryTarget?.ElementId == 2 ? Speeds("Slower", "Fast") : null, Speeds("Slower", "Slower"));

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        StringAssert.Contains(result.Message, "'First speed' is as it was when the task started");
    }

    [TestMethod]
    public async Task RunAsync_ASettingTheTaskSaysToLeaveChangedAlong_FailsNamingTheChange()
    {
        // The page resets the other drop-down when one changes: the task's "must not change" is broken, not done.
        var (result, _) = await RunOnAsync("Choose Fast in Second speed. Do not change First speed.",
            a => a.PrimaryTarget?.ElementId == 2 ? Speeds("Fast", "Fast") : null, Speeds("Slower", "Slower"));

        Assert.AreEqual(RunStatus.Failed, result.Status, result.Message);
        StringAssert.Contains(result.Message, "now reads \"Fast\" (it read \"Slower\")");
    }
}
