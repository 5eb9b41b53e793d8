using System.Globalization;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// Grounds one parsed step on one page: finds the element, builds the action, or says clearly why not. Words decide
/// first; only when they find nothing good enough does the meaning model (when configured) get a say.
/// </summary>
internal sealed class StepResolver(StepInterpreterOptions options, MeaningMatcher? meaning = null)
{
    private static readonly HashSet<string> OnWords = ["on", "yes", "true", "checked", "ticked", "enabled", "active", "selected"];
    private static readonly HashSet<string> OffWords = ["off", "no", "false", "unchecked", "unticked", "disabled", "inactive", "deselected"];

    // A field name read out of a sentence with no "into"/"with" must match this well to be trusted.
    private const double StrictPair = 0.8;

    private double Min => options.MinScore;

    public StepGrounding Resolve(InterpretedStep step, PageIndex page, IReadOnlySet<int> penalized, string? task = null, IReadOnlySet<int>? fresh = null)
    {
        var g = new Grounder(page, penalized, new TaskEcho(task ?? step.Text, step)) { Fresh = fresh ?? new HashSet<int>() };
        var grounded = ByKind(step, g);
        return grounded.Status is GroundingStatus.NotFound or GroundingStatus.NotUnderstood && ControlSayingTheStep(step, g) is { } said
            ? said
            : grounded;
    }

    /// <summary>
    /// "Clear completed todos" on a page with a "Clear completed" button, "Mark all as complete" with such a control: when
    /// the verb's usual reading finds nothing, a button, link or tab whose name is the step's own first words (verb
    /// included, at least two words) is what the step means. Only when what is left over is plain lower-case words —
    /// never a quoted value, a number or a name ("Delete customer Grace Hopper" never becomes a "Delete customer" click).
    /// </summary>
    private static StepGrounding? ControlSayingTheStep(InterpretedStep step, Grounder g)
    {
        if (step.Text.Contains('"', StringComparison.Ordinal) || step.Kind is StepKind.Navigate or StepKind.GoBack or StepKind.Wait
            or StepKind.WaitForText or StepKind.PressKey or StepKind.Scroll)
        {
            return null;
        }

        var words = step.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => w.Trim('.', ',', ';', '!', '?', ':')).Where(w => w.Length > 0).ToArray();
        var tokens = words.Select(w => TextMatch.Normalize(w)).ToArray();
        Candidate? best = null;
        var bestLength = 0;
        foreach (var item in g.Page.Items)
        {
            if (!item.IsInteractive || item.IsEditable || item.IsSelectable || item.Element.Disabled || item.IsHidden)
            {
                continue;
            }

            var name = Phrase.Of(item.Display).Tokens;
            if (name.Length < 2 || name.Length > tokens.Length || !name.SequenceEqual(tokens[..name.Length], StringComparer.Ordinal))
            {
                continue;
            }

            var rest = words[name.Length..];
            if (rest.Any(w => w.Any(char.IsDigit) || char.IsUpper(w[0])) || name.Length <= bestLength)
            {
                continue;
            }

            best = new Candidate(item, 0.8, "its name is the step's own words");
            bestLength = name.Length;
        }

        if (best is null)
        {
            return null;
        }

        return best.Item.IsCheckable ? ChoiceResult(best, desired: step.Kind != StepKind.Uncheck) : Grounded(new ClickAction(TargetOf(best)), best);
    }

    private StepGrounding ByKind(InterpretedStep step, Grounder g)
    {
        return step.Kind switch
        {
            StepKind.Click => Pointer(step, g, (t, _) => new ClickAction(t) { Modifiers = step.Value }),
            StepKind.DoubleClick => Pointer(step, g, (t, _) => new ClickAction(t, MouseButtonKind.Left, 2)),
            StepKind.RightClick => Pointer(step, g, (t, _) => new ClickAction(t, MouseButtonKind.Right)),
            StepKind.Hover => Pointer(step, g, (t, _) => new HoverAction(t)),
            StepKind.Type => Type(step, g),
            StepKind.Fill => Fill(step, g, step.Target, step.Value is null ? Min : StrictPair) is { } fill ? fill : FillFallback(step, g),
            StepKind.Clear => Clear(step, g),
            StepKind.Select => Select(step, g),
            StepKind.Check => Check(step, g, desired: true),
            StepKind.Uncheck => Check(step, g, desired: false),
            StepKind.Set => Set(step, g, step.Target, step.Value),
            StepKind.Search => SearchBox(step, g),
            StepKind.PressKey => Fixed(new PressKeyAction(step.Value ?? "Enter"), $"press {step.Value}"),
            StepKind.Scroll => Scroll(step, g),
            StepKind.Drag => Drag(step, g),
            StepKind.Navigate => Fixed(new NavigateAction(step.Value ?? "/"), $"go to {step.Value}"),
            StepKind.GoBack => Fixed(new GoBackAction(), "go back"),
            StepKind.Wait => Fixed(new WaitAction(step.Duration ?? TimeSpan.FromSeconds(1)), "wait as asked"),
            StepKind.WaitForText => Fixed(new WaitAction(options.WaitForTextTimeout, step.Value), $"wait for '{step.Value}'"),
            StepKind.Implicit => Implicit(step, g),
            StepKind.Keep => KeptState.Check(step, g),
            _ => new StepGrounding(GroundingStatus.NotUnderstood, null, 0, $"steps of kind {step.Kind} are not supported"),
        };
    }

    private static StepGrounding Fixed(BrowserAction action, string reason) => new(GroundingStatus.Grounded, action, 1, reason);

    private static ActionTarget TargetOf(Candidate c) => ActionTarget.Element(c.Item.Element.Id, c.Item.Display);

    private static StepGrounding Grounded(BrowserAction action, Candidate c, string? extra = null) =>
        new(GroundingStatus.Grounded, action, c.Confidence, Matched(c) + extra) { Element = c.Item.Element };

    private static string Matched(Candidate c) =>
        FormattableString.Invariant($"matched '{c.Item.Display}' {c.Item.RoleWord} by {c.How} (score {c.Confidence:0.00})");

    private static StepGrounding NotFound(string what, Found found, string? detail = null)
    {
        var closest = found.Best is { } b ? $" (closest: {b.Describe()})" : " (nothing on the page comes close)";
        return new StepGrounding(GroundingStatus.NotFound, null, found.Best?.Confidence ?? 0,
            detail ?? $"no {what} matches '{found.Display}'{closest}")
        {
            Closest = found.Best?.Describe(),
        };
    }

    private StepGrounding Pointer(InterpretedStep step, Grounder g, Func<ActionTarget, Candidate, BrowserAction> make)
    {
        // "Delete customer Grace Hopper": the control must sit by the name (or number, or quoted words) the owner spells.
        var owner = step.ContextIsOwner && step.Context is { } o ? Specific(o) : [];
        var owners = owner.Count == 0 ? [] : g.Page.Items.Where(i => owner.All(t => i.Labels.Any(l => l.Phrase.Tokens.Contains(t)))).ToList();

        // Worked out once: the filter runs for every reading of every search below.
        var besideOwner = owners.Count == 0 ? [] : g.Page.Items.Where(i => owners.Any(w => Beside(w, i, g.Page.Items))).Select(i => i.Element.Id).ToHashSet();
        Search Where(Func<PageItem, bool> also) => new(step.Target, i => (owner.Count == 0 || owner.Any(t => Surrounds(i, t)) || besideOwner.Contains(i.Element.Id)) && also(i))
        {
            Alternatives = step.Alternatives,
            VerbHint = step.Role,
            SoftContext = Soft(step),
            ForClick = true,
        };
        var found = g.Find(Where(_ => true));

        // "Double-click the todo "Walk dog" to edit it": a double-click on a box would only tick and untick it; the text
        // beside the box (named by it) is what opens for editing.
        if (step.Kind == StepKind.DoubleClick && found.Best is { Item.IsCheckable: true } box
            && g.Find(Where(i => !i.IsCheckable)) is { } text && text.IsAtLeast(Min) && text.Best!.Score >= box.Score * 0.8)
        {
            found = text;
        }

        if (found.IsAtLeast(Min))
        {
            return Grounded(make(TargetOf(found.Best!), found.Best!), found.Best!);
        }

        // "Click the button to wipe the form" on a page whose button says "Reset": the words failed, the meaning may not.
        return ByMeaning(g, step.Text, i => i.IsInteractive && !i.IsEditable && !i.IsSelectable) is { } m
            ? Grounded(make(TargetOf(m), m), m)
            : NotFound("element", found);
    }

    // The words of an owner phrase that single someone or something out: capitalised names, numbers, quoted words.
    private static List<string> Specific(string owner)
    {
        var specific = new List<string>();
        foreach (var raw in owner.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var w = raw.Trim('.', ',', ';', ':', '!', '?', '(', ')');
            if (w.Length > 0 && (w.Any(char.IsDigit) || char.IsUpper(w[0]) || raw.Contains('"', StringComparison.Ordinal)))
            {
                specific.AddRange(Phrase.Of(w).Tokens);
            }
        }

        return specific.Where(t => !TextMatch.IsStopWord(t)).ToList();
    }

    // On the same line, just after or before the owner ("Proin dolor ×" in a tab strip), and nearer to it than to any
    // other named element there (the × after "Nunc tincidunt" is that tab's, though "Proin dolor" follows it closely).
    private static bool Beside(PageItem owner, PageItem item, IReadOnlyList<PageItem> all)
    {
        if (owner.Element.Id == item.Element.Id || Gap(owner, item) is not { } gap || gap > 40)
        {
            return false;
        }

        return !all.Any(other => other.Element.Id != owner.Element.Id && other.Element.Id != item.Element.Id && !other.IsHidden
            && other.Element.Label.Length > 0 && other.Element.Label != item.Element.Label && Gap(other, item) is { } g && g < gap);
    }

    // Horizontal gap between two elements on the same line; null when they are not on one line.
    private static double? Gap(PageItem x, PageItem y)
    {
        var a = x.Element.Bounds;
        var b = y.Element.Bounds;
        if (!(a.Y < b.Bottom && b.Y < a.Bottom))
        {
            return null;
        }

        return b.X >= a.X + a.Width ? b.X - (a.X + a.Width) : a.X >= b.X + b.Width ? a.X - (b.X + b.Width) : 0;
    }

    private static bool Surrounds(PageItem item, string token) =>
        item.Context.Contains(token) || item.Labels.Any(l => l.Phrase.Tokens.Contains(token));

    // Drags its target onto another element, to an edge of the page (a slider all the way: the slider stops at its end),
    // or sets a range input to a number. A script-drawn slider is not set to a number: where a value sits on its track
    // is not known without a model.
    private StepGrounding Drag(InterpretedStep step, Grounder g)
    {
        var value = step.Value;
        var edge = value is "right" or "left" or "up" or "down";
        var number = value is not null && !edge && decimal.TryParse(value.Trim().TrimStart('$', '€', '£').Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out _);
        var found = g.Find(new Search(step.Target, i => !i.IsEditable || i.Role == "slider")
        {
            VerbHint = edge || number ? RoleHint.Slider : RoleHint.None,
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

        if (!found.IsAtLeast(Min))
        {
            return NotFound("element", found);
        }

        var from = found.Best!;
        if (edge && from.Item.Role == "slider")
        {
            // A range slider has two handles on one track: "all the way right" moves the one nearest that end (the
            // other would stop at it).
            var (fx, fy) = from.Item.Element.Bounds.Center;
            var horizontal = value is "right" or "left";
            var mates = sliders.Where(s => horizontal ? Math.Abs(s.Element.Bounds.Center.Y - fy) < 4 : Math.Abs(s.Element.Bounds.Center.X - fx) < 4)
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

    private static Candidate Weaker(Candidate a, Candidate b) => a.Score <= b.Score ? a : b;

    private static Phrase? Soft(InterpretedStep step) => step.Context is null ? null : Phrase.Of(step.Context);

    private static Search Fields(string? target, InterpretedStep step) => new(target, i => i.IsEditable || i.IsSelectable)
    {
        VerbHint = RoleHint.Field,
        SoftContext = Soft(step),
    };

    private StepGrounding Type(InterpretedStep step, Grounder g)
    {
        var value = step.Value ?? "";
        if (step.Target is null && step.Context is { } noun)
        {
            // "Add the todo X": the field for new entries, by the thing's name, else the first empty text field in view.
            var named = g.Find(new Search(noun, i => i.IsEditable && !i.Element.Disabled) { VerbHint = RoleHint.Field });
            if (named.IsAtLeast(Min))
            {
                return Into(named.Best!, value, named);
            }

            if (g.Page.Items.FirstOrDefault(i => i.IsEditable && !i.Element.Disabled && !i.Element.IsOffscreen && !i.IsHidden
                    && string.IsNullOrEmpty(i.Element.Value) && i.Role is "textbox" or "searchbox") is { } empty)
            {
                var c = new Candidate(empty, 0.8, "first empty text field");
                return Grounded(new TypeTextAction(TargetOf(c), value, ClearFirst: true), c, $"; no field is named '{noun}': the first empty text field");
            }
        }

        if (step.Target is null)
        {
            return new StepGrounding(GroundingStatus.Grounded, new TypeTextAction(null, value, ClearFirst: false), 0.9,
                "no field named: typing where the focus is");
        }

        var found = g.Find(Fields(step.Target, step) with { Alternatives = step.Alternatives });
        return found.IsAtLeast(Min) ? Into(found.Best!, value, found) : NotFound("field", found);
    }

    // Types into an input, or chooses the option in a select.
    private StepGrounding Into(Candidate field, string value, Found found, double? score = null)
    {
        if (field.Item.IsCustomDropdown)
        {
            // Its options exist only once it is open: the executor clicks it open and clicks the option that shows.
            var open = score is { } o ? field with { Score = o } : field;
            return Grounded(new SelectOptionAction(TargetOf(field), value), open, $"; option '{value}' (a script-drawn drop-down: opened, then its option clicked)");
        }

        if (field.Item.IsSelectable)
        {
            var (option, optionScore) = Grounder.BestOption(value, field.Item);
            var how = FormattableString.Invariant($"score {Math.Min(1, optionScore):0.00}");
            if (option is null || optionScore < options.MinOptionScore)
            {
                // "arrived late" is no option's words, but it is what "Late delivery" means.
                if (MeaningOption(value, field.Item) is not { } pick)
                {
                    return NoOption(field, value, found);
                }

                (option, optionScore, how) = (pick.Text, Math.Max(Min, pick.Similarity), pick.Describe());
            }

            var combined = field with { Score = Math.Min(score ?? field.Score, optionScore) };
            return Grounded(new SelectOptionAction(TargetOf(field), option), combined, $"; option '{option}' ({how})");
        }

        var typed = score is { } s ? field with { Score = s } : field;
        return Grounded(new TypeTextAction(TargetOf(field), value, ClearFirst: true), typed);
    }

    private static StepGrounding NoOption(Candidate field, string value, Found found) =>
        new(GroundingStatus.NotFound, null, 0,
            $"{field.Item.RoleWord} '{field.Item.Display}' has no option like '{value}' (options: {string.Join(", ", field.Item.Element.Options)})")
        {
            Element = field.Item.Element,
            Closest = found.Best?.Describe(),
        };

    // "the username ops": try every split into field name + value and keep the split whose field matches best.
    private StepGrounding? Fill(InterpretedStep step, Grounder g, string? phrase, double min, bool valueFirst = true)
    {
        if (string.IsNullOrWhiteSpace(phrase))
        {
            return null;
        }

        var text = phrase;
        var quote = text.IndexOf('"', StringComparison.Ordinal);
        var splits = new List<(string Label, string Value, double Weight)>();
        if (quote > 0 && text.LastIndexOf('"') > quote)
        {
            splits.Add((text[..quote].Trim(), text[(quote + 1)..text.LastIndexOf('"')], 1));
        }
        else
        {
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .SkipWhile(w => w.Equals("the", StringComparison.OrdinalIgnoreCase) || w.Equals("a", StringComparison.OrdinalIgnoreCase)
                    || w.Equals("an", StringComparison.OrdinalIgnoreCase) || w.Equals("my", StringComparison.OrdinalIgnoreCase))
                .ToArray();
            for (var k = 1; k < words.Length; k++)
            {
                splits.Add((string.Join(' ', words[..k]), string.Join(' ', words[k..]), 1));
            }

            // "Enter 3 guests": after a typing verb the value may come first; the usual order wins ties.
            for (var k = words.Length - 1; valueFirst && k >= 1; k--)
            {
                splits.Add((string.Join(' ', words[k..]), string.Join(' ', words[..k]), 0.95));
            }
        }

        StepGrounding? best = null;
        foreach (var (label, value, weight) in splits)
        {
            if (label.Length == 0 || value.Length == 0)
            {
                continue;
            }

            var found = g.Find(Fields(label, step));
            if (!found.IsAtLeast(min / weight))
            {
                continue;
            }

            var result = Into(found.Best!, value.Trim().Trim(':').Trim(), found, found.Best!.Score * weight);
            if (result.Status == GroundingStatus.Grounded && (best is null || result.Score > best.Score + 1e-9))
            {
                best = result;
            }
        }

        return best;
    }

    private StepGrounding FillFallback(InterpretedStep step, Grounder g)
    {
        if (step.Value is { } whole)
        {
            return new StepGrounding(GroundingStatus.Grounded, new TypeTextAction(null, whole, ClearFirst: false), 0.5,
                $"no field named in '{step.Target}': typing it where the focus is");
        }

        var found = g.Find(Fields(step.Target, step));
        return NotFound("field", found, $"no field and value found in '{step.Target}' (closest field: {found.Best?.Describe() ?? "none"})");
    }

    private StepGrounding Clear(InterpretedStep step, Grounder g)
    {
        var found = g.Find(new Search(step.Target, i => i.IsEditable) { VerbHint = RoleHint.Field, SoftContext = Soft(step) });
        return found.IsAtLeast(Min)
            ? Grounded(new TypeTextAction(TargetOf(found.Best!), "", ClearFirst: true), found.Best!)
            : NotFound("field", found);
    }

    // Seen only in pixels (OCR or shapes): the role is a guess, so drop-downs look like fields and labels like text.
    private static bool IsFromPixels(PageItem i) =>
        !i.Element.Source.HasFlag(ElementSource.Dom) && (i.Element.Source & (ElementSource.Ocr | ElementSource.Pixels)) != 0;

    private static bool IsPixelField(PageItem i) => IsFromPixels(i) && (i.IsEditable || i.Role == "button");

    private static bool IsChoice(PageItem i) => i.IsCheckable || i.IsBoxLabel || i.Role is "tab" or "option" or "menuitem" or "treeitem";

    private StepGrounding Select(InterpretedStep step, Grounder g)
    {
        var value = step.Value ?? "";
        var results = new List<StepGrounding>();
        StepGrounding? noOption = null;
        Found? field = null;
        var onlyRole = step.Target is { } t0 && TargetQuery.StripRoleWords(TargetQuery.StripPurpose(t0)).Main.Trim().Length == 0;
        if (step.Target is { } target && !onlyRole)
        {
            field = g.Find(new Search(target, i => i.IsSelectable) { VerbHint = RoleHint.Select, SoftContext = Soft(step) });
            if (field.IsAtLeast(Min))
            {
                var r = Into(field.Best!, value, field);
                if (r.Status == GroundingStatus.Grounded)
                {
                    results.Add(r);
                }
                else
                {
                    noOption = r;
                }
            }
            else if (g.Find(new Search(target, IsPixelField) { VerbHint = RoleHint.Field, SoftContext = Soft(step) }) is { } seen && seen.IsAtLeast(Min))
            {
                // A drop-down seen only in pixels (OCR + shapes) looks like a field and its options are unknown: ask the
                // executor to open it and choose the option; it says which options exist when none matches.
                field = seen;
                results.Add(Grounded(new SelectOptionAction(TargetOf(seen.Best!), value), seen.Best!, $"; option '{value}' (seen in pixels, options unknown)"));
            }
            else if (value.Length > 0 && g.Find(new Search(target, i => i.IsEditable && i.Role is "textbox" or "combobox" or "searchbox" && !i.Element.IsSecret)
                     { VerbHint = RoleHint.Field, SoftContext = Soft(step) }) is { } typed && typed.IsAtLeast(Min))
            {
                // "Choose "Python" as your preferred language" where the language is a text field with suggestions (an
                // autocomplete or a combobox drawn over a hidden select): the value is typed and its suggestion picked.
                field = typed;
                var c = typed.Best! with { Score = typed.Best!.Score * 0.95 };
                results.Add(Grounded(new SelectOptionAction(TargetOf(c), value), c, $"; '{value}' typed and its suggestion picked"));
            }
        }
        else
        {
            foreach (var item in g.Page.Items.Where(i => i.IsSelectable))
            {
                var (option, score) = Grounder.BestOption(value, item);
                if (option is not null && score >= options.MinOptionScore)
                {
                    var c = new Candidate(item, score * 0.95 * (item.Element.Disabled ? 0.6 : 1), "option");
                    results.Add(Grounded(new SelectOptionAction(TargetOf(c), option), c,
                        FormattableString.Invariant($"; option '{option}'")));
                }
            }
        }

        // "Choose Store credit", "Select Store credit as the refund method": a radio, checkbox or tab of that name.
        // Seen only in pixels, a radio's label is text; clicking the label chooses it, as it does for a person.
        var choice = g.Find(new Search(value, i => IsChoice(i) || i.IsInteractive || IsFromPixels(i))
        {
            RequiredContext = step.Target is null ? null : Phrase.Of(TargetQuery.StripRoleWords(step.Target).Main),
            ForClick = true,
        });
        if (choice.Best is { } chosen && !IsChoice(chosen.Item))
        {
            choice = choice with { Best = chosen with { Score = chosen.Score * 0.9 } };
        }

        if (choice.IsAtLeast(Min))
        {
            results.Add(ChoiceResult(choice.Best!, desired: true));
        }

        if (results.Count == 0 && step.Target is not null && value.Length > 0 && field?.IsAtLeast(Min) != true
            && OnlySelectOffering(g, value) is { } only)
        {
            // "Choose "SUV" as the car type" where no select is called that (an unlabelled select): the one select on the
            // page that offers exactly that option; two that offer it are a guess, so neither is taken.
            results.Add(Grounded(new SelectOptionAction(TargetOf(only.Select), only.Option), only.Select,
                $"; option '{only.Option}': nothing is called '{TargetQuery.StripRoleWords(step.Target).Main}', and this is the only select that offers it"));
        }

        if (results.Count == 0 && step.Target is null && value.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: >= 2 } words)
        {
            // "pick Luxury, Standard transmission, and 2 cars": the first words are the option, the rest say which field
            // ("Standard" of the transmission select), when one select alone offers those words.
            for (var n = words.Length - 1; n >= 1; n--)
            {
                if (OnlySelectOffering(g, string.Join(' ', words[..n])) is { } head)
                {
                    results.Add(Grounded(new SelectOptionAction(TargetOf(head.Select), head.Option), head.Select,
                        $"; option '{head.Option}' ('{string.Join(' ', words[n..])}' taken as the field's name): the only select that offers it"));
                    break;
                }
            }
        }

        if (results.Count == 0 && step.Target is null && meaning is not null)
        {
            // "Choose arrived late": no option's words; the one option of all the selects that means it, if clearly one.
            var pairs = g.Page.Items.Where(i => i.IsSelectable && !i.IsCustomDropdown && !i.Element.Disabled)
                .SelectMany(i => i.Element.Options.Select(o => (Item: i, Option: o))).ToList();
            if (meaning.Best(value, pairs.Select(p => (IReadOnlyList<string>)[p.Option]).ToList()) is { } pick)
            {
                var (item, option) = pairs[pick.Index];
                var c = new Candidate(item, Math.Max(Min, pick.Similarity), pick.Describe());
                results.Add(Grounded(new SelectOptionAction(TargetOf(c), option), c, $"; option '{option}' ({pick.Describe()})"));
            }
        }

        var best = results.Where(r => r.Score >= Min || r.Status == GroundingStatus.AlreadyDone).MaxBy(r => r.Score);
        if (best is not null)
        {
            return best;
        }

        // "Select Item 3 in the list": items of a script-made list are plain text; one shown with exactly that name.
        var listItem = g.Find(new Search(value, i => i.Role is "text" or "listitem" or "cell" && !i.Element.IsOffscreen) { ForClick = true });
        if (listItem.Best is { } exact && exact.Item.Labels.Any(l => l.Phrase.Norm == Phrase.Of(value).Norm) && listItem.IsAtLeast(Min))
        {
            return Grounded(new ClickAction(TargetOf(exact)), exact, "; a list item shown as text");
        }

        return noOption ?? NotFound(step.Target is null ? "option or choice" : "select", field ?? choice,
            step.Target is null ? $"no select has an option like '{value}' and nothing on the page is called that (closest: {choice.Best?.Describe() ?? "none"})" : null);
    }

    // The one enabled select on the page offering exactly this option (names compared normalised), or null when none or several do.
    private (Candidate Select, string Option)? OnlySelectOffering(Grounder g, string value)
    {
        var wanted = Phrase.Of(value).Norm;
        if (wanted.Length == 0)
        {
            return null;
        }

        var offering = g.Page.Items.Where(i => i.IsSelectable && !i.Element.Disabled && i.Element.Options.Any(o => Phrase.Of(o).Norm == wanted)).ToList();
        return offering.Count == 1
            ? (new Candidate(offering[0], Math.Max(Min, 0.6), "the only select offering it"), offering[0].Element.Options.First(o => Phrase.Of(o).Norm == wanted))
            : null;
    }

    // A checkbox, switch or radio: click only when its state differs from the wanted one.
    private static StepGrounding ChoiceResult(Candidate c, bool desired)
    {
        var state = c.Item.Element.Checked;
        if (c.Item.IsCheckable && state == desired)
        {
            return new StepGrounding(GroundingStatus.AlreadyDone, null, c.Confidence,
                $"{c.Item.RoleWord} '{c.Item.Display}' is already {(desired ? (c.Item.IsRadio ? "selected" : "checked") : "unchecked")}; nothing to do")
            {
                Element = c.Item.Element,
            };
        }

        if (c.Item.IsCheckable && !desired && c.Item.IsRadio)
        {
            return new StepGrounding(GroundingStatus.NotFound, null, 0,
                $"'{c.Item.Display}' is a radio button: it cannot be unchecked, choose another option instead") { Element = c.Item.Element };
        }

        return Grounded(new ClickAction(TargetOf(c)), c);
    }

    private StepGrounding Check(InterpretedStep step, Grounder g, bool desired)
    {
        var found = g.Find(new Search(step.Target, i => i.IsCheckable) { SoftContext = Soft(step) });
        if (found.IsAtLeast(Min))
        {
            return ChoiceResult(found.Best!, desired);
        }

        // A styled box: the page hides the input and shows its label; its state is unknown here, so only ticking is
        // done this way (clicking to untick could tick a box that was already clear).
        var label = g.Find(new Search(step.Target, i => i.IsBoxLabel) { SoftContext = Soft(step), ForClick = true });
        if (desired && label.IsAtLeast(Min))
        {
            return Grounded(new ClickAction(TargetOf(label.Best!)), label.Best!, "; the label of a box the page hides");
        }

        if (step.Target is { } named && ByMeaning(g, named, i => i.IsCheckable) is { } box)
        {
            return ChoiceResult(box, desired);
        }

        if (step.Alternatives.Count > 0)
        {
            // "Accept the cookies" is a button on most pages.
            var button = g.Find(new Search(null, i => i.IsInteractive && !i.IsCheckable && !i.IsEditable) { Alternatives = step.Alternatives, ForClick = true });
            if (button.IsAtLeast(Min))
            {
                return Grounded(new ClickAction(TargetOf(button.Best!)), button.Best!);
            }
        }

        return NotFound("checkbox or switch", found);
    }

    private StepGrounding Set(InterpretedStep step, Grounder g, string? target, string? value)
    {
        value ??= "";
        var lower = value.Trim().ToLowerInvariant();

        // "Set the slider to 50", "Set the volume slider to the maximum": a slider is dragged or set, never typed into.
        if (TargetQuery.StripRoleWords(target ?? "").Hint == RoleHint.Slider)
        {
            return Drag(step with { Target = target, Value = SliderEdge(lower) ?? value }, g);
        }

        if (OnWords.Contains(lower) || OffWords.Contains(lower))
        {
            var toggle = g.Find(new Search(target, i => i.IsCheckable) { SoftContext = Soft(step) });
            if (toggle.IsAtLeast(Min))
            {
                return ChoiceResult(toggle.Best!, OnWords.Contains(lower));
            }
        }

        var results = new List<StepGrounding>();
        StepGrounding? noOption = null;
        var field = g.Find(Fields(target, step));
        if (field.IsAtLeast(Min))
        {
            var r = Into(field.Best!, value, field);
            if (r.Status == GroundingStatus.Grounded)
            {
                results.Add(r);
            }
            else
            {
                noOption = r;
            }
        }

        // "Set the refund method to Store credit": a radio named like the value, in a group named like the field.
        var choice = g.Find(new Search(value, IsChoice)
        {
            RequiredContext = target is null ? null : Phrase.Of(TargetQuery.StripRoleWords(target).Main),
        });
        if (choice.IsAtLeast(Min))
        {
            results.Add(ChoiceResult(choice.Best!, desired: true));
        }

        var best = results.MaxBy(r => r.Score);
        return best ?? noOption ?? NotFound("field", field);
    }

    private StepGrounding SearchBox(InterpretedStep step, Grounder g)
    {
        var where = step.Target is null ? null : Phrase.Of(TargetQuery.StripRoleWords(step.Target).Main);
        Candidate? best = null;
        foreach (var item in g.Page.Items.Where(i => i.IsEditable))
        {
            var isSearch = item.Role == "searchbox" || string.Equals(item.Element.InputType, "search", StringComparison.OrdinalIgnoreCase);
            var named = item.Labels.Any(l => l.Phrase.Tokens.Any(t => TextMatch.TokenSimilarity(t, "search") >= 0.85));
            var score = isSearch ? 0.9 : named ? 0.85 : 0;
            if (score == 0)
            {
                continue;
            }

            if (where is { IsEmpty: false })
            {
                score *= 0.6 + (0.4 * item.Labels.Max(l => TextMatch.Similarity(where, l.Phrase, item.Context)));
            }

            score *= item.Element.Disabled ? 0.6 : item.IsHidden ? 0.5 : 1;
            if (best is null || score > best.Score + 1e-9)
            {
                best = new Candidate(item, score, isSearch ? "search role" : "label");
            }
        }

        if (best is null || best.Score < Min)
        {
            return new StepGrounding(GroundingStatus.NotFound, null, best?.Confidence ?? 0,
                $"no search box on the page{(best is null ? "" : $" (closest: {best.Describe()})")}");
        }

        return Grounded(new TypeTextAction(TargetOf(best), step.Value ?? "", ClearFirst: true, PressEnter: true), best);
    }

    // The element whose names mean the query, among visible enabled ones that pass the filter; null when none is clearly best.
    private Candidate? ByMeaning(Grounder g, string? query, Func<PageItem, bool> filter)
    {
        if (meaning is null || string.IsNullOrWhiteSpace(query))
        {
            return null;
        }

        var items = g.Page.Items.Where(i => filter(i) && !i.IsHidden && !i.Element.Disabled).ToList();
        var names = items.Select(Names).ToList();
        return meaning.Best(query, names) is { } pick
            ? new Candidate(items[pick.Index], Math.Max(Min, pick.Similarity), pick.Describe())
            : null;
    }

    private static IReadOnlyList<string> Names(PageItem item) =>
        item.Labels.Where(l => !l.IsSynthetic).Select(l => l.Phrase.Raw).Append(item.Display)
            .Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal).ToList();

    private MeaningPick? MeaningOption(string value, PageItem select) =>
        meaning is null || string.IsNullOrWhiteSpace(value)
            ? null
            : meaning.Best(value, select.Element.Options.Select(o => (IReadOnlyList<string>)[o]).ToList());

    // "Refresh the inbox", "Close the dialog": the sentence's first word is exactly a one-word button's name.
    private static Candidate? VerbButton(Grounder g, string sentence)
    {
        var first = Phrase.Of(sentence).Tokens.FirstOrDefault();

        // A sentence that carries a value ("Apply discount code SPRING10") asks for more than one button press.
        if (first is null || sentence.Any(char.IsAsciiDigit) || sentence.Contains('"', StringComparison.Ordinal))
        {
            return null;
        }

        var matches = g.Page.Items
            .Where(i => i.Role is "button" or "link" && !i.IsHidden && !i.Element.Disabled)
            .Where(i => i.Labels.Any(l => !l.IsSynthetic && l.Phrase.Content.Length == 1 && l.Phrase.Content[0] == first))
            .ToList();
        return matches.Count == 1 ? new Candidate(matches[0], 0.65, "its name as the verb") : null;
    }

    private StepGrounding Scroll(InterpretedStep step, Grounder g)
    {
        if (step.Target is not null)
        {
            var found = g.Find(new Search(step.Target, _ => true));
            if (!found.IsAtLeast(Min))
            {
                return NotFound("element", found);
            }

            var height = g.Page.Observation.Geometry.CssHeight;
            var delta = found.Best!.Item.Element.Bounds.Y - (height / 3.0);
            return Grounded(new ScrollAction(0, Math.Round(delta)), found.Best!, "; scrolling it into view");
        }

        var step600 = options.ScrollStep;
        const double ToEnd = 100_000;
        var action = step.Value switch
        {
            "up" => new ScrollAction(0, -step600),
            "left" => new ScrollAction(-step600, 0),
            "right" => new ScrollAction(step600, 0),
            "top" => new ScrollAction(0, -ToEnd),
            "bottom" => new ScrollAction(0, ToEnd),
            _ => new ScrollAction(0, step600),
        };
        return Fixed(action, $"scroll {step.Value ?? "down"}");
    }

    private StepGrounding Implicit(InterpretedStep step, Grounder g)
    {
        // "Amount: 42.00", "Reason = Wrong size"
        if (step.Target is { } field && step.Value is { } value)
        {
            var set = Set(step, g, field, value);
            if (set.Status is GroundingStatus.Grounded or GroundingStatus.AlreadyDone && set.Score >= Min)
            {
                return set;
            }
        }

        var text = step.Text.Replace(":", " ", StringComparison.Ordinal).Replace("=", " ", StringComparison.Ordinal);
        var results = new List<StepGrounding>();

        // "Sort by newest": a field name followed by its value, accepted only when the field name matches well.
        if (Fill(step, g, text, StrictPair, valueFirst: false) is { } pair)
        {
            results.Add(pair);
        }

        // "Sign out", "Submit the refund", "Delete customer Grace Hopper": the sentence names a control.
        var control = g.Find(new Search(step.Text, i => i.IsInteractive && !i.IsEditable && !i.IsSelectable) { ForClick = true });
        if (control.IsAtLeast(Min))
        {
            var c = control.Best!;
            results.Add(c.Item.IsCheckable ? ChoiceResult(c, desired: true) : Grounded(new ClickAction(TargetOf(c)), c));
        }
        else if (VerbButton(g, step.Text) is { } verbButton)
        {
            results.Add(Grounded(new ClickAction(TargetOf(verbButton)), verbButton));
        }

        // "Make my profile private": a sentence with no verb of ours that means a checkbox or switch on the page. Only
        // those: a goal sentence must not turn into a click on whatever button sounds most like it.
        if (results.Count == 0 && ByMeaning(g, step.Text, i => i.IsCheckable) is { } toggle)
        {
            results.Add(ChoiceResult(toggle, desired: true));
        }

        var best = results.MaxBy(r => r.Score);
        if (best is not null)
        {
            return best;
        }

        var closest = control.Best is { } b ? $" (closest: {b.Describe()})" : "";
        return new StepGrounding(GroundingStatus.NotUnderstood, null, control.Best?.Confidence ?? 0,
            $"I could not understand this instruction: it starts with no verb I know, and nothing on the page is called '{step.Text}'{closest}. " +
            $"Start each step with a verb I know: {Verbs.Understood}")
        {
            Closest = control.Best?.Describe(),
        };
    }
}
