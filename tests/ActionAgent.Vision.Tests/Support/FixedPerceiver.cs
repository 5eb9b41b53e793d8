using ActionAgent.Core.Perception;

namespace ActionAgent.Vision.Tests.Support;

/// <summary>An inner (DOM) perceiver that returns a prepared observation, for tests without a browser.</summary>
internal sealed class FixedPerceiver(Func<Observation> observe) : IPerceiver
{
    /// <summary>Returns the same observation every time.</summary>
    public FixedPerceiver(Observation observation)
        : this(() => observation)
    {
    }

    /// <summary>How many times it was asked.</summary>
    public int Calls { get; private set; }

    /// <inheritdoc />
    public Task<Observation> ObserveAsync(CancellationToken cancellationToken = default)
    {
        Calls++;
        return Task.FromResult(observe());
    }

    /// <summary>A 1280x720 observation at example.test with the given elements and no screenshot.</summary>
    public static Observation Page(params UiElement[] elements) => new()
    {
        Url = "http://127.0.0.1/test",
        Title = "Test",
        Geometry = ViewportGeometry.Identity(1280, 720),
        Elements = elements,
    };
}
