using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Policy;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;
using ActionAgent.TestKit.Fakes;

namespace ActionAgent.Core.Tests.Runtime;

/// <summary>
/// A disk that fills up during a run: every action that ran is on disk before it ran, an action whose record cannot be
/// written does not run, the run is never reported as a success, and no half-written run.json.tmp is left behind.
/// </summary>
[TestClass]
public sealed class AgentLoopRecordingFailureTests
{
    private string _root = "";

    [TestInitialize]
    public void Init() => _root = Directory.CreateTempSubdirectory("aa-loop-disk-").FullName;

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    private static ScriptedDecider TwoClicksThenDone() =>
        new(new ClickAction(ActionTarget.Element(2)), new ClickAction(ActionTarget.Element(2)), new DoneAction("done"));

    private (AgentLoop Loop, FakeExecutor Executor) Build(IRunRecorder recorder, IDecider decider, FakeExecutor? executor = null)
    {
        executor ??= new FakeExecutor();
        var loop = new AgentLoop(new AgentParts
        {
            Perceiver = new FakePerceiver(_ => Pages.RefundForm()), Decider = decider, Policy = new PolicyEngine(PolicyDocument.Default),
            Approver = new FakeApprover(_ => ApprovalDecision.Approve("tester")), Executor = executor, Recorder = recorder,
        });
        return (loop, executor);
    }

    [TestMethod]
    public async Task RunAsync_EveryExecutedAction_IsRecordedBeforeItRuns()
    {
        var recorder = new MemoryRunRecorder();
        var begunWhenExecuted = new List<int>();
        var executor = new FakeExecutor();
        executor.Outcome = _ =>
        {
            begunWhenExecuted.Add(recorder.Begun.Count);
            return ActionOutcome.Success();
        };
        var (loop, _) = Build(recorder, TwoClicksThenDone(), executor);

        var result = await loop.RunAsync(new RunRequest("t") { RunId = "r" });

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        CollectionAssert.AreEqual(new[] { 1, 2 }, begunWhenExecuted, "step N's record was written before its action ran");
        Assert.IsTrue(recorder.Begun.All(s => s.Executing));
        Assert.IsTrue(recorder.Steps.All(s => !s.Executing));
    }

    [TestMethod]
    public async Task RunAsync_DiskFullBeforeAnAction_TheActionDoesNotRunAndTheRunFailsAsRecordingFailed()
    {
        var recorder = new FailingRecorder(new JsonRunRecorder(_root)) { FailBeginStep = 2 };
        var (loop, executor) = Build(recorder, TwoClicksThenDone());

        var result = await loop.RunAsync(new RunRequest("t") { RunId = "r" });

        Assert.AreEqual(1, executor.Executed.Count, "the second click had no record, so it did not run");
        Assert.AreEqual((RunStatus.Failed, FailureKind.RecordingFailed), (result.Status, result.Failure), result.Message);
        StringAssert.Contains(result.Message, "No space left on device");
        StringAssert.Contains(result.Message, "--recordings");
        var recording = RunRecording.Load(Path.Combine(_root, "r"));
        Assert.AreEqual(RunStatus.Failed, recording.Manifest.Status);
        Assert.AreEqual(FailureKind.RecordingFailed, recording.Manifest.Failure);
    }

    [TestMethod]
    public async Task RunAsync_DiskFullAfterAnActionRan_TheActionIsStillRecordedAsBegunWithAnUnknownEffect()
    {
        var recorder = new FailingRecorder(new JsonRunRecorder(_root)) { FailAppend = 1 };
        var (loop, executor) = Build(recorder, TwoClicksThenDone());

        var result = await loop.RunAsync(new RunRequest("t") { RunId = "r" });

        Assert.AreEqual(1, executor.Executed.Count);
        Assert.AreEqual((RunStatus.Failed, FailureKind.RecordingFailed), (result.Status, result.Failure), result.Message);
        var step = RunRecording.Load(Path.Combine(_root, "r")).Steps.Single();
        Assert.IsTrue(step.Executing);
        Assert.IsInstanceOfType<ClickAction>(step.Proposal.Action);
        StringAssert.Contains(step.Outcome.Message, "whether it took effect is unknown");
        Assert.IsTrue(File.Exists(Path.Combine(_root, "r", "step-0001.png")), "the step's screenshot went with it");
    }

    [TestMethod]
    public async Task RunAsync_DiskFullWhenTheRunEnds_NotACompletionAndNoTmpFileLeft()
    {
        var recorder = new FailingRecorder(new JsonRunRecorder(_root)) { FailComplete = true };
        var (loop, _) = Build(recorder, TwoClicksThenDone());

        var result = await loop.RunAsync(new RunRequest("t") { RunId = "r" });

        Assert.AreEqual((RunStatus.Failed, FailureKind.RecordingFailed), (result.Status, result.Failure), result.Message);
        Assert.AreEqual(0, Directory.GetFiles(Path.Combine(_root, "r"), "*.tmp").Length);
    }

    [TestMethod]
    public async Task RunAsync_DiskFullAtTheStart_NothingRuns()
    {
        var recorder = new FailingRecorder(new JsonRunRecorder(_root)) { FailBegin = true };
        var (loop, executor) = Build(recorder, TwoClicksThenDone());

        var result = await loop.RunAsync(new RunRequest("t") { RunId = "r" });

        Assert.AreEqual(0, executor.Executed.Count);
        Assert.AreEqual((RunStatus.Failed, FailureKind.RecordingFailed), (result.Status, result.Failure), result.Message);
    }

    [TestMethod]
    public async Task JsonRunRecorder_RunFileCannotBeWritten_LeavesNoTmpFileAndKeepsTheLastRunFile()
    {
        if (!File.Exists("/dev/full"))
        {
            Assert.Inconclusive("needs /dev/full (Linux) to fill a write");
        }

        var recorder = new JsonRunRecorder(_root);
        await recorder.BeginAsync(new RunManifest { RunId = "full", Task = "t" });
        var tmp = Path.Combine(_root, "full", RecordingSchema.RunFile + ".tmp");
        File.CreateSymbolicLink(tmp, "/dev/full");

        var error = await Assert.ThrowsExactlyAsync<IOException>(() => recorder.CompleteAsync(new RunManifest { RunId = "full", Task = "t", Status = RunStatus.Completed }));

        StringAssert.Contains(error.Message, "No space left on device");
        Assert.IsFalse(File.Exists(tmp) || new FileInfo(tmp).LinkTarget is not null, "run.json.tmp is gone");
        Assert.AreEqual(RunStatus.Running, RunRecording.Load(Path.Combine(_root, "full")).Manifest.Status, "run.json keeps its last complete state");
    }

    /// <summary>Wraps a recorder and fails chosen writes the way a full disk does.</summary>
    private sealed class FailingRecorder(IRunRecorder inner) : IRunRecorder
    {
        private int _begun;
        private int _appended;

        public bool FailBegin { get; init; }

        public int FailBeginStep { get; init; }

        public int FailAppend { get; init; }

        public bool FailComplete { get; init; }

        private static IOException Full() => new("No space left on device : 'steps.jsonl'");

        public Task BeginAsync(RunManifest manifest, CancellationToken cancellationToken = default) =>
            FailBegin ? throw Full() : inner.BeginAsync(manifest, cancellationToken);

        public Task BeginStepAsync(StepRecord step, StepImages images, CancellationToken cancellationToken = default) =>
            ++_begun == FailBeginStep ? throw Full() : inner.BeginStepAsync(step, images, cancellationToken);

        public Task AppendAsync(StepRecord step, StepImages images, CancellationToken cancellationToken = default) =>
            ++_appended == FailAppend ? throw Full() : inner.AppendAsync(step, images, cancellationToken);

        public Task CompleteAsync(RunManifest manifest, CancellationToken cancellationToken = default) =>
            FailComplete ? throw Full() : inner.CompleteAsync(manifest, cancellationToken);
    }
}
