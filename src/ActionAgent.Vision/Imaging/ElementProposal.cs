using ActionAgent.Core.Perception;

namespace ActionAgent.Vision.Imaging;

/// <summary>A control-like rectangle found in pixels: its role guess, box (image pixels), confidence and the text read inside.</summary>
public sealed record ElementProposal(string Role, ScreenRect Bounds, double Confidence)
{
    /// <summary>OCR text inside the box (a button's label, an input's value or placeholder), or "".</summary>
    public string Text { get; init; } = "";

    /// <summary>For checkboxes: whether a mark was seen inside.</summary>
    public bool? Checked { get; init; }

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"{Role} \"{Text}\" {Bounds} {Confidence:0.00}");
}
