using ActionAgent.Core.Recording;

namespace ActionAgent.TestKit.Fakes;

/// <summary>Keeps the manifest and steps a run records, in memory.</summary>
public sealed class MemoryRunRecorder : IRunRecorder
{
    /// <summary>The latest manifest (begin or complete).</summary>
    public RunManifest? Manifest { get; private set; }

    /// <summary>Steps appended, in order.</summary>
    public List<StepRecord> Steps { get; } = [];

    /// <inheritdoc />
    public Task BeginAsync(RunManifest manifest, CancellationToken cancellationToken = default)
    {
        Manifest = manifest;
        return Task.CompletedTask;
    }

    /// <summary>Steps recorded before their action ran, in order.</summary>
    public List<StepRecord> Begun { get; } = [];

    /// <inheritdoc />
    public Task BeginStepAsync(StepRecord step, StepImages images, CancellationToken cancellationToken = default)
    {
        Begun.Add(step);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task AppendAsync(StepRecord step, StepImages images, CancellationToken cancellationToken = default)
    {
        Steps.Add(step);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task CompleteAsync(RunManifest manifest, CancellationToken cancellationToken = default)
    {
        Manifest = manifest;
        return Task.CompletedTask;
    }
}
