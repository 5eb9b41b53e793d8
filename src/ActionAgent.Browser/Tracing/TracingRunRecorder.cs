using ActionAgent.Core.Recording;

namespace ActionAgent.Browser.Tracing;

/// <summary>
/// Passes a run's recording through, linking each step to the trace: the step's record carries its offset in the
/// trace's timeline (<see cref="StepRecord.TraceMs"/>), and its browser calls are grouped under its name in the viewer.
/// </summary>
public sealed class TracingRunRecorder(IRunRecorder inner, RunTrace trace) : IRunRecorder
{
    private readonly IRunRecorder _inner = inner ?? throw new ArgumentNullException(nameof(inner));
    private readonly RunTrace _trace = trace ?? throw new ArgumentNullException(nameof(trace));

    /// <inheritdoc />
    public Task BeginAsync(RunManifest manifest, CancellationToken cancellationToken = default) => _inner.BeginAsync(manifest, cancellationToken);

    /// <inheritdoc />
    public async Task BeginStepAsync(StepRecord step, StepImages images, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        var linked = Link(step);
        await _inner.BeginStepAsync(linked, images, cancellationToken).ConfigureAwait(false);
        await _trace.BeginStepAsync($"step {step.Step}: {step.Proposal.Action.Describe()}").ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task AppendAsync(StepRecord step, StepImages images, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        await _trace.EndStepAsync().ConfigureAwait(false);
        await _inner.AppendAsync(Link(step), images, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task CompleteAsync(RunManifest manifest, CancellationToken cancellationToken = default) => _inner.CompleteAsync(manifest, cancellationToken);

    private StepRecord Link(StepRecord step) => step with { TraceMs = _trace.OffsetOf(step.StartedAt) };
}
