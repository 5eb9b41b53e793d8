using System.Text.Json.Serialization;

namespace ActionAgent.Core.Perception;

/// <summary>An axis-aligned rectangle in CSS pixels of the viewport (unless a caller says otherwise).</summary>
public readonly record struct ScreenRect(double X, double Y, double Width, double Height)
{
    /// <summary>Right edge.</summary>
    [JsonIgnore]
    public double Right => X + Width;

    /// <summary>Bottom edge.</summary>
    [JsonIgnore]
    public double Bottom => Y + Height;

    /// <summary>Area; zero for empty rectangles.</summary>
    [JsonIgnore]
    public double Area => Math.Max(0, Width) * Math.Max(0, Height);

    /// <summary>Centre point in the same space as the rectangle.</summary>
    [JsonIgnore]
    public (double X, double Y) Center => (X + Width / 2, Y + Height / 2);

    /// <summary>True when the point lies inside the rectangle (edges included).</summary>
    public bool Contains(double x, double y) => x >= X && x <= Right && y >= Y && y <= Bottom;

    /// <summary>Whether another rectangle lies within this one, each edge allowed <paramref name="slack"/> over.</summary>
    public bool Contains(ScreenRect inner, double slack) =>
        inner.X >= X - slack && inner.Y >= Y - slack && inner.Right <= Right + slack && inner.Bottom <= Bottom + slack;

    /// <summary>Intersection, or an empty rectangle when they do not overlap.</summary>
    public ScreenRect Intersect(ScreenRect other)
    {
        var x1 = Math.Max(X, other.X);
        var y1 = Math.Max(Y, other.Y);
        var x2 = Math.Min(Right, other.Right);
        var y2 = Math.Min(Bottom, other.Bottom);
        return x2 <= x1 || y2 <= y1 ? default : new ScreenRect(x1, y1, x2 - x1, y2 - y1);
    }

    /// <summary>Intersection over union, 0..1.</summary>
    public double IoU(ScreenRect other)
    {
        var inter = Intersect(other).Area;
        var union = Area + other.Area - inter;
        return union <= 0 ? 0 : inter / union;
    }

    /// <summary>Distance between the centres of two rectangles.</summary>
    public double CenterDistance(ScreenRect other)
    {
        var (ax, ay) = Center;
        var (bx, by) = other.Center;
        return Math.Sqrt((ax - bx) * (ax - bx) + (ay - by) * (ay - by));
    }

    /// <summary>The same rectangle scaled by a factor (for example CSS to screenshot pixels).</summary>
    public ScreenRect Scale(double factor) => new(X * factor, Y * factor, Width * factor, Height * factor);

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"({X:0},{Y:0} {Width:0}x{Height:0})");
}
