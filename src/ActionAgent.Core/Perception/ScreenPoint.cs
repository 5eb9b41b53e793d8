namespace ActionAgent.Core.Perception;

/// <summary>A point together with the space its coordinates are in.</summary>
public readonly record struct ScreenPoint(double X, double Y, CoordinateSpace Space = CoordinateSpace.Css)
{
    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"({X:0.#},{Y:0.#} {Space})");
}
