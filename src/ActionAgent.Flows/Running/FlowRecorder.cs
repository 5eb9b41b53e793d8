using ActionAgent.Core.Recording;

namespace ActionAgent.Flows.Running;

/// <summary>
/// Gathers the agent-loop runs of a flow's instructions into ONE recording: each loop's Begin/Complete is ignored,
/// its steps are renumbered into the flow's sequence and tagged with the instruction they served.
/// </summary>
internal sealed class FlowRecorder(IRunRecorder? inner, string runId) : IRunRecorder
{
    private readonly Lock _gate = new();
    private int _step;
    private long _tokens;
    private decimal _cost;

    /// <summary>The instruction currently being carried out.</summary>
    public string? CurrentInstruction { get; set; }

    /// <summary>Steps recorded so far.</summary>
    public int Steps => _step;

    /// <summary>Tokens of all recorded decisions.</summary>
    public long Tokens => _tokens;

    /// <summary>Cost of all recorded decisions.</summary>
    public decimal Cost => _cost;

    /// <summary>The recording folder, when recording.</summary>
    public string? Directory => (inner as JsonRunRecorder)?.RunDirectory;

    public Task StartAsync(RunManifest manifest, CancellationToken cancellationToken) =>
        inner?.BeginAsync(manifest, cancellationToken) ?? Task.CompletedTask;

    public Task FinishAsync(RunManifest manifest) =>
        inner?.CompleteAsync(manifest with { Steps = _step, Tokens = _tokens, Cost = _cost }, CancellationToken.None) ?? Task.CompletedTask;

    /// <inheritdoc />
    public Task BeginAsync(RunManifest manifest, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public Task AppendAsync(StepRecord step, StepImages images, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        int number;
        lock (_gate)
        {
            number = ++_step;
            _tokens += step.Proposal.Usage.TotalTokens;
            _cost += step.Proposal.Usage.Cost;
        }

        var renumbered = step with
        {
            RunId = runId,
            Step = number,
            Observation = step.Observation with
            {
                ScreenshotFile = step.Observation.ScreenshotFile is null ? null : RecordingSchema.ScreenshotFile(number),
                MarkedScreenshotFile = step.Observation.MarkedScreenshotFile is null ? null : RecordingSchema.MarkedScreenshotFile(number),
            },
            Proposal = step.Proposal with { StepText = step.Proposal.StepText ?? CurrentInstruction },
        };
        return inner?.AppendAsync(renumbered, images, cancellationToken) ?? Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task CompleteAsync(RunManifest manifest, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
