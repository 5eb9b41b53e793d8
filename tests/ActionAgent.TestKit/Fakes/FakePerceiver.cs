using ActionAgent.Core.Perception;

namespace ActionAgent.TestKit.Fakes;

/// <summary>Returns the same page (or the pages from a factory) every time; can be told to crash.</summary>
public sealed class FakePerceiver(Func<int, Observation> page) : IPerceiver
{
    private int _count;

    /// <summary>When set, the next observation throws this (a crashed page).</summary>
    public Exception? CrashWith { get; set; }

    /// <summary>How many observations were taken.</summary>
    public int Count => _count;

    /// <inheritdoc />
    public Task<Observation> ObserveAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (CrashWith is { } e)
        {
            throw e;
        }

        return Task.FromResult(page(Interlocked.Increment(ref _count)));
    }
}
