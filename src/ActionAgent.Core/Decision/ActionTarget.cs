using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Decision;

/// <summary>
/// What an action points at: an element of the observation by id, or a point on screen; <see cref="Description"/>
/// says in words what was meant ("the Submit button"), for approvals, reports and self-healing.
/// </summary>
public sealed record ActionTarget
{
    /// <summary>Element id in the observation the action was decided on.</summary>
    public int? ElementId { get; init; }

    /// <summary>A point, with its coordinate space; used when there is no element id.</summary>
    public ScreenPoint? Point { get; init; }

    /// <summary>
    /// Where across the element to act, 0 (its left edge) to 1 (its right edge), at its middle height; null for its usual
    /// point. A star bar that is one element is rated by where it is clicked.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public double? Across { get; init; }

    /// <summary>What the target is, in words.</summary>
    public string Description { get; init; } = "";

    /// <summary>Targets an element.</summary>
    public static ActionTarget Element(int id, string description = "") => new() { ElementId = id, Description = description };

    /// <summary>Targets a point.</summary>
    public static ActionTarget At(double x, double y, CoordinateSpace space = CoordinateSpace.Css, string description = "") =>
        new() { Point = new ScreenPoint(x, y, space), Description = description };

    /// <inheritdoc />
    public override string ToString() =>
        ElementId is { } id ? $"#{id}{(Description.Length > 0 ? $" \"{Description}\"" : "")}"
        : Point is { } p ? $"{p}{(Description.Length > 0 ? $" \"{Description}\"" : "")}"
        : Description;
}
