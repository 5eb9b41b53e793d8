using System.Text.RegularExpressions;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// Grounds one parsed step on one page: finds the element, builds the action, or says clearly why not. Words decide
/// first; only when they find nothing good enough does the meaning model (when configured) get a say.
/// </summary>
internal sealed partial class StepResolver(StepInterpreterOptions options, MeaningMatcher? meaning = null)
{
    private static readonly HashSet<string> OnWords = ["on", "yes", "true", "checked", "ticked", "enabled", "active", "selected"];
    private static readonly HashSet<string> OffWords = ["off", "no", "false", "unchecked", "unticked", "disabled", "inactive", "deselected"];

    // A field name read out of a sentence with no "into"/"with" must match this well to be trusted.
    private const double StrictPair = 0.8;

    private double Min => options.MinScore;

    public StepGrounding Resolve(InterpretedStep step, PageIndex page, IReadOnlySet<int> penalized, string? task = null, IReadOnlySet<int>? fresh = null,
        RunMemory? memory = null)
    {
        var g = new Grounder(page, penalized, new TaskEcho(task ?? step.Text, step))
        {
            Fresh = fresh ?? new HashSet<int>(), OnlyFresh = step.WithinPrevious, Memory = memory,
        };
        if (step.InEditor && !g.Page.Items.Any(i => i.Element.IsFocused && IsTextHolder(i)))
        {
            return new StepGrounding(GroundingStatus.NotFound, null, 0, "no field has the focus, so there is no text being edited (the step before opened no editor)");
        }

        // A grid cell being edited in place is grounded as such until the cell reads the value (an editor that opened in
        // it is no field of the step's name).
        var editing = g.Memory is { StepMoves: > 0 } ? CellEdit(step, g) : null;
        var grounded = editing ?? ListMove(step, g) ?? ListVerb(step, g) ?? ByKind(step, g);
        if (editing is null && grounded.Status is GroundingStatus.NotFound && CellEdit(step, g) is { } cell)
        {
            grounded = cell;
        }

        if (step.IfShown || step.Kind == StepKind.AnswerDialog)
        {
            // No browser dialog asked (StepInterpreter checks those first): only a control named exactly so answers an
            // in-page one; anything else is no such dialog.
            string[] names = [step.Target ?? "", .. step.Alternatives];
            var exact = grounded is { Status: GroundingStatus.Grounded, Element: { } e }
                && (!step.WithinPrevious || step.Kind != StepKind.AnswerDialog || g.Fresh.Contains(e.Id))
                && names.Any(n => string.Equals(g.Page.Items.FirstOrDefault(i => i.Element.Id == e.Id)?.Display.Trim(), n, StringComparison.OrdinalIgnoreCase));
            var listed = string.Join(" / ", names.Where(n => n.Length > 0).Select(n => $"'{n}'"));
            return exact ? grounded
                : step.Otherwise is { } typed ? ByKind(typed, g)
                : step.IfShown ? new StepGrounding(GroundingStatus.AlreadyDone, null, 1, $"no dialog was raised and no message with {listed} is shown")
                : new StepGrounding(GroundingStatus.NotFound, null, 0, $"nothing asked: the step before raised no browser dialog and no button named exactly {listed} {(step.WithinPrevious ? "came up" : "is shown")}");
        }

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
            StepKind.Uncheck => Untick(step, g),
            StepKind.Set => Set(step, g, step.Target, step.Value),
            StepKind.Search => SearchBox(step, g),
            StepKind.PressKey => Fixed(new PressKeyAction(step.Value ?? "Enter"), $"press {step.Value}"),
            StepKind.Scroll => Scroll(step, g),
            StepKind.Drag => Drag(step, g),
            StepKind.Navigate => Fixed(new NavigateAction(step.Value ?? "/"), $"go to {step.Value}"),
            StepKind.GoBack => Fixed(new GoBackAction(), "go back"),
            StepKind.Wait => Fixed(new WaitAction(step.Duration ?? TimeSpan.FromSeconds(1)), "wait as asked"),
            StepKind.WaitForText => Fixed(new WaitAction(options.WaitForTextTimeout, step.Value) { Besides = step.Text }, $"wait for '{step.Value}'"),
            StepKind.Implicit => Implicit(step, g),
            StepKind.Keep => KeptState.Check(step, g),
            StepKind.ShowMonth => ShowMonth(step, g),
            StepKind.PickDay => PickDay(step, g),
            StepKind.SelectText => SelectText(step, g),
            StepKind.Sort => Sort(step, g),
            StepKind.ClickUntil => ClickUntil(step, g),
            StepKind.Rate => Rate(step, g),
            StepKind.AnswerDialog => Pointer(step with { Kind = StepKind.Click, Role = RoleHint.Button }, g, (t, _) => new ClickAction(t)),
            _ => new StepGrounding(GroundingStatus.NotUnderstood, null, 0, $"steps of kind {step.Kind} are not supported"),
        };
    }

    // "Do not submit the form" (Forbids) with no box of that name: nothing to do, and nothing was done.
    private StepGrounding Untick(InterpretedStep step, Grounder g)
    {
        var grounded = Check(step, g, desired: false);
        return step.Forbids && grounded.Status == GroundingStatus.NotFound
            ? new StepGrounding(GroundingStatus.AlreadyDone, null, 1, $"nothing to do: no box is called '{step.Target}', and what the step forbids was not done ({grounded.Reason})")
            : grounded;
    }

    private static int WordsTyped(BrowserAction? action) =>
        (action switch { TypeTextAction t => t.Text, SelectOptionAction o => o.Option, _ => "" })
        .Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static StepGrounding Fixed(BrowserAction action, string reason) => new(GroundingStatus.Grounded, action, 1, reason);

    private static ActionTarget TargetOf(Candidate c) => ActionTarget.Element(c.Item.Element.Id, c.Item.Display);

    private static StepGrounding Grounded(BrowserAction action, Candidate c, string? extra = null) =>
        new(GroundingStatus.Grounded, action, c.Confidence, Matched(c) + extra) { Element = c.Item.Element };

    private static string Matched(Candidate c) =>
        FormattableString.Invariant($"matched '{c.Item.Display}' {c.Item.RoleWord} by {c.How}{(c.Section is { } section ? $" under '{section}'" : "")} (score {c.Confidence:0.00})");

    private static StepGrounding NotFound(string what, Found found, string? detail = null)
    {
        var closest = found.Best is { } b ? $" (closest: {b.Describe()})" : " (nothing on the page comes close)";
        return new StepGrounding(GroundingStatus.NotFound, null, found.Best?.Confidence ?? 0,
            detail ?? $"no {what} matches '{found.Display}'{closest}")
        {
            Closest = found.Best?.Describe(),
        };
    }

    private static Candidate Weaker(Candidate a, Candidate b) => a.Score <= b.Score ? a : b;

    private static Phrase? Soft(InterpretedStep step) => step.Context is null ? null : Phrase.Of(step.Context);

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

    // "Refresh the inbox", "Close the dialog": the sentence's first word is exactly a one-word button's name.
    private static Candidate? VerbButton(Grounder g, string sentence)
    {
        var first = Phrase.Of(sentence).Tokens.FirstOrDefault();

        // A sentence that carries a value ("Apply discount code SPRING10") asks for more than one button press.
        if (first is null || sentence.Any(char.IsAsciiDigit) || sentence.Contains('"', StringComparison.Ordinal))
        {
            return null;
        }

        // "Mention Sir Walter Riley" beside a "@mention" button: a name the page shows nowhere is what the step is about,
        // and pressing the button alone does not bring it in.
        var names = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Where(w => w.Length > 1 && char.IsUpper(w[0])).SelectMany(w => Phrase.Of(w).Tokens).ToList();
        if (names.Count > 0)
        {
            var shown = g.Page.Items.SelectMany(i => i.Labels.SelectMany(l => l.Phrase.Tokens).Concat(i.Context)).ToHashSet(StringComparer.Ordinal);
            if (names.Any(n => !shown.Contains(n)))
            {
                return null;
            }
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
        // "Amount: 42.00", "Reason = Wrong size"; not "Update the profile details: phone number …" (a verb names no field).
        if (step.Target is { } field && step.Value is { } value && !(step.Pairs.Count > 0 && Verbs.StartsWithVerb(field)))
        {
            // A value that is itself a list of fields and values ("Name Priya Nair, email …, password …") goes into one
            // field only when that field is named well: a field found by the heading above it (the place's quoted name)
            // would take the whole list as its text (batch 16 typed all three pairs into Name and said done).
            var set = Set(step, g, field, value);
            if (set.Status is GroundingStatus.Grounded or GroundingStatus.AlreadyDone && set.Score >= (step.Pairs.Count >= 2 ? 0.8 : Min))
            {
                return set;
            }
        }

        if (step.Pairs.Count > 0)
        {
            // No field is called what comes before the colon: it is the place of the pairs after it, filled one per action
            // ("first name Lena", then "last name Kovac"), the step done when each had its action.
            // A pair the page already shows filled is passed over (counted again on the next look, so never skipped twice).
            for (var at = g.Memory?.StepMoves ?? 0; at < step.Pairs.Count; at++)
            {
                var one = step with { Kind = StepKind.Fill, Target = step.Pairs[at], Value = null, Context = step.Target, Pairs = [] };
                var filled = ByKind(one, g);
                if (filled.Status is not (GroundingStatus.Grounded or GroundingStatus.AlreadyDone) && PairToggle().Match(step.Pairs[at]) is { Success: true } said)
                {
                    // "Boolean off", "Newsletter ticked": no field takes the word, so a box of that name is set so.
                    var boxed = ByKind(one with { Kind = StepParser.SaysOn(said.Groups["state"].Value) ? StepKind.Check : StepKind.Uncheck, Target = said.Groups["name"].Value }, g);
                    filled = boxed.Status is GroundingStatus.Grounded or GroundingStatus.AlreadyDone ? boxed : filled;
                }

                if (filled.Status != GroundingStatus.AlreadyDone)
                {
                    return filled.Status == GroundingStatus.Grounded ? filled with { Repeats = true }
                        : filled with { Reason = $"'{step.Pairs[at]}' ({at + 1} of the {step.Pairs.Count} fields listed): {filled.Reason}" };
                }
            }

            return new StepGrounding(GroundingStatus.AlreadyDone, null, 1, $"each of {string.Join(", ", step.Pairs)} was filled in");
        }

        var text = step.Text.Replace(":", " ", StringComparison.Ordinal).Replace("=", " ", StringComparison.Ordinal);
        var results = new List<StepGrounding>();

        // "Sort by newest": a field name followed by its value, accepted only when the field name matches well.
        // The value is a few words: a clause that goes on ("Score callback comes pre-filled with one star - raise it …")
        // is no field and its value, even when its first word names a field.
        if (Fill(step, g, text, StrictPair, valueFirst: false) is { } pair && WordsTyped(pair.Action) <= 4)
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

    [GeneratedRegex(@"^(?<name>.+?)\s+(?<state>on|off|ticked|unticked|checked|unchecked|enabled|disabled|yes|no|true|false|selected|unselected)$", RegexOptions.IgnoreCase)]
    private static partial Regex PairToggle();
}
