using System.Globalization;
using System.Text.RegularExpressions;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>Drag steps: onto another element, a slider to an edge or a number.</summary>
internal sealed partial class StepResolver
{
    // Up and down on a slider lying flat (three times wider than high) mean its right and left ends; right and left on
    // one standing mean up and down. Null when the direction is the slider's own.
    private static string? Turned(string direction, ScreenRect track) =>
        track.Width >= 3 * track.Height ? direction switch { "up" => "right", "down" => "left", _ => null }
        : track.Height >= 3 * track.Width ? direction switch { "right" => "up", "left" => "down", _ => null }
        : null;

    // Drags its target onto another element, to an edge of the page (a slider all the way: the slider stops at its end),
    // or sets a range input to a number. A script-drawn slider that says its value (aria-valuenow) is stepped to a number
    // with the arrow keys; one that says nothing is not set to a number: where a value sits on its track is not known
    // without a model.
    private StepGrounding Drag(InterpretedStep step, Grounder g)
    {
        if (Transfer(step, g) is { } moved)
        {
            return moved;
        }

        if (step.Value is $"{StepParser.Places}at 1" or $"{StepParser.Places}at last")
        {
            // "Make Item 4 the first one" with no list box on the page: dragged to that end of its list.
            step = step with { Value = step.Value.EndsWith('1') ? "first" : "last", Otherwise = null };
        }

        if (step.Otherwise is { } other)
        {
            // "Remove Alice from the list" read as a move between lists, on a page with no two lists: its other reading.
            return ByKind(other, g);
        }

        var value = step.Value;
        var edge = value is "right" or "left" or "up" or "down";
        var listEnd = value is "first" or "last";
        var number = value is not null && !edge && decimal.TryParse(value.Trim().TrimStart('$', '€', '£').Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out _);
        var found = g.Find(new Search(step.Target, i => !i.IsEditable || i.Role == "slider")
        {
            VerbHint = (edge || number) && !listEnd ? RoleHint.Slider : RoleHint.None,
            SoftContext = Soft(step),
            ForClick = true,
        });
        var only = "";
        var sliders = g.Page.Items.Where(i => i.Role == "slider" && !i.IsHidden).ToList();
        if ((edge || number) && sliders.Count > 0 && found.Best is { } named && named.Item.Role != "slider" && !named.Item.IsInteractive && found.IsAtLeast(Min))
        {
            // "the Volume slider" where "Volume:" is text beside a handle with no name: the slider nearest that text.
            var near = sliders.MinBy(s => s.Element.Bounds.CenterDistance(named.Item.Element.Bounds))!;
            if (near.Element.Bounds.CenterDistance(named.Item.Element.Bounds) <= 300)
            {
                found = found with { Best = named with { Item = near } };
                only = $" (the slider nearest the text '{named.Item.Display}')";
            }
        }

        if (!found.IsAtLeast(Min) && (edge || number) && sliders.Count == 1)
        {
            // "Turn the Volume slider all the way down" where the handle has no name: the one slider on the page.
            found = found with { Best = new Candidate(sliders[0], Min, "the only slider") };
            only = $" (nothing is called '{TargetQuery.StripRoleWords(step.Target ?? "").Main}'; this is the only slider on the page)";
        }

        if (!found.IsAtLeast(Min) && (edge || number) && HandleByPlace(step, g, sliders) is { } handle)
        {
            found = found with { Best = handle.Pick };
            only = handle.Why;
        }

        if (!found.IsAtLeast(Min))
        {
            return NotFound("element", found);
        }

        var from = found.Best!;
        if (edge && from.Item.Role == "slider" && from.Item.Element.Bounds is var track && Turned(value!, track) is { } along)
        {
            // "Slide Slider 2 all the way up" on a slider that lies flat: up is its high end, to the right (and right is up
            // on one that stands). Its handles are then looked for along its own track, never among the sliders stacked
            // under it (batch 23 took three such sliders for one slider's handles and moved another).
            only += $" ({value} on a slider that {(along is "right" or "left" ? "lies flat" : "stands")} is {along})";
            value = along;
        }

        if (edge && from.Item.Role == "slider")
        {
            // A range slider has two handles on one track: "all the way right" moves the one nearest that end (the
            // other would stop at it).
            var (fx, fy) = from.Item.Element.Bounds.Center;
            var horizontal = value is "right" or "left";
            var mates = sliders.Where(s => horizontal ? Math.Abs(s.Element.Bounds.Center.Y - fy) < 4 : Math.Abs(s.Element.Bounds.Center.X - fx) < 4)
                .Where(s => !(from.Item.Element is { Tag: "input", InputType: "range" }) || s.Element.Bounds.Intersect(from.Item.Element.Bounds).Area > 0)
                .Where(s => s.Element.Bounds.CenterDistance(from.Item.Element.Bounds) < 800).ToList();
            if (mates.Count > 1)
            {
                var end = value switch
                {
                    "right" => mates.MaxBy(s => s.Element.Bounds.Center.X),
                    "left" => mates.MinBy(s => s.Element.Bounds.Center.X),
                    "up" => mates.MinBy(s => s.Element.Bounds.Center.Y),
                    _ => mates.MaxBy(s => s.Element.Bounds.Center.Y),
                };
                if (end is not null && end.Element.Id != from.Item.Element.Id)
                {
                    from = new Candidate(end, from.Score, from.How);
                    only += $" (of the slider's {mates.Count} handles, the one nearest that end)";
                }
            }
        }

        if ((value is "first" or "last" || value?.StartsWith("below ", StringComparison.Ordinal) == true || value?.StartsWith("above ", StringComparison.Ordinal) == true)
            && from.Item.Role == "option" && ListBoxes(g.Page).ToList() is { Count: > 0 } boxes && ListOf(from.Item, boxes) is not null
            && g.Page.Items.Any(b => b.Role == "button" && !b.IsHidden && Phrase.Of($"{b.Display} {b.Element.Icon}").Tokens.Any(t => t is "up" or "down")))
        {
            // "Move Churn to the top", "move Churn below Revenue" in a list box with up / down buttons: pressed there.
            return Reorder(step, g, boxes, value is "first" ? "at 1" : value is "last" ? "at last" : value!);
        }

        if ((edge && sliders.Count == 0 || value is "first" or "last") && from.Item.Role != "slider" && ListEnd(from, value!, g) is { } atEnd)
        {
            return atEnd;
        }

        if (edge)
        {
            var view = g.Page.Observation.Geometry;
            var (x, y) = from.Item.Element.Bounds.Center;
            var (tx, ty) = value switch
            {
                "right" => (view.CssWidth - 2.0, y),
                "left" => (2.0, y),
                "up" => (x, 2.0),
                _ => (x, view.CssHeight - 2.0),
            };
            return Grounded(new DragAction(TargetOf(from), ActionTarget.At(tx, ty, CoordinateSpace.Css, $"the {value} edge of the page")), from, $"; dragged all the way {value}{only}");
        }

        if (number)
        {
            var amount = value!.Trim().TrimStart('$', '€', '£');
            return from.Item.Element is { Tag: "input", InputType: "range" }
                ? Grounded(new TypeTextAction(TargetOf(from), amount, ClearFirst: true), from, $"; set to {amount}")
                // A slider drawn by a script that says its value (aria-valuenow): stepped there with the arrow keys,
                // reading the value after each key, as a keyboard user does.
                : from.Item.Role == "slider" && !string.IsNullOrWhiteSpace(from.Item.Element.Value)
                ? Grounded(new TypeTextAction(TargetOf(from), amount, ClearFirst: true), from, $"; stepped to {amount} with the arrow keys")
                : new StepGrounding(GroundingStatus.NotFound, null, from.Confidence,
                    $"{from.Item.RoleWord} '{from.Item.Display}' is drawn by a script: where {amount} sits on its track is not known offline. " +
                    "Say \"all the way right/left\", or run with --model <provider:model>")
                {
                    Element = from.Item.Element,
                    Closest = from.Describe(),
                };
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            return new StepGrounding(GroundingStatus.NotFound, null, from.Confidence, $"drag {from.Item.RoleWord} '{from.Item.Display}' where? Say onto what, or all the way right/left/up/down")
            {
                Element = from.Item.Element,
            };
        }

        if (value.StartsWith("below ", StringComparison.Ordinal) || value.StartsWith("above ", StringComparison.Ordinal))
        {
            // Over the lower (upper) fifth of that element: a sortable list puts the dragged item after (before) it.
            var below = value.StartsWith("below ", StringComparison.Ordinal);
            var next = g.Find(new Search(value[6..], i => i.Element.Id != from.Item.Element.Id) { SoftContext = Soft(step) });
            if (!next.IsAtLeast(Min))
            {
                return NotFound("element to drop beside", next);
            }

            var b = next.Best!.Item.Element.Bounds;
            var (cx, _) = b.Center;
            var point = ActionTarget.At(cx, below ? b.Y + (b.Height * 0.8) : b.Y + (b.Height * 0.2), CoordinateSpace.Css,
                $"{(below ? "the lower" : "the upper")} part of {next.Best.Item.RoleWord} '{next.Best.Item.Display}'");
            return Grounded(new DragAction(TargetOf(from), point), Weaker(from, next.Best), $"; dropped {(below ? "below" : "above")} '{next.Best.Item.Display}'");
        }

        var onto = g.Find(new Search(value, i => i.Element.Id != from.Item.Element.Id) { SoftContext = Soft(step) });
        return onto.IsAtLeast(Min)
            ? Grounded(new DragAction(TargetOf(from), TargetOf(onto.Best!)), Weaker(from, onto.Best!), $"; onto {onto.Best!.Item.RoleWord} '{onto.Best!.Item.Display}'")
            : NotFound("drop target", onto);
    }

    private static string? SliderEdge(string value) => value.Replace("the ", "", StringComparison.Ordinal).Trim() switch
    {
        "max" or "maximum" or "highest" or "right" or "far right" or "end" => "right",
        "min" or "minimum" or "lowest" or "left" or "far left" or "start" => "left",
        _ => null,
    };

    // "Move Item 4 to the very top", "so that X comes first", "so it becomes the first tab": the items lined up with the
    // dragged one (same kind, same width, one column or one row) are its list; it is dropped over the near part of the
    // first (last) of them, where a sortable list puts it before (after) that one.
    private static StepGrounding? ListEnd(Candidate from, string value, Grounder g)
    {
        var me = from.Item.Element.Bounds;
        bool Alike(PageItem i) => !i.IsHidden && i.Role == from.Item.Role && Math.Abs(i.Element.Bounds.Width - me.Width) <= Math.Max(24, me.Width * 0.25);
        var column = g.Page.Items.Where(i => Alike(i) && Math.Abs(i.Element.Bounds.X - me.X) <= 12).OrderBy(i => i.Element.Bounds.Y).ToList();
        var row = g.Page.Items.Where(i => Alike(i) && Math.Abs(i.Element.Bounds.Center.Y - me.Center.Y) <= 8).OrderBy(i => i.Element.Bounds.X).ToList();
        var vertical = column.Count >= row.Count;
        var list = vertical ? column : row;
        if (list.Count < 2)
        {
            return null;
        }

        var first = value is "first" or "up" or "left";
        var end = first ? list[0] : list[^1];
        var where = first ? (vertical ? "top" : "start") : (vertical ? "bottom" : "end");
        if (end.Element.Id == from.Item.Element.Id)
        {
            return new StepGrounding(GroundingStatus.AlreadyDone, null, 1, $"{from.Item.RoleWord} '{from.Item.Display}' is already at the {where} of its list of {list.Count}");
        }

        var b = end.Element.Bounds;
        var point = vertical
            ? ActionTarget.At(b.Center.X, first ? b.Y + (b.Height * 0.2) : b.Y + (b.Height * 0.8), CoordinateSpace.Css, $"the {(first ? "upper" : "lower")} part of '{end.Display}'")
            : ActionTarget.At(first ? b.X + (b.Width * 0.2) : b.X + (b.Width * 0.8), b.Center.Y, CoordinateSpace.Css, $"the {(first ? "left" : "right")} part of '{end.Display}'");
        return Grounded(new DragAction(TargetOf(from), point), from, $"; dropped at the {where} of its list of {list.Count}, {(first ? "before" : "after")} '{end.Display}'")
            with { Repeats = true };
    }

    // "push the upper handle to 87", "move the left pointer", "the middle handle": a handle of a range slider known only
    // by its place on the track. The slider is the one the step's place names (its heading or nearby words), the one
    // with as many handles as "two-pointer" / "three handles" says, or the only one; the handle is counted along it.
    private (Candidate Pick, string Why)? HandleByPlace(InterpretedStep step, Grounder g, List<PageItem> sliders)
    {
        if (step.Target is null || HandleAt().Match(step.Target) is not { Success: true } at || sliders.Count == 0)
        {
            return null;
        }

        var tracks = sliders.GroupBy(s => Math.Round(s.Element.Bounds.Center.Y / 6)).Select(t => t.OrderBy(s => s.Element.Bounds.X).ToList())
            .Where(t => t.Count >= 2).ToList();
        List<PageItem>? track = null;
        if (step.Context is { Length: > 0 } place)
        {
            var named = g.Find(new Search(place, i => i.Role == "slider" && tracks.Any(t => t.Contains(i))) { VerbHint = RoleHint.Slider });
            track = named.IsAtLeast(Min) ? tracks.First(t => t.Contains(named.Best!.Item)) : null;
        }

        var said = HandleCount().Match($"{step.Context} {step.Text}");
        if (track is null && said.Success)
        {
            var n = said.Groups["n"].Value.ToLowerInvariant() switch { "double" => 2, "triple" => 3, var w => StepParser.NumberWord(w) ?? int.Parse(w, CultureInfo.InvariantCulture) };
            var sized = tracks.Where(t => t.Count == n).ToList();
            track = sized.Count == 1 ? sized[0] : null;
        }

        track ??= tracks.Count == 1 ? tracks[0] : null;
        if (track is null)
        {
            return null;
        }

        var word = at.Groups["at"].Value.ToLowerInvariant();
        int? index = word switch
        {
            "left" or "lower" or "first" or "min" or "minimum" or "start" or "bottom" => 0,
            "right" or "upper" or "last" or "max" or "maximum" or "end" or "top" => track.Count - 1,
            "middle" or "centre" or "center" => track.Count == 3 ? 1 : null,
            "second" => track.Count > 1 ? 1 : null,
            "third" => track.Count > 2 ? 2 : null,
            _ => null,
        };
        return index is { } k
            ? (new Candidate(track[k], Min, $"the {word} handle of its slider"), $" (the {word} of the {track.Count} handles on that slider)")
            : null;
    }

    [GeneratedRegex(@"\b(?<at>left|right|lower|upper|first|second|third|last|middle|centre|center|min|minimum|max|maximum|start|end|top|bottom)\s+(?:handle|pointer|thumb|knob)s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex HandleAt();

    [GeneratedRegex(@"\b(?<n>two|three|four|2|3|4|double|triple)[- ](?:pointer|handle|thumb|knob)s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex HandleCount();
}
