using ActionAgent.Core.Perception;

namespace ActionAgent.Vision.Imaging;

/// <summary>Sorts boxes the way a person reads a screen: rows top to bottom, then left to right within a row.</summary>
internal static class ReadingOrder
{
    /// <summary>Returns the items in reading order; items whose vertical centres are close share a row.</summary>
    public static List<T> Sort<T>(IEnumerable<T> items, Func<T, ScreenRect> box)
    {
        var rows = new List<List<T>>();
        var rowBoxes = new List<ScreenRect>();
        foreach (var item in items.OrderBy(i => Line(box(i))).ThenBy(i => box(i).X))
        {
            var b = box(item);
            if (rows.Count > 0)
            {
                var anchor = rowBoxes[^1];
                var tolerance = Math.Max(3, Math.Min(Math.Min(anchor.Height, b.Height), 40) * 0.5);
                if (Math.Abs(Line(b) - Line(anchor)) <= tolerance)
                {
                    rows[^1].Add(item);
                    continue;
                }
            }

            rows.Add([item]);
            rowBoxes.Add(b);
        }

        return rows.SelectMany(r => r.OrderBy(i => box(i).X)).ToList();
    }

    /// <summary>The height a box is read at: its middle, but near the top for tall boxes (a canvas, a panel).</summary>
    private static double Line(ScreenRect b) => b.Y + Math.Min(b.Height, 40) / 2;
}
