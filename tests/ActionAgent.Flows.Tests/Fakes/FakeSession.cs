using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;
using ActionAgent.Flows.Running;

namespace ActionAgent.Flows.Tests.Fakes;

/// <summary>
/// A flow session over a <see cref="FakeApp"/>; can be told to hang on navigation (ignoring cancellation). Its loops
/// use <see cref="Policy"/> and <see cref="Approver"/> (allow all, approve all by default), as a governed session would.
/// </summary>
internal sealed class FakeSession(FakeApp app) : IFlowSession, IPerceiver, IActionExecutor
{
    public FakeApp App => app;

    public bool HangOnNavigate { get; init; }

    public TimeSpan ObserveDelay { get; init; }

    public bool Disposed { get; private set; }

    /// <summary>Observations after this many throw, like a browser that died.</summary>
    public int FailObserveAfter { get; init; } = int.MaxValue;

    private int _observations;

    public Action? OnDispose { get; set; }

    public IPerceiver Perceiver => this;

    public IActionPolicy Policy { get; init; } = new AllowAllPolicy();

    public IApprover Approver { get; init; } = AutoApprover.ApproveAll;

    public AgentLoop CreateLoop(IDecider decider, IRunRecorder recorder, AgentOptions options) => new(new AgentParts
    {
        Perceiver = this,
        Decider = decider,
        Policy = Policy,
        Approver = Approver,
        Executor = this,
        Recorder = recorder,
        Options = options,
    });

    public async Task NavigateAsync(string url, CancellationToken cancellationToken = default)
    {
        if (HangOnNavigate)
        {
            // A browser that never answers and ignores cancellation: only the runner's timeout can get past it.
            await new TaskCompletionSource().Task;
        }

        app.Navigate(url);
    }

    public async Task<Observation> ObserveAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref _observations) > FailObserveAfter)
        {
            throw new InvalidOperationException("Target page, context or browser has been closed");
        }

        if (ObserveDelay > TimeSpan.Zero)
        {
            await Task.Delay(ObserveDelay, cancellationToken);
        }

        return app.Observe(DateTimeOffset.UnixEpoch);
    }

    public async Task<ActionOutcome> ExecuteAsync(ProposedAction proposal, Observation observation, CancellationToken cancellationToken = default)
    {
        if (proposal.Action is WaitAction wait)
        {
            await Task.Delay(wait.Duration, cancellationToken); // like the browser executor
        }

        return app.Execute(proposal, observation);
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        OnDispose?.Invoke();
        return ValueTask.CompletedTask;
    }
}
