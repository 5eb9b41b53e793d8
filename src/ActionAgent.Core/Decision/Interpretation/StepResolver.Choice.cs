using System.Text.RegularExpressions;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>Choice steps: selects and their options, checkboxes, radios, switches, and set-X-to-Y.</summary>
internal sealed partial class StepResolver
{
    private static bool IsChoice(PageItem i) => i.IsCheckable || i.IsBoxLabel || i.Role is "tab" or "option" or "menuitem" or "treeitem";

    private StepGrounding Select(InterpretedStep step, Grounder g)
    {
        if (step.Target is null && OrdinalGroupOption().Match(step.Value ?? "") is { Success: true } counted)
        {
            // "Pick the last of the Caret options": the last option of the drop-down called Caret, else the last choice
            // (radio) under the title Caret.
            var group = counted.Groups["group"].Value.Trim();
            var ordinal = counted.Groups["n"].Value;
            var list = g.Find(new Search(group, i => i.IsSelectable && !i.IsCustomDropdown) { VerbHint = RoleHint.Select });
            if (list.IsAtLeast(Min) && list.Best!.Item.Element.Options.Count > 0)
            {
                return OptionAt(list, ordinal);
            }

            return Select(step with { Value = $"the {ordinal} radio button", Context = group }, g);
        }

        if (step.Target is { } listName && NthOption().Match(step.Value ?? "") is { Success: true } nth)
        {
            // "Pick the first option in the type list": that option of the drop-down named, by its place in the list.
            var list = g.Find(new Search(listName, i => i.IsSelectable && !i.IsCustomDropdown) { VerbHint = RoleHint.Select, SoftContext = Soft(step) });
            if (list.IsAtLeast(Min) && list.Best!.Item.Element.Options.Count > 0)
            {
                return OptionAt(list, nth.Groups["n"].Value);
            }
        }

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

            if (results.Count == 0 && KindAfterValue().Match(value) is { Success: true } kinded)
            {
                // "Select the jackedup theme": the option's name, then what kind of thing it is. Word for word an option
                // of exactly one select, whose surroundings say that kind.
                if (OnlyChoiceNamed(g, kinded.Groups["kind"].Value, kinded.Groups["name"].Value, selectOnly: true) is { } named)
                {
                    results.Add(named);
                }
            }

            if (results.Count == 0 && value.Length > 0 && step.Context is { Length: > 0 } place
                && !g.Page.Items.Any(i => i.IsInteractive && !i.IsHidden && TextMatch.Similarity(Phrase.Of(value), Phrase.Of(i.Display), i.Context) >= 0.9)
                && g.Find(new Search(place, i => i.IsEditable && i.Role is "textbox" or "combobox" or "searchbox" && !i.Element.IsSecret) { VerbHint = RoleHint.Field }) is { } typed
                && typed.IsAtLeast(Min))
            {
                // "In "Pick a programming language", choose JavaScript from the suggestions": the field the place names
                // takes the value typed, and its suggestion is picked (typed text alone is no choice).
                field = typed;
                var c = typed.Best! with { Score = typed.Best!.Score * 0.9 };
                results.Add(Grounded(new SelectOptionAction(TargetOf(c), value), c, $"; '{value}' typed and its suggestion picked"));
            }
        }

        // "Choose Store credit", "Select Store credit as the refund method": a radio, checkbox or tab of that name.
        // Seen only in pixels, a radio's label is text; clicking the label chooses it, as it does for a person.
        var choice = g.Find(new Search(value, i => IsChoice(i) || i.IsInteractive || IsFromPixels(i))
        {
            RequiredContext = step.Target is null ? null : Phrase.Of(TargetQuery.StripRoleWords(step.Target).Main),
            SoftContext = Soft(step),
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

        if (step is { Target: null, Context: { Length: > 0 } placeName, ContextIsOwner: false } && value.Length > 0)
        {
            // "In the Placeholder example, pick Fourth": no select on the page offers it as an option it shows, and the
            // place holds a drop-down drawn over a hidden select (or one whose options appear when opened): chosen there.
            var there = Select(step with { Target = placeName, Context = null }, g);
            if (there.Status == GroundingStatus.Grounded)
            {
                return there;
            }
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
                $"{c.Item.RoleWord} '{c.Item.Display}'{(c.Section is { } section ? $" under '{section}'" : "")} is already {(desired ? (c.Item.IsRadio ? "selected" : "checked") : "unchecked")}; nothing to do")
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
        if (step.Every)
        {
            return EveryBox(step, g, desired);
        }

        if (step.Target is { } many && ForEveryRow().IsMatch(many))
        {
            // "Untick In Store for every Stephen King book except The Green Mile": one box is not what it asks for, and
            // which rows it means is not read here. Refused before anything is clicked (it unticked one box and said done).
            return new StepGrounding(GroundingStatus.NotUnderstood, null, 0,
                $"'{many}' names a box on many rows; one box at a time is understood: name each row (\"Untick In Store for Misery\"), or run with --model");
        }

        var found = g.Find(new Search(step.Target, i => i.IsCheckable) { SoftContext = Soft(step), KindCounts = true });
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

        if (step.Target is { } rowName && RowBox(g, rowName) is { } rowBox)
        {
            // "Tick Frozen" where every table row holds a "Select Row" box: the box on the row that shows Frozen.
            return ChoiceResult(rowBox, desired);
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
        // "Set the slider with step = 10 to 30": a slider named by what follows it is a slider too.
        if (TargetQuery.StripRoleWords(target ?? "").Hint == RoleHint.Slider || SliderFirst().IsMatch(target ?? ""))
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
        if (field.IsAtLeast(Min) && field.Best!.Item is { Role: "combobox", IsEditable: true, IsSelectable: false } && value.Length > 0 && !field.Best.Item.Element.IsSecret)
        {
            // "Change the country to France" in an autocomplete: the value is typed and its suggestion picked, as a person
            // does; typed text alone leaves the choice behind it (a hidden select, a stored id) unmade.
            results.Add(Grounded(new SelectOptionAction(TargetOf(field.Best), value), field.Best, $"; '{value}' typed and its suggestion picked"));
        }
        else if (field.IsAtLeast(Min))
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

        if (results.Count == 0 && noOption is null && OnlyChoiceNamed(g, target, value) is { } only)
        {
            results.Add(only);
        }

        if (results.Count == 0 && noOption is null && !field.IsAtLeast(Min) && OnlyFieldInSection(g, target, value) is { } sole)
        {
            results.Add(sole);
        }

        if (results.Count == 0 && noOption is null && !field.IsAtLeast(Min) && target is not null
            && g.Find(new Search(target, i => i.Role == "slider") { SoftContext = Soft(step) }).IsAtLeast(Min))
        {
            // "Volume should read 42" where Volume is a slider: set as "move the Volume slider to 42" is.
            return Drag(step with { Target = target, Value = SliderEdge(lower) ?? value }, g);
        }

        var best = results.MaxBy(r => r.Score);
        return best ?? noOption ?? NotFound("field", field);
    }

    // "Set Example 1 to 112233", "Set the RGBA example to …": no field carries the name, but one section heading holds
    // every word of it ("Example 1 - HEX", "Example 3 - RGBA") and exactly one text field sits under that heading. A
    // name that more headings hold ("Example"), or a section with two fields, is not found, as before.
    private StepGrounding? OnlyFieldInSection(Grounder g, string? target, string value)
    {
        if (target is null || value.Trim().Length == 0)
        {
            return null;
        }

        var words = Phrase.Of(target).Tokens.Where(t => !TextMatch.IsStopWord(t)).ToHashSet(StringComparer.Ordinal);
        if (words.Count == 0)
        {
            return null;
        }

        var named = g.Page.Items.SelectMany(i => i.Headings).Distinct(StringComparer.Ordinal)
            .Where(h => Phrase.Of(h).Tokens.ToHashSet(StringComparer.Ordinal).IsSupersetOf(words)).ToList();
        if (named.Count != 1)
        {
            return null;
        }

        var fields = g.Page.Items.Where(i => i.IsEditable && !i.IsSelectable && !i.IsHidden && !i.Element.Disabled && !i.Element.IsSecret
            && i.Role is "textbox" or "searchbox" or "spinbutton" && i.Headings.Contains(named[0], StringComparer.Ordinal)).ToList();
        if (fields.Count != 1)
        {
            return null;
        }

        var c = new Candidate(fields[0], 0.7, $"the only text field under the heading '{named[0]}'") { Section = named[0] };
        return Into(c, value, new Found(c, [c], target));
    }

    // "Change the demo theme to sm-clean" where the select is "Switch theme (class)"; "set its alignment to center" where
    // the radios are left / center / right: no field carries the name, but exactly one control on the page offers the value
    // word for word (an option of a select, or a radio's own name), and a word of the name is in its surroundings (its
    // label, its heading, its id: "theme", "align…"). Two such controls, or none tied to the name: not found, as before.
    // With selectOnly, the one control must be a select ("Select the jackedup theme" chooses an option, never a radio).
    private StepGrounding? OnlyChoiceNamed(Grounder g, string? target, string value, bool selectOnly = false)
    {
        var wanted = value.Trim();
        if (wanted.Length == 0 || target is null)
        {
            return null;
        }

        var words = Phrase.Of(TargetQuery.StripRoleWords(target).Main).Tokens.Where(t => t.Length >= 4 && !TextMatch.IsStopWord(t)).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        bool Offers(PageItem i) => !i.IsHidden && !i.Element.Disabled && (i.IsSelectable
            ? i.Element.Options.Any(o => o.Trim().Equals(wanted, StringComparison.OrdinalIgnoreCase))
            : i.IsRadio && i.Element.Name.Trim().Equals(wanted, StringComparison.OrdinalIgnoreCase));
        var offering = g.Page.Items.Where(Offers).ToList();
        if (offering.Count != 1)
        {
            return null;
        }

        var item = offering[0];
        if (selectOnly && !item.IsSelectable)
        {
            return null;
        }

        var around = Grounder.Surroundings(item).Concat(item.Headings.SelectMany(h => Phrase.Of(h).Tokens))
            .Concat((item.Element.HtmlId ?? "").ToLowerInvariant().Split(['-', '_', ' '], StringSplitOptions.RemoveEmptyEntries)).ToList();
        static bool Stem(string a, string b) => a == b || (Math.Min(a.Length, b.Length) >= 5 && a[..5] == b[..5]);
        if (!words.Any(w => around.Any(t => Stem(w, t))))
        {
            return null;
        }

        var c = new Candidate(item, Min, $"the only {item.RoleWord} offering '{wanted}', by its surroundings");
        if (item.IsSelectable)
        {
            var option = item.Element.Options.First(o => o.Trim().Equals(wanted, StringComparison.OrdinalIgnoreCase));
            return Grounded(new SelectOptionAction(TargetOf(c), option), c, $"; option '{option}'");
        }

        return ChoiceResult(c, desired: true);
    }

    // The option at a place in the found drop-down's list ("first", "last"), or why it has none there.
    private StepGrounding OptionAt(Found list, string ordinal)
    {
        var options = list.Best!.Item.Element.Options;
        return Ordinals.Position(ordinal, options.Count) is { } at && at >= 1 && at <= options.Count
            ? Into(list.Best!, options[at - 1], list)
            : new StepGrounding(GroundingStatus.NotFound, null, 0, $"{list.Best!.Item.RoleWord} '{list.Best!.Item.Display}' has {options.Count} options, so it has no {ordinal} one");
    }

    private MeaningPick? MeaningOption(string value, PageItem select) =>
        meaning is null || string.IsNullOrWhiteSpace(value)
            ? null
            : meaning.Best(value, select.Element.Options.Select(o => (IReadOnlyList<string>)[o]).ToList());

    // "Tick every todo except "Call the bank"": the boxes of the list (those without a name of their own: a "Mark all"
    // toggle is no row), the exceptions left as they are; the first one not yet so is clicked, and the step is done when
    // none is left. The interpreter grounds the step again after each click.
    private static StepGrounding EveryBox(InterpretedStep step, Grounder g, bool desired)
    {
        var boxes = g.Page.Items.Where(i => i.IsCheckable && !i.IsRadio && !i.IsHidden && !i.Element.Disabled).ToList();
        if (step.Context is { Length: > 0 } place)
        {
            // "In the Mouse section, untick every box": the boxes under that section's heading or group title only; a
            // section the page does not show is no licence to tick every box on it.
            boxes = boxes.Where(b => Grounder.UnderSection(b, place)).ToList();
            if (boxes.Count == 0)
            {
                return new StepGrounding(GroundingStatus.NotFound, null, 0, $"no checkboxes are shown under '{place}'");
            }
        }

        if (step.Column is { } column)
        {
            // "every notification in the Browser column": the boxes standing under that column's heading, none else.
            var wanted = Phrase.Of(column);
            var heading = g.Page.Items.Where(i => !i.IsCheckable && i.Labels.Any(l => TextMatch.Similarity(wanted, l.Phrase, i.Context) >= 0.8))
                .OrderBy(i => i.Order).FirstOrDefault();
            if (heading is null)
            {
                return new StepGrounding(GroundingStatus.NotFound, null, 0, $"no column is headed '{column}'");
            }

            var (from, to) = (heading.Element.Bounds.X - 8, heading.Element.Bounds.X + heading.Element.Bounds.Width + 8);
            boxes = boxes.Where(b => b.Element.Bounds.Y > heading.Element.Bounds.Y
                && b.Element.Bounds.X + (b.Element.Bounds.Width / 2) is var middle && middle >= from && middle <= to).ToList();
            if (boxes.Count == 0)
            {
                return new StepGrounding(GroundingStatus.NotFound, null, 0, $"no box stands under the heading '{heading.Element.Name}'");
            }
        }

        var rows = boxes.Where(i => string.IsNullOrWhiteSpace(i.Element.Name)).ToList();
        boxes = rows.Count >= 2 ? rows : boxes;
        var except = step.Except.Select(Phrase.Of).ToList();
        // An exception named by the start of a row's words ("Fix bug on a Website" for the row "Fix bug on a Website As soon
        // as possible", its title over its second line) is that row.
        static bool Begins(Phrase label, Phrase start) => start.Tokens.Length >= 2 && label.Tokens.Length > start.Tokens.Length
            && label.Tokens.Take(start.Tokens.Length).SequenceEqual(start.Tokens, StringComparer.Ordinal);
        bool Excepted(PageItem box) => except.Any(e => box.Labels.Any(l => TextMatch.Similarity(e, l.Phrase, box.Context) >= 0.8 || Begins(l.Phrase, e)));
        var mine = boxes.Where(b => !Excepted(b)).ToList();
        var state = desired ? "ticked" : "unticked";
        if (mine.Count == 0)
        {
            return new StepGrounding(GroundingStatus.NotFound, null, 0, boxes.Count == 0 ? "no checkboxes are shown" : "every box shown is one of the exceptions");
        }

        if (except.Count > 0 && boxes.Count == mine.Count)
        {
            return new StepGrounding(GroundingStatus.NotFound, null, 0, $"no box is called {string.Join(" or ", step.Except.Select(e => $"'{e}'"))}, so what to leave out is not on the page");
        }

        if (mine.FirstOrDefault(b => b.Element.Checked != desired) is { } next)
        {
            var c = new Candidate(next, 0.9, $"{(desired ? "ticking" : "unticking")} every box in turn ({mine.Count(b => b.Element.Checked == desired)} of {mine.Count} {state} so far)");
            return new StepGrounding(GroundingStatus.Grounded, new ClickAction(TargetOf(c)), 0.9, Matched(c)) { Element = next.Element, Repeats = true };
        }

        var left = except.Count > 0 ? $", except {string.Join(", ", step.Except)}" : "";
        return new StepGrounding(GroundingStatus.AlreadyDone, null, 1, $"all {mine.Count} boxes are {state}{left}");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:the\s+|a\s+|an\s+)?(?<name>\S+(?:\s+\S+)?)\s+(?<kind>[a-z]{4,})$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex KindAfterValue();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:the\s+)?(?:range\s+)?slider\s+(?:with|for|of|under|in|named|called|labell?ed)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex SliderFirst();

    // A box named, then the rows it is on by a quantifier: "In Store for every Stephen King book", "the box on each row".
    [System.Text.RegularExpressions.GeneratedRegex(@"\S\s+(?:for|on|of|in)\s+(?:every|each|all(?:\s+(?:the|of\s+the))?)\s+\S", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ForEveryRow();

    [GeneratedRegex(@"^(?:the\s+)?(?<n>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\d+(?:st|nd|rd|th))\s+(?<group>.+?)\s+(?:options?|choices?)$", RegexOptions.IgnoreCase)]
    private static partial Regex OrdinalGroupOption();

    [GeneratedRegex(@"^(?:the\s+)?(?<n>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\d+(?:st|nd|rd|th))\s+(?:option|choice|entry|item|value)$", RegexOptions.IgnoreCase)]
    private static partial Regex NthOption();
}
