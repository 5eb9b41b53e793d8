using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Policy;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;
using ActionAgent.TestKit.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionAgent.Core.Tests.Runtime;

[TestClass]
public sealed class AgentLoopTests
{
    private string _root = "";

    [TestInitialize]
    public void Init() => _root = Directory.CreateTempSubdirectory("aa-loop-").FullName;

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    private (AgentLoop Loop, FakeExecutor Executor, FakeApprover Approver, FakePerceiver Perceiver) Build(
        IDecider decider, Func<ApprovalRequest, ApprovalDecision>? approve = null, AgentOptions? options = null)
    {
        var executor = new FakeExecutor();
        var approver = new FakeApprover(approve ?? (_ => ApprovalDecision.Approve("tester")));
        var perceiver = new FakePerceiver(_ => Pages.RefundForm());
        var loop = new AgentLoop(new AgentParts
        {
            Perceiver = perceiver, Decider = decider, Policy = new PolicyEngine(PolicyDocument.Default), Approver = approver, Executor = executor,
            Recorder = new JsonRunRecorder(_root), Options = options ?? new AgentOptions(),
        });
        return (loop, executor, approver, perceiver);
    }

    [TestMethod]
    public async Task RunAsync_ScriptToDone_CompletesAndRecordsEveryStep()
    {
        var decider = new ScriptedDecider(
            new TypeTextAction(ActionTarget.Element(2), "42.00"),
            new SelectOptionAction(ActionTarget.Element(3), "Damaged item"),
            new DoneAction("refund form filled"));
        var (loop, executor, _, _) = Build(decider);

        var result = await loop.RunAsync(new RunRequest("fill the form") { RunId = "run-1" });

        Assert.AreEqual(RunStatus.Completed, result.Status);
        Assert.AreEqual("refund form filled", result.Message);
        Assert.AreEqual(2, executor.Executed.Count);
        var recording = RunRecording.Load(Path.Combine(_root, "run-1"));
        Assert.AreEqual(RunStatus.Completed, recording.Manifest.Status);
        Assert.AreEqual(3, recording.Steps.Count);
        Assert.IsInstanceOfType<SelectOptionAction>(recording.Steps[1].Proposal.Action);
        Assert.AreEqual("Reason", recording.Steps[1].Target?.Name);
        Assert.IsTrue(File.Exists(Path.Combine(_root, "run-1", "step-0001.png")));
    }

    [TestMethod]
    public async Task RunAsync_SubmitRejected_IsNotExecutedAndReasonGoesBackToDecider()
    {
        var decider = new ScriptedDecider(new ClickAction(ActionTarget.Element(5)), new DoneAction("stopped"));
        var (loop, executor, approver, _) = Build(decider, _ => ApprovalDecision.Reject("reviewer", "wrong amount"));

        var result = await loop.RunAsync(new RunRequest("submit") { RunId = "run-2" });

        Assert.AreEqual(0, executor.Executed.Count, "a rejected submit must not run");
        Assert.AreEqual(1, approver.Requests.Count);
        StringAssert.StartsWith(approver.Requests[0].IdempotencyKey, "run-2:1:", "the key is run:step:fingerprint");
        var fedBack = decider.Contexts[1].Last!;
        Assert.IsFalse(fedBack.Succeeded);
        StringAssert.Contains(fedBack.Outcome, "wrong amount");
        Assert.AreEqual(FailureKind.NotApproved, fedBack.Failure);

        // The decider said done after the rejection: a refusal is never reported as success.
        Assert.AreEqual(RunStatus.Failed, result.Status, result.Message);
        Assert.AreEqual(FailureKind.NotApproved, result.Failure);
        StringAssert.Contains(result.Message, "wrong amount");
    }

    // Every click "ran" but its effect was never seen: what a verifier says of a submit on a page that shows nothing new.
    private sealed class ClicksNeverSeen : IOutcomeVerifier
    {
        public Task<ActionOutcome> VerifyAsync(ProposedAction proposal, ActionAgent.Core.Perception.Observation before, ActionOutcome outcome, CancellationToken cancellationToken = default) =>
            Task.FromResult(proposal.Action is ClickAction ? ActionOutcome.Failed("clicked, but nothing on the page changed", FailureKind.NotVerified) : outcome);
    }

    [TestMethod]
    public async Task RunAsync_AnIrreversibleClickWhoseEffectWasNotSeen_IsNeverRunAgain_AndTheRunIsNotCompleted()
    {
        var decider = new ScriptedDecider(new ClickAction(ActionTarget.Element(5)), new ClickAction(ActionTarget.Element(5)), new DoneAction("submitted"));
        var executor = new FakeExecutor();
        var approver = new FakeApprover(_ => ApprovalDecision.Approve("ana"));
        var loop = new AgentLoop(new AgentParts
        {
            Perceiver = new FakePerceiver(_ => Pages.RefundForm()), Decider = decider, Policy = new PolicyEngine(PolicyDocument.Default), Approver = approver,
            Executor = executor, Verifier = new ClicksNeverSeen(), Recorder = new JsonRunRecorder(_root),
        });

        var result = await loop.RunAsync(new RunRequest("submit the refund") { RunId = "run-unseen" });

        Assert.AreEqual(1, executor.Executed.Count, "the submit ran once; its unseen effect may be real, so it is not pressed again");
        Assert.AreEqual(1, approver.Requests.Count);
        StringAssert.Contains(decider.Contexts[2].Last!.Outcome, "not run again");
        Assert.AreEqual(RunStatus.Failed, result.Status, result.Message);
        StringAssert.Contains(result.Message, "effect was not seen");
    }

    [TestMethod]
    public async Task RunAsync_SameActionProposedAfterRejection_ReviewerIsNotAskedAgain()
    {
        var decider = new ScriptedDecider(new ClickAction(ActionTarget.Element(5)), new ClickAction(ActionTarget.Element(5)), new FailAction("gave up"));
        var (loop, executor, approver, _) = Build(decider, _ => ApprovalDecision.Reject("ana", "no"));

        var result = await loop.RunAsync(new RunRequest("submit") { RunId = "run-twice" });

        Assert.AreEqual(1, approver.Requests.Count, "the reviewer said no once; the same action is refused without asking again");
        Assert.AreEqual(0, executor.Executed.Count);
        var second = decider.Contexts[2].Last!;
        Assert.AreEqual(FailureKind.NotApproved, second.Failure);
        StringAssert.Contains(second.Outcome, "refused at step 1");
        Assert.AreEqual(RunStatus.Failed, result.Status);
    }

    [TestMethod]
    public async Task RunAsync_DoneRightAfterAFailedAction_FailsAsNotVerified()
    {
        var decider = new ScriptedDecider(new TypeTextAction(ActionTarget.Element(2), "42.00"), new DoneAction("all done"));
        var (loop, executor, _, _) = Build(decider);
        executor.Outcome = _ => ActionOutcome.Failed("Amount reads \"\" after typing", FailureKind.NotVerified);

        var result = await loop.RunAsync(new RunRequest("type") { RunId = "run-unverified" });

        Assert.AreEqual(RunStatus.Failed, result.Status, "a claim of done after an action that did not work is not success");
        Assert.AreEqual(FailureKind.NotVerified, result.Failure);
        StringAssert.Contains(result.Message, "Amount reads");
    }

    [TestMethod]
    public async Task RunAsync_FailActionKind_IsTheRunsFailureKind()
    {
        var decider = new ScriptedDecider(new FailAction("budget exceeded: 2 of 2 calls") { Failure = FailureKind.BudgetExceeded });
        var (loop, _, _, _) = Build(decider);

        var result = await loop.RunAsync(new RunRequest("t") { RunId = "run-budget" });

        Assert.AreEqual(FailureKind.BudgetExceeded, result.Failure);
        Assert.AreEqual(FailureKind.BudgetExceeded, RunRecording.Load(Path.Combine(_root, "run-budget")).Manifest.Failure, "run.json carries the kind too");
    }

    [TestMethod]
    public async Task RunAsync_MaxStepsWithAStartPagePrelude_ReportsTheNumberTheUserGave()
    {
        var decider = new ScriptedDecider(Enumerable.Range(0, 10).Select(_ => (BrowserAction)new ScrollAction(0, 10)).ToArray());
        var (loop, _, _, _) = Build(decider, options: new AgentOptions { MaxSteps = 3, PreludeSteps = 1 });

        var result = await loop.RunAsync(new RunRequest("scroll") { RunId = "run-max" });

        Assert.AreEqual(RunStatus.Failed, result.Status);
        Assert.AreEqual(FailureKind.LimitReached, result.Failure);
        StringAssert.Contains(result.Message, "after 3 steps");
        Assert.AreEqual(3, result.Steps, "the start-page step is not one of the task's steps");
    }

    [TestMethod]
    public async Task RunAsync_SubmitApproved_ExecutesExactlyOnce()
    {
        var decider = new ScriptedDecider(new ClickAction(ActionTarget.Element(5)), new DoneAction("filed"));
        var (loop, executor, approver, _) = Build(decider);

        await loop.RunAsync(new RunRequest("submit") { RunId = "run-3" });

        Assert.AreEqual(1, approver.Requests.Count);
        Assert.AreEqual(1, executor.Executed.Count);
    }

    [TestMethod]
    public async Task RunAsync_ReviewerEditsTypedValue_EditedValueIsTyped()
    {
        var policy = new ApproveEverythingPolicy();
        var decider = new ScriptedDecider(new TypeTextAction(ActionTarget.Element(2), "4200"), new DoneAction("ok"));
        var executor = new FakeExecutor();
        var loop = new AgentLoop(new AgentParts
        {
            Perceiver = new FakePerceiver(_ => Pages.RefundForm()), Decider = decider, Policy = policy,
            Approver = new FakeApprover(_ => ApprovalDecision.Approve("r") with { EditedValue = "42.00" }), Executor = executor,
            Recorder = new JsonRunRecorder(_root),
        });

        await loop.RunAsync(new RunRequest("t") { RunId = "run-edit" });

        Assert.AreEqual("42.00", ((TypeTextAction)executor.Executed.Single()).Text);
    }

    [TestMethod]
    public async Task RunAsync_MaxStepsExceeded_FailsWithClearMessage()
    {
        var decider = new ScriptedDecider(Enumerable.Repeat<BrowserAction>(new ScrollAction(0, 100), 10).ToArray());
        var (loop, _, _, _) = Build(decider, options: new AgentOptions { MaxSteps = 3 });

        var result = await loop.RunAsync(new RunRequest("scroll forever") { RunId = "run-4" });

        Assert.AreEqual(RunStatus.Failed, result.Status);
        StringAssert.Contains(result.Message, "max steps exceeded");
        Assert.AreEqual(3, RunRecording.Load(Path.Combine(_root, "run-4")).Steps.Count);
    }

    [TestMethod]
    public async Task RunAsync_FailedActions_AreFedBackThenStopAfterLimit()
    {
        var decider = new ScriptedDecider(Enumerable.Repeat<BrowserAction>(new ClickAction(ActionTarget.Element(7)), 5).ToArray());
        var (loop, executor, _, _) = Build(decider, options: new AgentOptions { MaxConsecutiveFailures = 2 });
        executor.Outcome = _ => ActionOutcome.Failed("target gone");

        var result = await loop.RunAsync(new RunRequest("t") { RunId = "run-5" });

        Assert.AreEqual(RunStatus.Failed, result.Status);
        Assert.AreEqual("target gone", decider.Contexts[1].Last!.Outcome);
        StringAssert.Contains(result.Message, "2 failed actions in a row");
    }

    [TestMethod]
    public async Task RunAsync_Cancelled_EndsCancelledWithRecordingClosed()
    {
        using var cts = new CancellationTokenSource();
        var decider = new ScriptedDecider(new ScrollAction(0, 100), new ScrollAction(0, 100), new DoneAction("x"));
        var (loop, executor, _, _) = Build(decider);
        executor.Outcome = _ =>
        {
            cts.Cancel();
            return ActionOutcome.Success();
        };

        var result = await loop.RunAsync(new RunRequest("t") { RunId = "run-6" }, cts.Token);

        Assert.AreEqual(RunStatus.Cancelled, result.Status);
        var recording = RunRecording.Load(Path.Combine(_root, "run-6"));
        Assert.AreEqual(RunStatus.Cancelled, recording.Manifest.Status);
        Assert.IsFalse(recording.Manifest.Incomplete);
    }

    [TestMethod]
    public async Task RunAsync_CancelledWhileAStepWaitsForApproval_RunJsonCountsOnlyTheRecordedSteps()
    {
        // Cancelled while step 2 waits for a reviewer: that step is never written, so run.json must not count it.
        using var cts = new CancellationTokenSource();
        var decider = new ScriptedDecider(new ScrollAction(0, 100), new ClickAction(ActionTarget.Element(5)), new DoneAction("x"));
        var (loop, executor, approver, _) = Build(decider, _ =>
        {
            cts.Cancel();
            cts.Token.ThrowIfCancellationRequested();
            return ApprovalDecision.Approve("never");
        });

        var result = await loop.RunAsync(new RunRequest("t") { RunId = "run-6b" }, cts.Token);

        Assert.AreEqual(RunStatus.Cancelled, result.Status);
        var recording = RunRecording.Load(Path.Combine(_root, "run-6b"));
        Assert.AreEqual(1, approver.Requests.Count, "step 2 was held");
        Assert.AreEqual(1, executor.Executed.Count, "the held click never ran");
        Assert.AreEqual(1, recording.Steps.Count, "the held step was never carried out nor written");
        Assert.AreEqual(recording.Steps.Count, recording.Manifest.Steps, "run.json counts the steps the recording holds");
    }

    [TestMethod]
    public async Task RunAsync_CancelledWhileAnActionRuns_ThatBegunStepIsRecordedAndCounted()
    {
        using var cts = new CancellationTokenSource();
        var decider = new ScriptedDecider(new ScrollAction(0, 100), new ScrollAction(0, 100), new DoneAction("x"));
        var (loop, executor, _, _) = Build(decider);
        var calls = 0;
        executor.Outcome = _ =>
        {
            if (++calls == 2)
            {
                cts.Cancel();
                cts.Token.ThrowIfCancellationRequested();
            }

            return ActionOutcome.Success();
        };

        await loop.RunAsync(new RunRequest("t") { RunId = "run-6c" }, cts.Token);

        var recording = RunRecording.Load(Path.Combine(_root, "run-6c"));
        Assert.AreEqual(2, recording.Steps.Count, "the step whose action was under way is on disk, marked executing");
        Assert.AreEqual(2, recording.Manifest.Steps);
    }

    [TestMethod]
    public async Task RunAsync_PageCrashes_FailsWithMessageAndCompleteRecording()
    {
        var decider = new ScriptedDecider(new ScrollAction(0, 100), new DoneAction("x"));
        var (loop, executor, _, perceiver) = Build(decider);
        executor.Outcome = _ =>
        {
            perceiver.CrashWith = new InvalidDataException("the page crashed");
            return ActionOutcome.Success();
        };

        var result = await loop.RunAsync(new RunRequest("t") { RunId = "run-7" });

        Assert.AreEqual(RunStatus.Failed, result.Status);
        StringAssert.Contains(result.Message, "the page crashed");
        Assert.AreEqual(RunStatus.Failed, RunRecording.Load(Path.Combine(_root, "run-7")).Manifest.Status);
    }

    [TestMethod]
    public async Task RunAsync_DeciderTooSlow_StepTimesOutAsFailure()
    {
        var decider = new ScriptedDecider(new DoneAction("late")) { Delay = TimeSpan.FromSeconds(5) };
        var (loop, _, _, _) = Build(decider, options: new AgentOptions { StepTimeout = TimeSpan.FromMilliseconds(200) });

        var result = await loop.RunAsync(new RunRequest("t") { RunId = "run-8" });

        Assert.AreEqual(RunStatus.Failed, result.Status);
        StringAssert.Contains(result.Message, "step timeout");
    }

    [TestMethod]
    public async Task RunAsync_UnknownElementId_IsFedBackNotExecuted()
    {
        var decider = new ScriptedDecider(new ClickAction(ActionTarget.Element(999)), new DoneAction("ok"));
        var (loop, executor, _, _) = Build(decider);

        await loop.RunAsync(new RunRequest("t") { RunId = "run-9" });

        Assert.AreEqual(0, executor.Executed.Count);
        StringAssert.Contains(decider.Contexts[1].Last!.Outcome, "#999 does not exist");
    }

    [TestMethod]
    public async Task RunAsync_MarksWhenDrawn_RecordsOnlyTheStepsWhoseMarksSomethingRead()
    {
        // Step 1: a decider that reads the set-of-marks image (as a model decider does); step 2: one that does not.
        var draws = 0;
        var decider = new MarksReadingDecider(readOnSteps: [1], new ScrollAction(0, 100), new DoneAction("ok"));
        var loop = LoopWithMarks(decider, MarksRecording.WhenDrawn, () => Interlocked.Increment(ref draws));

        await loop.RunAsync(new RunRequest("t") { RunId = "run-marks" });

        var steps = RunRecording.Load(Path.Combine(_root, "run-marks")).Steps;
        Assert.AreEqual("step-0001.marks.png", steps[0].Observation.MarkedScreenshotFile);
        CollectionAssert.AreEqual(MarksPng, File.ReadAllBytes(Path.Combine(_root, "run-marks", "step-0001.marks.png")));
        Assert.IsNull(steps[1].Observation.MarkedScreenshotFile);
        Assert.IsFalse(File.Exists(Path.Combine(_root, "run-marks", "step-0002.marks.png")));
        Assert.AreEqual(1, draws, "the marks of a step nobody looked at must not be drawn");
    }

    [TestMethod]
    public async Task RunAsync_MarksAlways_DrawsAndRecordsEveryStep()
    {
        var draws = 0;
        var decider = new MarksReadingDecider(readOnSteps: [], new ScrollAction(0, 100), new DoneAction("ok"));
        var loop = LoopWithMarks(decider, MarksRecording.Always, () => Interlocked.Increment(ref draws));

        await loop.RunAsync(new RunRequest("t") { RunId = "run-marks-all" });

        var steps = RunRecording.Load(Path.Combine(_root, "run-marks-all")).Steps;
        CollectionAssert.AreEqual(new[] { "step-0001.marks.png", "step-0002.marks.png" }, steps.Select(s => s.Observation.MarkedScreenshotFile).ToArray());
        Assert.IsTrue(steps.All(s => File.Exists(Path.Combine(_root, "run-marks-all", s.Observation.MarkedScreenshotFile!))));
        Assert.AreEqual(2, draws);
    }

    [TestMethod]
    public async Task RunAsync_MarksNever_RecordsNoneEvenWhenDrawn()
    {
        var decider = new MarksReadingDecider(readOnSteps: [1, 2], new ScrollAction(0, 100), new DoneAction("ok"));
        var loop = LoopWithMarks(decider, MarksRecording.Never, () => 0);

        await loop.RunAsync(new RunRequest("t") { RunId = "run-marks-never" });

        var dir = Path.Combine(_root, "run-marks-never");
        Assert.IsTrue(RunRecording.Load(dir).Steps.All(s => s.Observation.MarkedScreenshotFile is null));
        Assert.AreEqual(0, Directory.GetFiles(dir, "*.marks.png").Length);
    }

    [TestMethod]
    public async Task RunAsync_MarksCannotBeDrawn_TheRunGoesOnWithoutThem()
    {
        var perceiver = new FakePerceiver(_ => Pages.RefundForm() with
        {
            MarkedScreenshotRenderer = new Lazy<ReadOnlyMemory<byte>>(() => throw new InvalidDataException("the screenshot is not a PNG")),
        });
        var loop = new AgentLoop(new AgentParts
        {
            Perceiver = perceiver, Decider = new ScriptedDecider(new ScrollAction(0, 100), new DoneAction("ok")), Policy = new PolicyEngine(PolicyDocument.Default),
            Approver = new FakeApprover(_ => ApprovalDecision.Approve("t")), Executor = new FakeExecutor(), Recorder = new JsonRunRecorder(_root),
            Options = new AgentOptions { RecordMarks = MarksRecording.Always },
        });

        var result = await loop.RunAsync(new RunRequest("t") { RunId = "run-marks-broken" });

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.IsTrue(RunRecording.Load(Path.Combine(_root, "run-marks-broken")).Steps.All(s => s.Observation.MarkedScreenshotFile is null));
    }

    private static readonly byte[] MarksPng = [0x89, 0x50, 0x4E, 0x47, 0x6D, 0x61, 0x72, 0x6B];

    private AgentLoop LoopWithMarks(IDecider decider, MarksRecording marks, Func<int> onDraw)
    {
        var perceiver = new FakePerceiver(_ => Pages.RefundForm() with
        {
            MarkedScreenshotRenderer = new Lazy<ReadOnlyMemory<byte>>(() =>
            {
                onDraw();
                return MarksPng;
            }),
        });
        return new AgentLoop(new AgentParts
        {
            Perceiver = perceiver, Decider = decider, Policy = new PolicyEngine(PolicyDocument.Default), Approver = new FakeApprover(_ => ApprovalDecision.Approve("t")),
            Executor = new FakeExecutor(), Recorder = new JsonRunRecorder(_root), Options = new AgentOptions { RecordMarks = marks },
        });
    }

    /// <summary>A scripted decider that reads the set-of-marks image on the given steps, as a model decider would.</summary>
    private sealed class MarksReadingDecider(int[] readOnSteps, params BrowserAction[] actions) : IDecider
    {
        private readonly ScriptedDecider _script = new(actions);

        public string Name => "marks-reader";

        public Task<ProposedAction> DecideAsync(DecisionContext context, CancellationToken cancellationToken = default)
        {
            if (readOnSteps.Contains(context.Step))
            {
                _ = context.Observation.MarkedScreenshot.Length;
            }

            return _script.DecideAsync(context, cancellationToken);
        }
    }

    private sealed class ApproveEverythingPolicy : IActionPolicy
    {
        public Verdict Evaluate(ProposedAction proposal, Core.Perception.Observation observation) =>
            new(VerdictKind.RequireApproval, RiskClass.Input, "test", "test");
    }
}
