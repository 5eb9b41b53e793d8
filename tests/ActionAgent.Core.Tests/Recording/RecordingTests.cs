using System.Text.Json;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;
using ActionAgent.TestKit;

namespace ActionAgent.Core.Tests.Recording;

[TestClass]
public sealed class RecordingTests
{
    private string _root = "";

    [TestInitialize]
    public void Init() => _root = Directory.CreateTempSubdirectory("aa-rec-").FullName;

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    private static StepRecord Step(int n, BrowserAction action) => new()
    {
        RunId = "r",
        Step = n,
        Observation = new ObservationSummary("http://x/", "X", 3, null),
        Proposal = new ProposedAction(action, "because"),
        Outcome = ActionOutcome.Success(),
        Durations = new StepDurations(1, 2, 0, 3, 4),
    };

    [TestMethod]
    public async Task KilledRun_LeavesReadableRecordingMarkedIncomplete()
    {
        var recorder = new JsonRunRecorder(_root);
        await recorder.BeginAsync(new RunManifest { RunId = "r", Task = "t" });
        await recorder.AppendAsync(Step(1, new ClickAction(ActionTarget.Element(3))), default);
        // No CompleteAsync: the process was killed here.

        var recording = RunRecording.Load(Path.Combine(_root, "r"));
        Assert.IsTrue(recording.Manifest.Incomplete);
        Assert.AreEqual(1, recording.Steps.Count);
    }

    [TestMethod]
    public async Task EveryActionKind_RoundTripsThroughStepsJsonl()
    {
        BrowserAction[] actions =
        [
            new ClickAction(ActionTarget.At(10, 20, Core.Perception.CoordinateSpace.Normalized1000), MouseButtonKind.Right),
            new HoverAction(ActionTarget.Element(1)), new TypeTextAction(null, "x", PressEnter: true), new PressKeyAction("Control+A"),
            new ScrollAction(0, 600), new DragAction(ActionTarget.Element(1), ActionTarget.Element(2)),
            new SelectOptionAction(ActionTarget.Element(3), "Other"), new UploadFileAction(ActionTarget.Element(4), "uploads/a.pdf"),
            new NavigateAction("/orders"), new GoBackAction(), new WaitAction(TimeSpan.FromSeconds(2), "Done"),
            new DoneAction("ok"), new FailAction("no"), new AskHumanAction("which order?"),
        ];
        var recorder = new JsonRunRecorder(_root);
        await recorder.BeginAsync(new RunManifest { RunId = "r", Task = "t" });
        for (var i = 0; i < actions.Length; i++)
        {
            await recorder.AppendAsync(Step(i + 1, actions[i]), default);
        }

        await recorder.CompleteAsync(new RunManifest { RunId = "r", Task = "t", Status = RunStatus.Completed });
        var steps = RunRecording.Load(Path.Combine(_root, "r")).Steps;
        CollectionAssert.AreEqual(actions, steps.Select(s => s.Proposal.Action).ToArray());
    }

    [TestMethod]
    public void StepRecord_SchemaMatchesGoldenFile()
    {
        var step = Step(1, new ClickAction(ActionTarget.Element(5, "Submit refund"))) with { StartedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero) };
        var json = JsonSerializer.Serialize(step, RecordingJsonContext.Default.StepRecord);
        var golden = Golden.Read("step-record.golden.json", json);
        Assert.AreEqual(golden, json, "The recording schema changed: bump RecordingSchema.Version if readers break, then update the golden file.");
    }

    [TestMethod]
    public async Task Load_NewerSchemaVersion_SaysWhatToDo()
    {
        var dir = Directory.CreateDirectory(Path.Combine(_root, "future")).FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "run.json"), """{"schemaVersion": 99, "runId": "future", "task": "t"}""");
        var e = Assert.ThrowsExactly<InvalidDataException>(() => RunRecording.Load(dir));
        StringAssert.Contains(e.Message, "schemaVersion 99");
        StringAssert.Contains(e.Message, "Re-record");
    }

    [TestMethod]
    public void Load_NotARecording_SaysSo()
    {
        var e = Assert.ThrowsExactly<InvalidDataException>(() => RunRecording.Load(_root));
        StringAssert.Contains(e.Message, "is not a recording");
    }

    [TestMethod]
    public async Task Begin_ExistingRunId_Refuses()
    {
        await new JsonRunRecorder(_root).BeginAsync(new RunManifest { RunId = "dup", Task = "t" });
        await Assert.ThrowsExactlyAsync<IOException>(() => new JsonRunRecorder(_root).BeginAsync(new RunManifest { RunId = "dup", Task = "t2" }));
    }
}
