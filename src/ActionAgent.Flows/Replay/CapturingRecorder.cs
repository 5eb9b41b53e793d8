using ActionAgent.Core.Recording;

namespace ActionAgent.Flows.Replay;

/// <summary>Keeps the replay's steps and screenshots in memory for comparison, and forwards them to a real recorder.</summary>
internal sealed class CapturingRecorder(IRunRecorder? inner) : IRunRecorder
{
    private readonly Lock _gate = new();
    private readonly List<(StepRecord Step, ReadOnlyMemory<byte> Screenshot)> _steps = [];

    public IReadOnlyList<(StepRecord Step, ReadOnlyMemory<byte> Screenshot)> Steps
    {
        get
        {
            lock (_gate)
            {
                return _steps.ToArray();
            }
        }
    }

    public string? Directory => (inner as JsonRunRecorder)?.RunDirectory;

    public Task BeginAsync(RunManifest manifest, CancellationToken cancellationToken = default) =>
        inner?.BeginAsync(manifest, cancellationToken) ?? Task.CompletedTask;

    public Task BeginStepAsync(StepRecord step, StepImages images, CancellationToken cancellationToken = default) =>
        inner?.BeginStepAsync(step, images, cancellationToken) ?? Task.CompletedTask;

    public Task AppendAsync(StepRecord step, StepImages images, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _steps.Add((step, images.Screenshot.ToArray()));
        }

        return inner?.AppendAsync(step, images, cancellationToken) ?? Task.CompletedTask;
    }

    public Task CompleteAsync(RunManifest manifest, CancellationToken cancellationToken = default) =>
        inner?.CompleteAsync(manifest, cancellationToken) ?? Task.CompletedTask;
}
