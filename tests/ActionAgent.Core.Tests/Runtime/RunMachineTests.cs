using ActionAgent.Core.Runtime;
using ActionAgent.TestKit;

namespace ActionAgent.Core.Tests.Runtime;

[TestClass]
public sealed class RunMachineTests
{
    [TestMethod]
    public void ToMermaid_MatchesGoldenFile()
    {
        var actual = RunMachine.ToMermaid().ReplaceLineEndings("\n").Trim();
        var golden = Golden.Read("run-machine.golden.mmd", actual);
        Assert.AreEqual(golden, actual, "The run state machine changed: review the graph and update Runtime/run-machine.golden.mmd.");
    }

    [TestMethod]
    public void Fire_IllegalTrigger_Throws()
    {
        var machine = new RunMachine();
        Assert.ThrowsExactly<InvalidOperationException>(() => machine.Fire(RunTrigger.Approved));
    }

    [TestMethod]
    public void Fire_ApprovalPath_ReachesExecutingThenObserving()
    {
        var machine = new RunMachine();
        foreach (var t in new[] { RunTrigger.Start, RunTrigger.Observed, RunTrigger.Decided, RunTrigger.ApprovalRequired, RunTrigger.Approved, RunTrigger.Executed, RunTrigger.Verified })
        {
            machine.Fire(t);
        }

        Assert.AreEqual(RunState.Observing, machine.State);
        Assert.IsFalse(machine.IsFinished);
    }

    [TestMethod]
    public void Fire_FromFinishedState_Throws()
    {
        var machine = new RunMachine();
        machine.Fire(RunTrigger.Start);
        machine.Fire(RunTrigger.Cancel);
        Assert.IsTrue(machine.IsFinished);
        Assert.ThrowsExactly<InvalidOperationException>(() => machine.Fire(RunTrigger.Start));
    }
}
