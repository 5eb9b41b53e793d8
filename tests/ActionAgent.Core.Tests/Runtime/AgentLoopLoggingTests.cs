using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Policy;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;
using ActionAgent.TestKit.Fakes;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Core.Tests.Runtime;

[TestClass]
public sealed class AgentLoopLoggingTests
{
    private string _root = "";

    [TestInitialize]
    public void Init() => _root = Directory.CreateTempSubdirectory("aa-loop-log-").FullName;

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [TestMethod]
    public async Task RunAsync_TaskTextAndTypedValue_AreLoggedOnlyAtVerbose()
    {
        var decider = new ScriptedDecider(
            new TypeTextAction(ActionTarget.Element(2), "typed-value-7731"),
            new DoneAction("refund noted"));
        var executor = new FakeExecutor { Outcome = _ => ActionOutcome.Success("typed \"typed-value-7731\" into #2 \"Amount\"") };
        var logger = new RecordingLogger<AgentLoop>();
        var loop = new AgentLoop(new AgentParts
        {
            Perceiver = new FakePerceiver(_ => Pages.RefundForm()), Decider = decider, Policy = new PolicyEngine(PolicyDocument.Default),
            Approver = new FakeApprover(_ => ApprovalDecision.Approve("tester")), Executor = executor,
            Recorder = new JsonRunRecorder(_root), Loggers = new SingleLoggerFactory(logger),
        });

        await loop.RunAsync(new RunRequest("refund order ORD-SECRET-TASK for the customer") { RunId = "log-1" });

        var information = logger.At(LogLevel.Debug);
        Assert.IsFalse(information.Contains("ORD-SECRET-TASK", StringComparison.Ordinal), information);
        Assert.IsFalse(information.Contains("typed-value-7731", StringComparison.Ordinal), information);
        StringAssert.Contains(information, "proposed type on #2", "the action kind and target id stay visible");
        var verbose = logger.At(LogLevel.Trace);
        StringAssert.Contains(verbose, "ORD-SECRET-TASK", "the task is still there at Verbose");
        StringAssert.Contains(verbose, "typed-value-7731", "the typed value is still there at Verbose");
    }
}
