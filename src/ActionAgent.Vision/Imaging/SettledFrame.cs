using System.Globalization;
using OpenCvSharp;

namespace ActionAgent.Vision.Imaging;

/// <summary>
/// The last frame captured while waiting for the page to settle: its PNG bytes, the decoded image (owned: dispose
/// this object) and whether the page settled before the timeout.
/// </summary>
public sealed class SettledFrame : IDisposable
{
    internal SettledFrame(ReadOnlyMemory<byte> png, Mat image, bool settled, int captures, double lastChangedFraction, TimeSpan elapsed, TimeSpan timeout)
    {
        Png = png;
        Image = image;
        Settled = settled;
        Captures = captures;
        LastChangedFraction = lastChangedFraction;
        Elapsed = elapsed;
        Timeout = timeout;
    }

    /// <summary>The frame as captured (PNG).</summary>
    public ReadOnlyMemory<byte> Png { get; }

    /// <summary>The frame decoded to BGR; owned by this object.</summary>
    public Mat Image { get; }

    /// <summary>True when two consecutive frames matched before the timeout.</summary>
    public bool Settled { get; }

    /// <summary>How many frames were captured.</summary>
    public int Captures { get; }

    /// <summary>Changed fraction between the last two frames (1 when only one frame was taken).</summary>
    public double LastChangedFraction { get; }

    /// <summary>Time spent waiting.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The timeout that applied.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>A note for the decider when the page did not settle, else null.</summary>
    public string? Note => Settled
        ? null
        : string.Create(CultureInfo.InvariantCulture, $"the page did not settle within {Timeout.TotalSeconds:0.#} s (still changing: {LastChangedFraction:P1} of the screen between the last two frames)");

    /// <summary>Frees the image.</summary>
    public void Dispose() => Image.Dispose();
}
