using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Stateless;
using Stateless.Graph;

namespace ActionAgent.Core.Runtime;

/// <summary>
/// The legal life of a run, as a Stateless machine. The loop does the work; this says which step may follow which.
/// Firing an illegal trigger throws <see cref="InvalidOperationException"/>: that is a bug in the loop.
/// </summary>
public sealed class RunMachine
{
    private readonly StateMachine<RunState, RunTrigger> _machine;

    /// <summary>Creates a machine in <see cref="RunState.Created"/>; transitions are logged at Debug.</summary>
    public RunMachine(ILogger? logger = null)
    {
        var log = logger ?? NullLogger.Instance;
        _machine = new StateMachine<RunState, RunTrigger>(RunState.Created);

        // A run can fail or be cancelled from any live state.
        _machine.Configure(RunState.Created)
            .Permit(RunTrigger.Start, RunState.Observing)
            .Permit(RunTrigger.Fail, RunState.Failed)
            .Permit(RunTrigger.Cancel, RunState.Cancelled);

        _machine.Configure(RunState.Observing)
            .Permit(RunTrigger.Observed, RunState.Deciding)
            .Permit(RunTrigger.Fail, RunState.Failed)
            .Permit(RunTrigger.Cancel, RunState.Cancelled);

        _machine.Configure(RunState.Deciding)
            .Permit(RunTrigger.Decided, RunState.Checking)
            .Permit(RunTrigger.Fail, RunState.Failed)
            .Permit(RunTrigger.Cancel, RunState.Cancelled);

        _machine.Configure(RunState.Checking)
            .Permit(RunTrigger.Allowed, RunState.Executing)
            .Permit(RunTrigger.ApprovalRequired, RunState.AwaitingApproval)
            .Permit(RunTrigger.Denied, RunState.Observing)
            .Permit(RunTrigger.Finish, RunState.Completed)
            .Permit(RunTrigger.Fail, RunState.Failed)
            .Permit(RunTrigger.Cancel, RunState.Cancelled);

        _machine.Configure(RunState.AwaitingApproval)
            .Permit(RunTrigger.Approved, RunState.Executing)
            .Permit(RunTrigger.Rejected, RunState.Observing)
            .Permit(RunTrigger.Fail, RunState.Failed)
            .Permit(RunTrigger.Cancel, RunState.Cancelled);

        _machine.Configure(RunState.Executing)
            .Permit(RunTrigger.Executed, RunState.Verifying)
            .Permit(RunTrigger.Fail, RunState.Failed)
            .Permit(RunTrigger.Cancel, RunState.Cancelled);

        _machine.Configure(RunState.Verifying)
            .Permit(RunTrigger.Verified, RunState.Observing)
            .Permit(RunTrigger.Fail, RunState.Failed)
            .Permit(RunTrigger.Cancel, RunState.Cancelled);

        _machine.Configure(RunState.Completed);
        _machine.Configure(RunState.Failed);
        _machine.Configure(RunState.Cancelled);

        _machine.OnTransitioned(t =>
            log.LogDebug("Run state {From} -> {To} on {Trigger}", t.Source, t.Destination, t.Trigger));
    }

    /// <summary>The current state.</summary>
    public RunState State => _machine.State;

    /// <summary>True in Completed, Failed or Cancelled.</summary>
    public bool IsFinished => State is RunState.Completed or RunState.Failed or RunState.Cancelled;

    /// <summary>Moves the machine; throws <see cref="InvalidOperationException"/> when the trigger is not legal here.</summary>
    public void Fire(RunTrigger trigger) => _machine.Fire(trigger);

    /// <summary>True when the trigger is legal in the current state.</summary>
    public bool CanFire(RunTrigger trigger) => _machine.CanFire(trigger);

    /// <summary>The machine as a Mermaid state diagram (what <c>actionagent graph</c> prints).</summary>
    public static string ToMermaid() => MermaidGraph.Format(new RunMachine()._machine.GetInfo());
}
