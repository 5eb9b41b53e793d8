namespace ActionAgent.Vision.Tests.Support;

/// <summary>
/// A clock that never sleeps: every timer (and so every <c>Task.Delay</c>) moves time forward by its due time and
/// fires at once. Tests run instantly while the code under test sees time pass.
/// </summary>
internal sealed class AutoAdvancingTimeProvider : TimeProvider
{
    private long ticks;

    /// <summary>Time that passed since the start.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref ticks));

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override long GetTimestamp() => Interlocked.Read(ref ticks);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) + Elapsed;

    /// <summary>Moves time forward (for example by how long a capture takes).</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Advance(dueTime);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new FiredTimer();
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
