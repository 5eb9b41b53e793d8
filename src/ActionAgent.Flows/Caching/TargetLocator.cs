using ActionAgent.Core.Perception;
using ActionAgent.Flows.Expectations;

namespace ActionAgent.Flows.Caching;

/// <summary>
/// Finds a recorded target again on a new observation, without a model: the same role and name (nearest if several);
/// else a similar label (strict: "Sign in" ≈ "Sign in now", but "Submit refund" ≠ "File refund") weighed with role and
/// position; for targets with no text at all, the same role in the same place (box overlap); else the element under
/// the best template match of its crop. Returns null rather than guess.
/// </summary>
public sealed class TargetLocator(ITemplateMatcher? matcher = null, TargetLocatorOptions? options = null)
{
    private readonly TargetLocatorOptions _options = options ?? new TargetLocatorOptions();

    /// <summary>Finds the target, or null when no element is a confident match.</summary>
    public TargetMatch? Locate(TargetDescriptor target, Observation observation)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(observation);
        var elements = observation.Elements;
        var label = TextSimilarity.NormalizeLabel(target.Label);
        if (label.Length > 0)
        {
            var same = elements
                .Where(e => string.Equals(e.Role, target.Role, StringComparison.OrdinalIgnoreCase) && TextSimilarity.NormalizeLabel(e.Label) == label)
                .MinBy(e => e.Bounds.CenterDistance(target.Bounds));
            if (same is not null)
            {
                return new TargetMatch(same, 1, "same");
            }
        }

        var diagonal = Math.Max(1, Math.Sqrt(Math.Pow(observation.Geometry.CssWidth, 2) + Math.Pow(observation.Geometry.CssHeight, 2)));
        var scored = elements
            .Select(e => (e, text: TextScore(target, e)))
            .Where(x => x.text > 0)
            .Select(x => (x.e, score: 0.6 * x.text + 0.25 * RoleScore(target.Role, x.e.Role) + 0.15 * (1 - Math.Min(1, x.e.Bounds.CenterDistance(target.Bounds) / diagonal))))
            .OrderByDescending(x => x.score)
            .ToList();
        if (scored.Count > 0 && scored[0].score >= _options.MinimumScore)
        {
            return new TargetMatch(scored[0].e, scored[0].score, "similar");
        }

        // Nothing to read on the target (an icon, a canvas): the same role in the same place is the same element.
        if (label.Length == 0)
        {
            var placed = elements
                .Where(e => string.Equals(e.Role, target.Role, StringComparison.OrdinalIgnoreCase) && TextSimilarity.NormalizeLabel(e.Label).Length == 0)
                .Select(e => (e, iou: e.Bounds.IoU(target.Bounds)))
                .Where(x => x.iou >= _options.MinimumOverlap)
                .OrderByDescending(x => x.iou)
                .FirstOrDefault();
            if (placed.e is not null)
            {
                return new TargetMatch(placed.e, placed.iou, "position");
            }
        }

        if (matcher is not null && target.CropPng is { } crop && !observation.Screenshot.IsEmpty)
        {
            var match = matcher.Find(observation.Screenshot, Convert.FromBase64String(crop));
            if (match is not null && match.Score >= _options.MinimumTemplateScore)
            {
                var css = observation.Geometry.ToCss(match.Pixels);
                var (cx, cy) = css.Center;
                var under = elements
                    .Where(e => e.Bounds.Contains(cx, cy) && RoleScore(target.Role, e.Role) > 0)
                    .MinBy(e => e.Bounds.Area);
                if (under is not null)
                {
                    return new TargetMatch(under, match.Score, "template");
                }
            }
        }

        return null;
    }

    private static double TextScore(TargetDescriptor t, UiElement e)
    {
        var scores = new List<double>
        {
            TextSimilarity.LabelScore(t.Label, e.Label),
            TextSimilarity.LabelScore(t.Name, e.Name),
        };
        if (!string.IsNullOrWhiteSpace(t.Placeholder))
        {
            scores.Add(0.9 * TextSimilarity.LabelScore(t.Placeholder, e.Placeholder));
        }

        if (!string.IsNullOrWhiteSpace(t.NearbyText))
        {
            scores.Add(0.8 * TextSimilarity.LabelScore(t.NearbyText, e.NearbyText));
        }

        if (!string.IsNullOrWhiteSpace(t.OcrText))
        {
            scores.Add(0.9 * TextSimilarity.LabelScore(t.OcrText, e.Text ?? e.Name));
        }

        return scores.Max();
    }

    private static double RoleScore(string wanted, string actual)
    {
        if (string.Equals(wanted, actual, StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        static bool Clickable(string r) => r is "button" or "link" or "menuitem" or "tab";
        static bool Input(string r) => RoleFamily.FieldRoles.Contains(r);
        return (Clickable(wanted) && Clickable(actual)) || (Input(wanted) && Input(actual)) ? 0.5 : 0;
    }
}
