namespace ActionAgent.Browser.Execution;

/// <summary>Settings of the <see cref="DomEffectVerifier"/>.</summary>
public sealed class DomEffectVerifierOptions
{
    /// <summary>How long to keep looking for an action's effect before calling it not seen. Default 1.5 s.</summary>
    public TimeSpan EffectTimeout { get; set; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>Pause between two looks while the effect is not seen yet. Default 100 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Fraction of the screen (from the inner pixel verifier) that counts as a visible change on its own. Default 0.01.</summary>
    public double PixelEvidence { get; set; } = 0.01;
}
