namespace ActionAgent.Flows.Running;

/// <summary>Disposes a session at most once, whether the flow ended or the runner gave up on it after a timeout.</summary>
internal sealed class OnceAsyncDisposable(IAsyncDisposable inner) : IAsyncDisposable
{
    private int _disposed;

    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref _disposed, 1) == 0 ? inner.DisposeAsync() : ValueTask.CompletedTask;
}
