namespace ActionAgent.Core.Perception;

/// <summary>Takes a raw screenshot of the viewport (PNG), for stability checks and change detection.</summary>
public interface IScreenCapture
{
    /// <summary>Captures the current viewport as PNG bytes.</summary>
    Task<ReadOnlyMemory<byte>> CaptureAsync(CancellationToken cancellationToken = default);
}
