using System.Text.RegularExpressions;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>Steps that move: back, go to, drag, scroll, wait, search.</summary>
internal static partial class StepParser
{
    private static IEnumerable<InterpretedStep> ParseBack(string rest, string display, ClauseText q)
    {
        if (rest.Length == 0 || PreviousPage().IsMatch(rest))
        {
            return [Step(StepKind.GoBack, display)];
        }

        return rest.StartsWith("to ", StringComparison.OrdinalIgnoreCase)
            ? [Step(StepKind.Click, display, target: q.Restore(rest[3..], true)) with { Role = RoleHint.Link }]
            : [Step(StepKind.GoBack, display)];
    }

    private static IEnumerable<InterpretedStep> ParseGo(string rest, string display, ClauseText q)
    {
        var plain = q.Restore(rest, false);
        if (Urls.IsUrl(plain))
        {
            return [Step(StepKind.Navigate, display, value: Urls.Normalize(plain))];
        }

        var where = plain.Trim().ToLowerInvariant();
        if (where is "top" or "the top" or "the top of the page" or "top of the page")
        {
            return [Step(StepKind.Scroll, display, value: "top")];
        }

        if (where is "bottom" or "the bottom" or "the bottom of the page" or "bottom of the page" or "the end of the page")
        {
            return [Step(StepKind.Scroll, display, value: "bottom")];
        }

        if (OpenedThing(rest, display, q) is { } opener)
        {
            return [opener];
        }

        return [Step(StepKind.Click, display, target: q.Restore(rest, true)) with { Role = RoleHint.Link, Opens = true }];
    }

    // "Open the vertically centered modal", "Launch the first modal on the page", "open the Large modal from Sizes",
    // "bring up the bottom drawer": a modal, drawer or pop-up is opened by a control, named for it or under a heading that
    // names it; the words before the noun are that name or heading, the ordinal counts the controls that open one.
    private static InterpretedStep? OpenedThing(string rest, string display, ClauseText q)
    {
        if (OpenedNoun().Match(rest.Trim()) is not { Success: true } m)
        {
            return null;
        }

        var noun = m.Groups["noun"].Value;
        var place = m.Groups["place"].Success ? q.Restore(m.Groups["place"].Value.Trim(), true) : null;
        var ord = m.Groups["ord"].Success ? m.Groups["ord"].Value : null;
        var x = m.Groups["x"].Value.Trim();
        var name = x.Length > 0 ? q.Restore(x, true) : null;
        var step = Step(StepKind.Click, display) with { Opens = true, Context = place, AsWritten = q.Restore(rest, true) };
        return (name, ord) switch
        {
            (null, null) => null,
            (null, { } n) => step with { Target = $"the {n} {noun} button", Alternatives = [$"the {n} button"] },
            // "the "Create new user" dialog": quoted words are a name the page shows, most often the button's own.
            ({ } named, _) when place is not null || IsOneQuote(x) => step with { Target = $"{named} button", Alternatives = [$"the button under {named}"] },
            ({ } named, _) => step with { Target = $"the button under {named}", Alternatives = [$"{named} button"] },
        };
    }

    // "Drag "Item 1" onto "Trash"", "Move the slider all the way to the right", "Turn the Volume slider all the way down
    // to 0", "Slide the price slider to 300": what is dragged, then where — an element, an edge, or a number.
    private static InterpretedStep ParseDrag(string text, string rest, string display, ClauseText q)
    {
        if (ComesFirst().Match(rest) is { Success: true } order)
        {
            // "Reorder it so that "X" comes first", "Drag "3 - Empty" so it becomes the first tab": X to that end of its list.
            var what = order.Groups["from"].Value.Trim();
            var moved = Referent().IsMatch(what) && order.Groups["it"].Success ? order.Groups["it"].Value : what;
            var last = order.Groups["pos"].Value.ToLowerInvariant() is "last" or "bottom" or "rightmost" or "at the bottom" or "at the end";
            return Step(StepKind.Drag, display, target: q.Restore(moved.Trim(), true), value: last ? "last" : "first");
        }

        var whole = TargetQuery.StripPurpose(rest);
        string from, to;
        string? direction = null;
        if (DropBeside().Match(whole) is { Success: true } d)
        {
            // "Drag "Item 1" down and drop it below "Item 3"": dropped over the lower (or upper) part of that element.
            var where = d.Groups["rel"].Value.ToLowerInvariant() is "above" or "before" or "over" ? "above" : "below";
            return Step(StepKind.Drag, display, target: q.Restore(d.Groups["from"].Value.Trim(), true), value: $"{where} {q.Restore(d.Groups["to"].Value.Trim(), true)}");
        }

        if (DragTo().Match(whole) is { Success: true } m)
        {
            (from, to) = (m.Groups["from"].Value, m.Groups["to"].Value.Trim());
            direction = m.Groups["dir"].Success ? m.Groups["dir"].Value : null;
            if (m.Groups["all"].Success && direction is not null && !DragEdgeWord().IsMatch(to))
            {
                to = direction; // "all the way down to 0": the end, whatever number it shows
            }
        }
        else if (AllTheWay().Match(whole) is { Success: true } a)
        {
            (from, to) = (a.Groups["from"].Value, a.Groups["dir"].Value);
        }
        else
        {
            // "Move to the next page": no destination for anything, so not a drag; the words may name a control.
            return Implicit(text, display, q);
        }

        var value = DragEdgeWord().Match(to) is { Success: true } e
            ? Edge(e.Groups["edge"].Value)
            : q.Restore(to, false).Trim();
        return Step(StepKind.Drag, display, target: q.Restore(from.Trim(), true), value: value);
    }

    private static string Edge(string word) => word.ToLowerInvariant() switch
    {
        "right" or "end" or "maximum" or "max" or "highest" => "right",
        "left" or "start" or "beginning" or "minimum" or "min" or "lowest" => "left",
        "top" or "up" => "up",
        _ => "down",
    };

    private static InterpretedStep ParseScroll(string rest, string display, ClauseText q)
    {
        var r = q.Restore(rest, false).Trim();
        var lower = r.ToLowerInvariant();
        if (lower.Contains("all the way down", StringComparison.Ordinal))
        {
            return Step(StepKind.Scroll, display, value: "bottom");
        }

        if (lower.Contains("all the way up", StringComparison.Ordinal))
        {
            return Step(StepKind.Scroll, display, value: "top");
        }

        string? direction = null;
        foreach (var d in new[] { "down", "up", "left", "right" })
        {
            if (lower == d || lower.StartsWith(d + " ", StringComparison.Ordinal))
            {
                direction = d;
                r = r[d.Length..].Trim();
                lower = r.ToLowerInvariant();
                break;
            }
        }

        if (lower.StartsWith("to ", StringComparison.Ordinal))
        {
            var target = r[3..].Trim();
            var t = ScrollFillers().Replace(target.ToLowerInvariant(), "").Trim();
            if (t is "bottom" or "end" or "bottom of the page" or "end of the page" or "bottom of page" or "end of page" or "footer")
            {
                return Step(StepKind.Scroll, display, value: "bottom");
            }

            if (t is "top" or "start" or "beginning" or "top of the page" or "top of page" or "start of the page" or "header")
            {
                return Step(StepKind.Scroll, display, value: "top");
            }

            return Step(StepKind.Scroll, display, target: target, value: direction);
        }

        return Step(StepKind.Scroll, display, value: direction ?? "down");
    }

    private static InterpretedStep ParseWait(string rest, string display, ClauseText q)
    {
        var r = q.Restore(rest, false).Trim();
        var lower = r.ToLowerInvariant();
        var duration = Duration().Match(lower);
        if (duration.Success)
        {
            var n = double.Parse(duration.Groups[1].Value.Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture);
            var unit = duration.Groups[2].Value;
            var span = unit.StartsWith("ms", StringComparison.Ordinal) || unit.StartsWith("milli", StringComparison.Ordinal) ? TimeSpan.FromMilliseconds(n)
                : unit.StartsWith('m') ? TimeSpan.FromMinutes(n)
                : TimeSpan.FromSeconds(n);
            return Step(StepKind.Wait, display) with { Duration = span };
        }

        if (lower.Length == 0 || ShortWait().IsMatch(lower))
        {
            return Step(StepKind.Wait, display) with { Duration = TimeSpan.FromSeconds(1) };
        }

        if (FewSeconds().IsMatch(lower))
        {
            return Step(StepKind.Wait, display) with { Duration = TimeSpan.FromSeconds(3) };
        }

        if (PageLoad().IsMatch(lower))
        {
            return Step(StepKind.Wait, display) with { Duration = TimeSpan.FromSeconds(2) };
        }

        var forText = WaitFor().Match(rest);
        var what = forText.Success ? rest[forText.Length..] : rest;
        what = AppearSuffix().Replace(what, "").Trim();
        return Step(StepKind.WaitForText, display, value: q.Value(what));
    }

    private static InterpretedStep ParseSearch(string rest, string display, ClauseText q)
    {
        if (rest.StartsWith("for ", StringComparison.OrdinalIgnoreCase))
        {
            return Step(StepKind.Search, display, value: q.Value(rest[4..]));
        }

        return SplitFirst(rest, " for ") is { } s
            ? Step(StepKind.Search, display, target: q.Restore(s.Left, true), value: q.Value(s.Right))
            : Step(StepKind.Search, display, value: q.Value(rest));
    }
}
