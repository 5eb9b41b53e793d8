using OpenCvSharp;

namespace ActionAgent.Vision.Imaging;

/// <summary>Merges rectangles that overlap or lie within a distance of each other, until none do.</summary>
internal static class RectMerger
{
    /// <summary>Returns the merged rectangles.</summary>
    public static List<Rect> Merge(IEnumerable<Rect> rects, int distance)
    {
        var list = rects.ToList();
        var mergedAny = true;
        while (mergedAny)
        {
            mergedAny = false;
            for (var i = 0; i < list.Count && !mergedAny; i++)
            {
                var grown = Grow(list[i], distance);
                for (var j = i + 1; j < list.Count; j++)
                {
                    if (grown.IntersectsWith(list[j]))
                    {
                        list[i] = list[i].Union(list[j]);
                        list.RemoveAt(j);
                        mergedAny = true;
                        break;
                    }
                }
            }
        }

        return list;
    }

    /// <summary>The rectangle grown by <paramref name="by"/> on every side.</summary>
    public static Rect Grow(Rect r, int by) => new(r.X - by, r.Y - by, r.Width + 2 * by, r.Height + 2 * by);
}
