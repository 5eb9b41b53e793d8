using ActionAgent.Core.Perception;

namespace ActionAgent.Bench.Vision;

/// <summary>A screen capture that returns whichever pre-rendered frame is current (no browser in the measurement).</summary>
internal sealed class FrameSource(byte[] initial) : IScreenCapture
{
    /// <summary>The frame the next capture returns.</summary>
    public byte[] Current { get; set; } = initial;

    /// <inheritdoc />
    public Task<ReadOnlyMemory<byte>> CaptureAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<ReadOnlyMemory<byte>>(Current);
}
