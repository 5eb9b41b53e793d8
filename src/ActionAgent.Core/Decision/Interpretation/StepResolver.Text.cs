using System.Globalization;
using System.Text.RegularExpressions;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>Typing steps: which field gets which value, clearing a field, the search box.</summary>
internal sealed partial class StepResolver
{
    private static Search Fields(string? target, InterpretedStep step) => new(target, i => i.IsEditable || i.IsSelectable)
    {
        VerbHint = RoleHint.Field,
        SoftContext = Soft(step),
    };

    private StepGrounding Type(InterpretedStep step, Grounder g)
    {
        var value = step.Value ?? "";
        if (step.Continues && g.Memory?.LastTyped is { } last
            && g.Page.Items.FirstOrDefault(i => i.Element.Id == last && i.IsEditable && !i.Element.Disabled && !i.IsHidden) is { } same)
        {
            // "add the words "sensor" and "relay"": the second goes where the first went.
            var c = new Candidate(same, 0.95, "the field the value before went into");
            return Grounded(new TypeTextAction(TargetOf(c), value, ClearFirst: true), c);
        }

        if (step.Target is null && step.Context is { } noun)
        {
            // "Add the todo X": the field for new entries, by the thing's name, else the first empty text field in view.
            var named = g.Find(new Search(noun, i => i.IsEditable && !i.Element.Disabled) { VerbHint = RoleHint.Field });
            if (named.IsAtLeast(Min))
            {
                return Into(named.Best!, Dated(step, named.Best!.Item, value), named);
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
        return found.IsAtLeast(Min) ? Into(found.Best!, Dated(step, found.Best!.Item, value), found) : NotFound("field", found);
    }

    // "the 31st of March 2027" into a text field that writes dates mm/dd/yyyy (its placeholder, else the pattern the
    // task gives) is typed "03/31/2027"; date inputs convert on their own, other fields take the words as written.
    private static string Dated(InterpretedStep step, PageItem field, string value)
    {
        if (step.DateValue is not { } date || field.Element.Tag is not ("input" or "textarea") || field.Element.InputType is not (null or "" or "text" or "tel"))
        {
            return value;
        }

        var format = StepParser.DatePatternOf(field.Element.Placeholder) ?? StepParser.DatePatternOf(field.Element.Value) ?? step.DateFormat;
        return format is null ? value : date.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
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

        // "a quarter past four in the afternoon" into a field showing "13:14" is typed "16:15".
        var shown = field.Item.Element.Value is { Length: > 0 } now ? now : field.Item.Element.Placeholder;
        var written = Execution.SpokenTimes.Adapt(value, shown);
        return Grounded(new TypeTextAction(TargetOf(field), written, ClearFirst: true), typed, written == value ? null : $"; '{value}' written as the field writes times: {written}");
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

            if (found.Best!.Item.Element.InputType?.ToLowerInvariant() is "date" && !StepParser.ReadsAsDate(value))
            {
                // "birth date 12 March 1991": "birth" is near enough the field "Birth date", but "date 12 March 1991" is no
                // date; the split that leaves a date is the one meant.
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
        if (found.IsAtLeast(Min) && string.IsNullOrEmpty(found.Best!.Item.Element.Value) && CollectiveItems().Match(step.Target ?? "") is { Success: true } items)
        {
            // "Clear out all the tags in the Skills box": a tag input's text field is empty with its tags still shown.
            // Emptying an empty field would prove nothing; the items are not its text.
            return new StepGrounding(GroundingStatus.NotFound, null, 0,
                $"{found.Best.Item.RoleWord} '{found.Best.Item.Display}' holds no text, so emptying it would change nothing; the {items.Groups["items"].Value} the step names are not its text. Remove them one by one (e.g. 'Remove the tag \"…\" with its ×')")
            {
                Element = found.Best.Item.Element,
            };
        }

        // "Clear node-1-1-0", "clear that box": a box of that name is cleared by unticking it, when no field fits as well.
        if (g.Find(new Search(step.Target, i => i.IsCheckable && !i.IsRadio) { SoftContext = Soft(step) }) is { } box && box.IsAtLeast(Min)
            && (!found.IsAtLeast(Min) || box.Best!.Score > found.Best!.Score))
        {
            return Untick(step, g);
        }

        if (found.IsAtLeast(Min))
        {
            return Grounded(new TypeTextAction(TargetOf(found.Best!), "", ClearFirst: true), found.Best!);
        }

        // "Clear out all the finished ones": no field by that name, but the one button "Clear completed" says it.
        return NamedForVerb(g, "clear", step.Target) is { } button
            ? Grounded(new ClickAction(TargetOf(button)), button, "; no field is named so: the button named for the verb and those words")
            : NotFound("field", found);
    }

    // Words that say an entry is done, as lists name them ("Clear completed", "Delete done", "the finished ones").
    private static readonly HashSet<string> DoneWords = new(StringComparer.Ordinal) { "done", "finished", "completed", "complete", "checked", "ticked" };

    // The one visible button or link whose name is the verb followed by words the step also says (or another word for
    // done): "Clear completed" for "clear all the finished ones". None, or two, is no match.
    private static Candidate? NamedForVerb(Grounder g, string verb, string? words)
    {
        if (words is null)
        {
            return null;
        }

        var said = Phrase.Of(words).Content;
        bool Says(string token) => said.Any(w => TextMatch.TokenSimilarity(w, token) >= 0.85 || DoneWords.Contains(w) && DoneWords.Contains(token));
        var matches = g.Page.Items
            .Where(i => i.Role is "button" or "link" && !i.IsHidden && !i.Element.Disabled)
            .Where(i => i.Labels.Any(l => !l.IsSynthetic && l.Phrase.Content is [var first, .. var rest] && first == verb && rest.Length > 0 && rest.All(Says)))
            .ToList();
        return matches.Count == 1 ? new Candidate(matches[0], 0.7, $"its name is '{verb}' and words the step says") : null;
    }

    // Seen only in pixels (OCR or shapes): the role is a guess, so drop-downs look like fields and labels like text.
    private static bool IsFromPixels(PageItem i) =>
        !i.Element.Source.HasFlag(ElementSource.Dom) && (i.Element.Source & (ElementSource.Ocr | ElementSource.Pixels)) != 0;

    private static bool IsPixelField(PageItem i) => IsFromPixels(i) && (i.IsEditable || i.Role == "button");

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

    // "all the tags in …", "every entry of …": items, not a field's text.
    [GeneratedRegex(@"^(?:all|every|each)(?:\s+of)?(?:\s+the)?\s+(?<items>\w+s|entry|item|tag|value)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CollectiveItems();
}
