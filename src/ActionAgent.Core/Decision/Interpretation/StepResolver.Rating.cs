using System.Globalization;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// Grounding of <see cref="StepKind.Rate"/>. A rating widget is seen the way a person sees it: a row (or column) of three
/// to twenty like controls side by side, nameless or named 1, 2, 3 … (stars, squares, bars), or one nameless control
/// several times as wide as it is high (a star bar, rated by where it is clicked). The widget meant is the one whose
/// surroundings (its label, the text just above or below it, its section's heading) hold the step's words. The click is
/// checked like any other: stars lit under the pointer (a hover preview) are no effect, a rating that took is.
/// </summary>
internal sealed partial class StepResolver
{
    private const int MinStars = 3;
    private const int MaxStars = 20;

    private StepGrounding Rate(InterpretedStep step, Grounder g)
    {
        if (ReadRating(step.Value) is not { } wanted)
        {
            return new StepGrounding(GroundingStatus.NotUnderstood, null, 0, $"'{step.Value}' is no rating value: say how many stars, e.g. 'rate it 3 out of 5'");
        }

        var widgets = RatingWidgets(g.Page);
        if (widgets.Count == 0)
        {
            return new StepGrounding(GroundingStatus.NotFound, null, 0, "no rating widget on the page (a row of like stars, squares or bars, or one star bar)");
        }

        var words = string.Join(' ', new[] { step.Target, step.Context }.Where(w => !string.IsNullOrWhiteSpace(w)));
        RatingWidget widget;
        if (words.Length == 0)
        {
            if (widgets.Count > 1)
            {
                return new StepGrounding(GroundingStatus.NotFound, null, 0, $"the page has {widgets.Count} rating widgets and the step names none: say which (its label or section)");
            }

            widget = widgets[0];
        }
        else
        {
            var query = Phrase.Of(TargetQuery.StripRoleWords(words).Main);
            var scored = widgets.Select(w => (Widget: w, Score: Math.Max(TextMatch.Coverage(query, w.Words), 0.9 * TextMatch.Coverage(query, w.Farther))))
                .OrderByDescending(s => s.Score).ToList();
            if (scored[0].Score < 0.5)
            {
                return new StepGrounding(GroundingStatus.NotFound, null, scored[0].Score, $"no rating widget is labelled '{words}' (the page has {widgets.Count}; closest: {scored[0].Widget.Describe()})");
            }

            if (scored.Count > 1 && scored[1].Score >= scored[0].Score - 1e-9)
            {
                return new StepGrounding(GroundingStatus.NotFound, null, scored[0].Score, $"'{words}' fits {scored.Count(s => s.Score >= scored[0].Score - 1e-9)} rating widgets equally ({scored[0].Widget.Describe()}, {scored[1].Widget.Describe()}): name it more closely");
            }

            widget = scored[0].Widget;
        }

        return widget.Bar is { } bar ? RateBar(bar, wanted) : RateRow(widget, wanted);
    }

    private static StepGrounding RateRow(RatingWidget widget, (double Value, double? Scale) wanted)
    {
        var items = widget.Items;
        var (n, scale) = wanted;
        PageItem? pick = null;
        if (items.All(i => double.TryParse(i.Display.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            // Named 1, 2, 3 … (or 10 … 1): the one named so, wherever it sits.
            pick = items.FirstOrDefault(i => double.Parse(i.Display.Trim(), CultureInfo.InvariantCulture) == n);
        }
        else if (scale is { } s && Math.Abs(s - items.Count) > 1e-9 && Math.Abs((2 * s) - items.Count) > 1e-9)
        {
            return new StepGrounding(GroundingStatus.NotFound, null, 0.3, FormattableString.Invariant($"{widget.Describe()} has {items.Count} steps, not {s}: it cannot be given {n} out of {s}"));
        }
        else if (n == Math.Floor(n) && (scale is null || Math.Abs(scale.Value - items.Count) < 1e-9) && n <= items.Count)
        {
            pick = items[(int)n - 1];
        }
        else if (scale is { } half && Math.Abs((2 * half) - items.Count) < 1e-9 && n * 2 == Math.Floor(n * 2))
        {
            // Half stars drawn as two halves each: the (2n)th half.
            pick = items[(int)(n * 2) - 1];
        }

        if (pick is null)
        {
            return new StepGrounding(GroundingStatus.NotFound, null, 0.3, FormattableString.Invariant($"{widget.Describe()} has {items.Count} steps: {n} is not one of them"));
        }

        var candidate = new Candidate(pick, 0.9, FormattableString.Invariant($"its place in the rating ({items.ToList().IndexOf(pick) + 1} of {items.Count})"));
        return Grounded(new ClickAction(ActionTarget.Element(pick.Element.Id, FormattableString.Invariant($"{n} of {widget.Describe()}"))), candidate);
    }

    private static StepGrounding RateBar(PageItem bar, (double Value, double? Scale) wanted)
    {
        var b = bar.Element.Bounds;
        var stars = wanted.Scale ?? Math.Max(MinStars, Math.Round(b.Width / Math.Max(1, b.Height)));
        if (wanted.Value > stars)
        {
            return new StepGrounding(GroundingStatus.NotFound, null, 0.3, FormattableString.Invariant($"the star bar near '{Near(bar)}' holds {stars} stars: {wanted.Value} is more"));
        }

        // Just inside the wanted star's right edge: whichever way the widget rounds (up, down, to half stars), that point
        // reads as the value.
        var across = (wanted.Value - 0.15) / stars;
        var candidate = new Candidate(bar, 0.85, FormattableString.Invariant($"a star bar of {stars} stars, clicked {across:0%} across"));
        return Grounded(new ClickAction(ActionTarget.Element(bar.Element.Id, FormattableString.Invariant($"{wanted.Value} of {stars} stars")) with { Across = across }), candidate);
    }

    private static (double Value, double? Scale)? ReadRating(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var parts = value.Split('/');
        if (!double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        return parts.Length == 2 && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var of) ? (n, of) : (n, null);
    }

    private static string Near(PageItem item) => item.Element.NearbyText ?? item.Heading ?? "";

    /// <summary>A rating widget: a row of like controls, or one star bar; the words around it name it.</summary>
    private sealed record RatingWidget(IReadOnlyList<PageItem> Items, PageItem? Bar, IReadOnlyCollection<string> Words, ScreenRect Box)
    {
        /// <summary>Its own words and the text a little farther above it (a paragraph between heading and widget).</summary>
        public IReadOnlyCollection<string> Farther { get; init; } = [];

        public string Describe() => Bar is not null
            ? $"the star bar near '{Near(Bar)}'"
            : $"the row of {Items.Count} near '{Near(Items[0])}'";
    }

    private static List<RatingWidget> RatingWidgets(PageIndex page)
    {
        var widgets = new List<RatingWidget>();
        var items = page.Items.Where(i => !i.IsHidden && !i.Element.Disabled).ToList();
        var run = new List<PageItem>();
        void Close()
        {
            if (run.Count is >= MinStars and <= MaxStars && RowNames(run))
            {
                var box = Union(run.Select(r => r.Element.Bounds));
                widgets.Add(Widget(page, run.ToList(), null, box));
            }

            run.Clear();
        }

        foreach (var item in items)
        {
            if (!IsStarLike(item))
            {
                Close();
                continue;
            }

            if (run.Count > 0 && !Alike(run[^1], item, run.Count >= 2 ? run[^2] : null))
            {
                Close();
            }

            run.Add(item);
        }

        Close();

        foreach (var item in items)
        {
            var b = item.Element.Bounds;
            if (item.IsInteractive && !item.IsEditable && !item.IsSelectable && !item.IsCheckable && string.IsNullOrWhiteSpace(item.Element.Name)
                && b.Height is >= 8 and <= 64 && b.Width / b.Height is >= 2.5 and <= 20 && widgets.All(w => !w.Items.Contains(item)))
            {
                widgets.Add(Widget(page, [], item, b));
            }
        }

        return widgets;
    }

    // A star, square or bar: a small control with no name, or a name that is one number or letter.
    private static bool IsStarLike(PageItem item) =>
        item.IsInteractive && item.Role is "link" or "button" or "radio" or "img" or "image" or "checkbox" or "menuitemradio" or "option"
        && !item.IsEditable && item.Element.Bounds is { Width: > 0 and <= 160, Height: > 0 and <= 64 }
        && (string.IsNullOrWhiteSpace(item.Element.Name) || item.Display.Trim().Length <= 2 || StarName(item.Display));

    private static bool StarName(string name) =>
        name.Trim().Split(' ') is [var n, var unit] && double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        && unit.ToLowerInvariant() is "star" or "stars" or "point" or "points";

    // Side by side in one line (or one column), the same size, evenly spaced.
    private static bool Alike(PageItem before, PageItem next, PageItem? beforeThat)
    {
        var a = before.Element.Bounds;
        var b = next.Element.Bounds;
        if (before.Role != next.Role || before.Element.Tag != next.Element.Tag || Math.Abs(a.Width - b.Width) > 2 || Math.Abs(a.Height - b.Height) > 2)
        {
            return false;
        }

        var row = Math.Abs(a.Y - b.Y) <= 2 && b.X > a.X && b.X - (a.X + a.Width) <= Math.Max(12, a.Width);
        var column = Math.Abs(a.X - b.X) <= 2 && b.Y > a.Y && b.Y - (a.Y + a.Height) <= Math.Max(12, a.Height);
        if (!row && !column)
        {
            return false;
        }

        if (beforeThat is null)
        {
            return true;
        }

        var step = row ? b.X - a.X : b.Y - a.Y;
        var stepBefore = row ? a.X - beforeThat.Element.Bounds.X : a.Y - beforeThat.Element.Bounds.Y;
        return Math.Abs(step - stepBefore) <= 3;
    }

    // Nameless, numbered 1 … n, lettered, or "N stars": never a menu of words.
    private static bool RowNames(List<PageItem> run)
    {
        var names = run.Select(r => r.Element.Name.Trim()).ToList();
        return names.All(n => n.Length == 0)
            || names.All(n => double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            || names.All(n => n.Length == 1 && char.IsLetter(n[0]))
            || names.All(StarName);
    }

    // The words that name a widget: its items' nearby text, its section's heading, and the text just above it (within
    // 60 px) or just below it (within 40 px, where a caption sits; a heading there starts the next section), overlapping
    // it across; Farther adds text 60-120 px above. Code samples name nothing. One pass over the page for both.
    private static RatingWidget Widget(PageIndex page, IReadOnlyList<PageItem> items, PageItem? bar, ScreenRect box)
    {
        IReadOnlyList<PageItem> members = bar is null ? items : [bar];
        var near = new List<string>();
        var farther = new List<string>();
        var first = members[0];
        near.AddRange(Phrase.Of(first.Element.NearbyText).Tokens);
        near.AddRange(first.Headings.Take(1).SelectMany(h => Phrase.Of(h).Tokens));
        foreach (var text in page.Items)
        {
            if (text.IsInteractive || members.Contains(text) || text.IsHidden || text.Element.Tag is "code" or "pre")
            {
                continue;
            }

            var t = text.Element.Bounds;
            if (!(t.X < box.X + box.Width + 40 && t.X + t.Width > box.X - 40))
            {
                continue;
            }

            var above = box.Y - (t.Y + t.Height);
            var below = t.Y - (box.Y + box.Height);
            var caption = below is >= -2 and <= 40 && text.Role != "heading";
            if (above is >= -2 and <= 60 || caption)
            {
                near.AddRange(Phrase.Of(text.Display).Tokens);
            }
            else if (above is > 60 and <= 120)
            {
                farther.AddRange(Phrase.Of(text.Display).Tokens);
            }
        }

        return new RatingWidget(items, bar, near, box) { Farther = [.. near, .. farther] };
    }

    private static ScreenRect Union(IEnumerable<ScreenRect> rects)
    {
        var list = rects.ToList();
        var left = list.Min(r => r.X);
        var top = list.Min(r => r.Y);
        var right = list.Max(r => r.X + r.Width);
        var bottom = list.Max(r => r.Y + r.Height);
        return new ScreenRect(left, top, right - left, bottom - top);
    }
}
