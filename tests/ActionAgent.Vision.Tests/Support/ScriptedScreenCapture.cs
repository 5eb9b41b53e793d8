using ActionAgent.Core.Perception;

namespace ActionAgent.Vision.Tests.Support;

/// <summary>
/// A screen capture that returns scripted frames in order (the last one repeats), taking a fixed time per capture on
/// the given clock.
/// </summary>
internal sealed class ScriptedScreenCapture(IReadOnlyList<byte[]> frames, AutoAdvancingTimeProvider? time = null, TimeSpan? cost = null) : IScreenCapture
{
    private int next;

    /// <summary>A capture that always returns the same frame.</summary>
    public ScriptedScreenCapture(byte[] frame, AutoAdvancingTimeProvider? time = null)
        : this([frame], time)
    {
    }

    /// <summary>How many captures were taken.</summary>
    public int Captures => next;

    /// <summary>When set, returns this frame from now on (a page that changed).</summary>
    public byte[]? Override { get; set; }

    /// <inheritdoc />
    public Task<ReadOnlyMemory<byte>> CaptureAsync(CancellationToken cancellationToken = default)
    {
        time?.Advance(cost ?? TimeSpan.FromMilliseconds(30));
        var index = Math.Min(next, frames.Count - 1);
        next++;
        return Task.FromResult<ReadOnlyMemory<byte>>(Override ?? frames[index]);
    }
}

/// <summary>A capture that returns a different frame every time (an endless animation).</summary>
internal sealed class AnimatedScreenCapture(Func<int, byte[]> frame, AutoAdvancingTimeProvider time) : IScreenCapture
{
    private int next;

    /// <summary>How many captures were taken.</summary>
    public int Captures => next;

    /// <inheritdoc />
    public Task<ReadOnlyMemory<byte>> CaptureAsync(CancellationToken cancellationToken = default)
    {
        time.Advance(TimeSpan.FromMilliseconds(30));
        return Task.FromResult<ReadOnlyMemory<byte>>(frame(next++));
    }
}
