using System.Text.RegularExpressions;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// Steps that stand for several actions or refer to other steps: remove, add, menu paths, rename, "use X to",
/// "show only", held keys, "leave the others", repeats.
/// </summary>
internal static partial class StepParser
{
    // "Remove the "Nunc tincidunt" tab with its close (x) icon" → click the close icon near Nunc tincidunt;
    // "Delete the todo "Call Bob"" → click the delete control in the row of Call Bob.
    private static InterpretedStep ParseRemove(string word, string rest, string display, ClauseText q)
    {
        var m = RemoveWith().Match(rest);
        // "the third todo in the list, using the × …": the list is where every row is; it says nothing of which one.
        var owner = WherePlaced(WholeList().Replace((m.Success ? m.Groups["owner"].Value : rest).TrimEnd(',', ' '), ""));
        var control = m.Success ? RowTail().Replace(RelativeClause().Replace(m.Groups["control"].Value, ""), "") : word.Contains(' ', StringComparison.Ordinal) ? "remove" : word;
        string[] names = ["remove", "delete", "close", "×", "x", "✕", "destroy", "dismiss", "trash"];
        // "the last todo": an ordinal owner keeps its noun, which says what is counted. "Close the dialog with its "Ok"
        // button": the owner is only a kind ("the dialog"), nothing to find the control beside.
        var named = q.Restore(OrdinalWord().IsMatch(owner) ? owner : TargetQuery.StripRoleWords(owner).Main, false);
        var kindOnly = named.Trim().Length > 0 && Phrase.Of(named).Tokens.All(TextMatch.IsStopWord);
        return Step(StepKind.Click, display, target: q.Restore(control, true)) with
        {
            Context = kindOnly ? null : named,
            ContextIsOwner = !kindOnly,
            Removes = true,
            // A named control ("with its Cancel button") is that control only: look-alike names would find "Close".
            Alternatives = m.Success ? [] : names,
        };
    }

    // "Add the todo "Buy milk"", "Add two todos, first "A" and then "B"": each quoted value is typed into the field
    // for new entries and committed with Enter. Without a quoted value ("Add to cart") it is a button's name.
    private static IEnumerable<InterpretedStep> ParseAdd(string word, string rest, string display, ClauseText q)
    {
        var values = QuoteToken().Matches(rest).Select(m => q.Value(m.Value)).ToList();
        if (values.Count == 0 && AddValuesTo().Match(rest) is { Success: true } listed
            && SplitList(listed.Groups["values"].Value) is { Count: >= 2 } items && items.All(i => i.Split(' ').Length <= 3 && !ArticleFirst().IsMatch(i)))
        {
            // "add white and purple to it (the tag box)": two or more bare values, each typed and committed with Enter there;
            // never one click on the box (a list of values is no button's name). "the shoes and the socks" are things.
            return items.SelectMany((v, k) => new[]
            {
                Step(StepKind.Type, $"{word} {q.Restore(v, true)}", value: q.Value(v)) with { Context = q.Restore(listed.Groups["to"].Value, false), Continues = k > 0 },
                Step(StepKind.PressKey, $"press Enter to add {q.Restore(v, true)}", value: "Enter"),
            }).ToList();
        }

        if (values.Count == 0)
        {
            return [Step(StepKind.Click, display, target: q.Restore($"{word} {rest}", true))];
        }

        var noun = AddNoun().Match(q.Restore(QuoteToken().Replace(rest, " "), false)) is { Success: true } n ? n.Groups["noun"].Value : null;
        var steps = new List<InterpretedStep>();
        foreach (var v in values)
        {
            steps.Add(Step(StepKind.Type, $"{word} \"{v}\"", value: v) with { Context = noun, Continues = steps.Count > 0 });
            steps.Add(Step(StepKind.PressKey, $"press Enter to add \"{v}\"", value: "Enter"));
        }

        return steps;
    }

    // "Select Music > Rock > Classic", "open Music > Jazz": a menu path, opened level by level, each level clicked.
    private static IEnumerable<InterpretedStep> MenuPath(InterpretedStep step)
    {
        var path = step.Kind switch
        {
            StepKind.Select when step.Target is null => step.Value,
            StepKind.Click or StepKind.Hover => step.Target,
            _ => null,
        };
        if (step is { Kind: StepKind.Select, Target: { } menuWords, Value: { Length: > 0 } item } && SubmenuName().Match(menuWords) is { Success: true } menu)
        {
            // "Select "Car Hifi" from the Electronics submenu": open the menu, then click the item.
            var name = menu.Groups["menu"].Value.Trim();
            return [Step(StepKind.Click, $"open {name} (menu)", target: name) with { Context = step.Context, Opens = true, Expands = true }, Step(StepKind.Click, step.Text, target: $"\"{item}\"") with { Context = step.Context }];
        }

        var parts = path?.Split(['>', '›', '→'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts is null || parts.Length < 2 || !path!.Contains(" > ", StringComparison.Ordinal) && !path.Contains('›') && !path.Contains('→'))
        {
            return [step];
        }

        // Each level before the last must open the next one (shown, or marked open); the last is what the step asks of it.
        return parts.Select((p, i) => Step(StepKind.Click, i == parts.Length - 1 ? step.Text : $"open {p} (menu level {i + 1})", target: p) with
        {
            Context = step.Context,
            Opens = i < parts.Length - 1 || step.Opens,
            Expands = i < parts.Length - 1 || step.Expands,
        });
    }

    // "Rename the todo "Pay rent" to "Pay rent (March)"": edit in place, as a person does.
    private static IEnumerable<InterpretedStep>? ParseRename(string rest, string display, ClauseText q)
    {
        // "Edit the todo "Buy milk" so that it reads "Buy oat milk"", "… to read …": the same as "rename … to …".
        rest = ReadsAs().Replace(rest, " to ");
        if (SplitLast(rest, " to ") is not { } s)
        {
            return null;
        }

        var value = q.Value(s.Right);
        return [Step(StepKind.DoubleClick, display, target: q.Restore(s.Left, true)), .. ReplaceFocused(value)];
    }

    // "change it to "Buy oat milk"" after opening an editor: replace what the focused field holds, then commit.
    private static InterpretedStep[] ReplaceFocused(string value) =>
    [
        Step(StepKind.PressKey, "select the text being edited", value: "Control+A") with { InEditor = true },
        Step(StepKind.Type, $"type \"{value}\" over it", value: value) with { InEditor = true },
        Step(StepKind.PressKey, "press Enter to save the edit", value: "Enter"),
    ];

    private static string? ByGerund(string text)
    {
        var m = ByMethod().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var stem = m.Groups["stem"].Value;
        var rest = m.Groups["rest"].Value;
        string[] bases = [stem, stem + "e", stem.Length > 2 && stem[^1] == stem[^2] ? stem[..^1] : stem];
        foreach (var b in bases)
        {
            var candidate = $"{b} {rest}";
            if (Verbs.Match(candidate) is { } v && v.Word.Length == b.Length)
            {
                return OwnRow(candidate, text[..m.Index]);
            }
        }

        return null;
    }

    // "Tick Titanic and Frozen, and no others": the others stay as they were (unticked), checked like "leave the others".
    private static InterpretedStep NoOthers(InterpretedStep step) =>
        step is { Kind: StepKind.Check or StepKind.Uncheck, Target: { } t } && NoOthersWords().IsMatch(t.Trim())
            ? step with { Kind = StepKind.Keep, Target = "the others", Value = step.Kind == StepKind.Check ? "unchecked" : "checked" }
            : step;

    [GeneratedRegex(@"^(?:no|none of the)\s+(?:others?|other\s+\w+|more|rest)$|^nothing\s+else$", RegexOptions.IgnoreCase)]
    private static partial Regex NoOthersWords();

    // "Show the details of Judi by using "toggle" in her row": her row is the row of the one the sentence names before.
    private static string OwnRow(string method, string head)
    {
        if (PronounRow().Match(method) is not { Success: true } row)
        {
            return method;
        }

        var plain = Bracketed().Replace(head, " ");
        var quoted = QuoteToken().Matches(plain);
        var name = quoted.Count > 0 ? quoted[^1].Value : NamedWords().Matches(plain).LastOrDefault(n => n.Index > 0)?.Value;
        return name is null ? method : $"{method[..row.Index]}the {row.Groups["noun"].Value} of {name}{method[(row.Index + row.Length)..]}";
    }

    // ""toggle" in the row of Judi", "Edit in Grace Hopper's row": the control is the one on that row, never another's.
    // "Tick the last book listed under Stephen King": what is listed under a title is in the place that title names.
    private static InterpretedStep ListedUnder(InterpretedStep step) =>
        step is { Kind: StepKind.Check or StepKind.Uncheck or StepKind.Click, Context: null, Target: { } t } && ListedUnderWords().Match(t.Trim()) is { Success: true } m
            ? step with { Target = m.Groups["x"].Value.Trim(), Context = m.Groups["y"].Value.Trim() }
            : step;

    [GeneratedRegex(@"^(?<x>.+?)\s+(?:listed|shown|filed|found|sitting|kept|grouped)\s+(?:under|beneath|below)\s+(?<y>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ListedUnderWords();

    private static InterpretedStep WithRowOwner(InterpretedStep step)
    {
        if (step is { Kind: StepKind.Check or StepKind.Uncheck, Context: null, Target: { } boxes } && BoxesOf().Match(boxes.Trim()) is { Success: true } owned
            && !OrdinalWord().IsMatch(owned.Groups["owner"].Value))
        {
            // (An owner by place, "the checkbox of the 3rd todo", is counted as before: rows, not names.)
            // "Tick the "Select Row" boxes of Titanic and Frozen": the box on Titanic's row, as "Tick Frozen" is; the box's own
            // name is every row's ("Select Row"), so it alone picked the first row's box.
            return step with { Target = owned.Groups["owner"].Value.Trim() };
        }

        if (step is not { Kind: StepKind.Click or StepKind.DoubleClick, Context: null, Target: { } target } || step.Removes
            || (RowOf().Match(target) is { Success: true } m ? m : RowPossessive().Match(target)) is not { Success: true } row)
        {
            return step;
        }

        return step with { Target = row.Groups["control"].Value.Trim(), Context = Unquoted(row.Groups["owner"].Value.Trim()), ContextIsOwner = true, OnOwnerRow = true };
    }

    // "the remove icon at the end of his row", "the × in its row": where on the owner's row, no part of the control's name.
    [GeneratedRegex(@"\s+(?:(?:at|on|in|to)\s+the\s+(?:far\s+)?(?:end|right|left|start|beginning|right-hand side|left-hand side)\s+of|in|on|of)\s+(?:his|her|its|their|the|that|this)\s+(?:row|line)$", RegexOptions.IgnoreCase)]
    private static partial Regex RowTail();

    [GeneratedRegex(@"\b(?:her|his|their|its)\s+(?<noun>row|line|entry|record|card)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PronounRow();

    // Capitalised words in a row ("Judi", "Easer Dragoo"): a name.
    [GeneratedRegex(@"\b\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*")]
    private static partial Regex NamedWords();

    [GeneratedRegex(@"^(?<control>.+?\b(?:box|boxes|checkbox|checkboxes|check\s*box(?:es)?|tick\s*box(?:es)?))\s+(?:of|for)\s+(?<owner>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex BoxesOf();

    [GeneratedRegex(@"^(?<control>.+?)\s+(?:in|on|of|from|at)\s+(?:the\s+)?(?:row|line|entry|record|card)\s+(?:of|for)\s+(?<owner>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex RowOf();

    [GeneratedRegex(@"^(?<control>.+?)\s+(?:in|on|of|from|at)\s+(?<owner>.+?)['’]s\s+(?:row|line|entry|record|card)$", RegexOptions.IgnoreCase)]
    private static partial Regex RowPossessive();

    // "Use the X toggle to show Y": click X. But "Use the slider to set "Minimum number of bedrooms" to 5": what is to be
    // done is the purpose, and it names its own field; clicking the instrument alone would claim a setting never made.
    private static IEnumerable<InterpretedStep> ParseUse(string rest, string display, ClauseText q)
    {
        var instrument = UsePurpose().Replace(rest, "");
        var use = Step(StepKind.Click, display, target: q.Restore(instrument, true));
        var purpose = UseTo().Match(rest);
        if (!purpose.Success || purpose.Groups["what"].Value.Trim() is not { Length: > 0 } said)
        {
            return [use];
        }

        if (SearchInstrument().IsMatch(instrument) && BringUp().Match(said) is { Success: true } shown)
        {
            // "Use the search box to bring up only the pink tiles": what is searched for is what is to be shown.
            return [Step(StepKind.Type, display, target: q.Restore(instrument, true), value: q.Restore(shown.Groups["what"].Value, keepQuotes: false).Trim().TrimEnd('.'))];
        }

        if (PurposeOfClick().IsMatch(said))
        {
            return [use];
        }

        if (Verbs.Match(said) is not null)
        {
            var steps = ParseClause(said, q).ToList();
            if (steps.Count > 0 && steps.All(s => s.IsUnderstood))
            {
                // The purpose names no element ("to set it to 5"): the instrument is the one it acts on; else it is where.
                return steps.Select(s => s.Target is null or "it" ? s with { Target = q.Restore(instrument, true) } : s with { Context = s.Context ?? q.Restore(instrument, false) });
            }
        }

        // "Use X to <something this reading cannot carry out>": the purpose is no part of the click; it stays a step of its
        // own, which fails unless it is understood, so the run never reports it done by clicking X alone.
        return [use, Step(StepKind.Implicit, q.Restore(said, keepQuotes: true), target: q.Restore(said, keepQuotes: true))];
    }

    // The option that says what is to be shown: "the suspended people" → "suspended".
    private static string ShownChoice(string what, ClauseText q) =>
        GenericPlural().Replace(LeadingThe().Replace(q.Restore(what, false).Trim(), ""), "").Trim();

    // "Show only the Active todos", "View only unread messages": the filter is named by the words before the last one
    // (the kind of thing listed); both readings are tried.
    private static InterpretedStep ParseShowOnly(string rest, string display, ClauseText q)
    {
        if (ShowOnlyUsing().Match(rest.Trim().TrimEnd('.')) is { Success: true } via)
        {
            // "Show only the suspended people, using the Status drop-down": the option of that list that says which.
            return Step(StepKind.Select, display, target: q.Restore(via.Groups["ctl"].Value, true), value: ShownChoice(via.Groups["what"].Value, q));
        }

        var target = q.Restore(rest, true).Trim().TrimEnd('.');
        var words = target.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var step = Step(StepKind.Click, display, target: target);
        return words.Length >= 2 && !target.EndsWith('"') ? step with { Alternatives = [string.Join(' ', words[..^1])] } : step;
    }

    // "hold Ctrl and click Item 5", "click Item 5 while holding Shift": one step, a click with the key held, written as
    // "ctrl-click Item 5" so no clause boundary falls between the key and the click.
    private static string HeldKeys(string sentence)
    {
        var s = HoldThenClick().Replace(sentence, m => $"{m.Groups["key"].Value}-click ");
        return ClickWhileHolding().Replace(s, m => $"{m.Groups["key"].Value}-click {m.Groups["target"].Value}");
    }

    // "tick "3 Star" and "5 Star" and leave the other ratings unticked": the others are all but what the task acted on.
    private static List<InterpretedStep> ResolveOthers(List<InterpretedStep> steps)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i] is { Kind: StepKind.Keep, Target: { } t } && OthersWords().IsMatch(t))
            {
                var named = steps.Take(i).Where(s => s.Kind is not (StepKind.Keep or StepKind.PressKey or StepKind.Wait or StepKind.WaitForText or StepKind.Scroll))
                    .SelectMany(s => new[] { s.Target, s.Kind is StepKind.Select ? s.Value : null })
                    .OfType<string>().Select(n => n.Trim('"')).ToList();
                steps[i] = steps[i] with { Except = named };
            }
        }

        return steps;
    }

    // "Leave the others unticked" holds only if they are; "Keep Newsletter checked" makes sure it is, as "ensure" does.
    private static InterpretedStep ParseLeave(string word, string target, string state, string display) =>
        word.Equals("keep", StringComparison.OrdinalIgnoreCase) && !OthersWords().IsMatch(target) && state is "checked" or "unchecked"
            ? Step(state == "checked" ? StepKind.Check : StepKind.Uncheck, display, target: target)
            : Step(StepKind.Keep, display, target: target, value: state);

    private static string KeptState(string state) => state.ToLowerInvariant() switch
    {
        "unticked" or "unchecked" or "unselected" or "cleared" or "off" or "clear" => "unchecked",
        "ticked" or "checked" or "selected" or "on" => "checked",
        "empty" or "blank" => "empty",
        "expanded" => "expanded",
        "collapsed" => "collapsed",
        _ => "unchanged",
    };

    private static string KeyName(string key) => key.ToLowerInvariant() switch
    {
        "ctrl" or "control" => "Control",
        "cmd" or "command" or "meta" => "Meta",
        "alt" or "option" => "Alt",
        _ => "Shift",
    };

    private static int Times(string n) => n.ToLowerInvariant() switch
    {
        "once" => 1,
        "twice" => 2,
        "thrice" => 3,
        var w when NumberWord(w) is { } k => k,
        var d => Math.Clamp(int.Parse(d, System.Globalization.CultureInfo.InvariantCulture), 1, 20),
    };

    // "one" … "ten" as a number; null for anything else.
    internal static int? NumberWord(string word) => Array.IndexOf(NumberWords, word.Trim().ToLowerInvariant()) is > 0 and var i ? i : null;

    private static readonly string[] NumberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    [GeneratedRegex(@"\b(?:search|filter|find|lookup|look-up|query)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SearchInstrument();

    // "to bring up only the pink tiles", "to show just the orders from May", "to find Grace Hopper": what is left after the
    // verb and "only", without the trailing kind of thing (tiles, items, rows, results, entries).
    [GeneratedRegex(@"^(?:bring\s+up|show|display|list|find|get|pull\s+up|filter\s+(?:down\s+)?to|narrow\s+(?:it\s+)?(?:down\s+)?to)\s+(?:only\s+|just\s+)?(?:the\s+|all\s+(?:the\s+)?)?(?<what>.+?)(?:\s+(?:ones|tiles|items|rows|results|entries|records|cards|products|lines|people|users))?$", RegexOptions.IgnoreCase)]
    private static partial Regex BringUp();

    // Purposes that only say why the instrument is clicked: "to open it", "to open the menu", "to switch themes".
    [GeneratedRegex(@"^(?:open|expand|collapse|close|show|reveal|see|start|begin|continue|proceed|confirm|submit|save|apply|finish|sign\s+in|log\s+in)\b(?:\s+(?:it|them|that|this|up|on|off|there|the\s+[\w\s-]+))?$|^(?:toggle|switch)\b.*$|^(?:go|get)\s+there$", RegexOptions.IgnoreCase)]
    private static partial Regex PurposeOfClick();
}
