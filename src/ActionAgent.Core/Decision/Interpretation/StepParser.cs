using System.Text.RegularExpressions;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// Splits a task written in plain English into steps: lines, numbered or bulleted items, sentences and clauses
/// (", then", "; ", " and " before a verb), with quoted values protected from splitting. Each clause becomes one or
/// more <see cref="InterpretedStep"/>s ("Check Express and Gift wrap" is two). Nothing here looks at a page.
/// </summary>
internal static partial class StepParser
{
    private const char QuoteOpen = '\u0001';
    private const char QuoteClose = '\u0002';

    public static IReadOnlyList<InterpretedStep> Parse(string task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var steps = new List<InterpretedStep>();
        foreach (var rawLine in task.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'))
        {
            var quotes = new List<string>();
            var masked = QuotePattern().Replace(rawLine, m =>
            {
                quotes.Add(m.Groups["q"].Value);
                return $"{QuoteOpen}{quotes.Count - 1}{QuoteClose}";
            });
            var numbered = NumberMarker().IsMatch(masked);
            masked = ListMarker().Replace(masked, "").Trim();
            if (masked.Length == 0)
            {
                continue;
            }

            var text = new ClauseText(quotes);
            var items = numbered ? InlineNumber().Split(masked) : [masked];
            foreach (var item in items)
            {
                foreach (var sentence in SentenceBreak().Split(item))
                {
                    steps.AddRange(ParseSentence(sentence, text));
                }
            }
        }

        return ResolveOthers(ResolvePronouns(steps)).Select((s, i) => s with { Number = i + 1 }).ToList();
    }

    // "Create a todo called "Renew passport", then mark it as done", "Type 5 into Quantity, then clear it": "it" is what
    // the step before acted on (its element, or the item it created when it named none). Keys and waits act on nothing.
    private static List<InterpretedStep> ResolvePronouns(List<InterpretedStep> steps)
    {
        for (var i = 1; i < steps.Count; i++)
        {
            if (steps[i].Context is { } where && Referent().IsMatch(where.Trim()) && steps[i - 1].Target is { } place)
            {
                // "…, and inside it open …": the place is what the step before opened.
                steps[i] = steps[i] with { Context = place.Replace("\"", "", StringComparison.Ordinal) };
            }

            if (steps[i].Target is not { } t || !Referent().IsMatch(t.Trim()))
            {
                continue;
            }

            var before = steps.Take(i).LastOrDefault(s => s.Kind is not (StepKind.PressKey or StepKind.Wait or StepKind.WaitForText or StepKind.Scroll));
            var referent = before?.Target ?? (before is { Kind: StepKind.Type or StepKind.Fill, Value: { Length: > 0 } v } ? $"\"{v}\"" : null);
            if (referent is not null)
            {
                steps[i] = steps[i] with { Target = referent, Context = steps[i].Context ?? before!.Context };
            }
        }

        return steps;
    }

    // "Under "Bed Type", check "1 King"", "In the Tab data dialog set Title to X": a leading place phrase is no step;
    // it says where the following steps of the sentence act (soft context), or names the field a bare value goes to.
    private static IEnumerable<InterpretedStep> ParseSentence(string sentence, ClauseText q)
    {
        var result = new List<InterpretedStep>();
        string? lead = null;
        string? repeat = null;
        var clauses = SplitClauses(HeldKeys(sentence));
        for (var i = 0; i < clauses.Count; i++)
        {
            var clause = clauses[i];
            if (lead is null && ReadLead(clause, i < clauses.Count - 1) is { } found)
            {
                lead = q.Restore(found.Where, keepQuotes: true);
                if (found.Remainder.Length == 0)
                {
                    continue;
                }

                clause = found.Remainder;
            }

            var (plain, transform) = ReadTransform(clause);
            var times = 1;
            if (Repeated().Match(plain) is { Success: true } rep && rep.Index > 0)
            {
                // "Click the spinner's up arrow three times": the same step, once per time (each one checked).
                times = Times(rep.Groups["n"].Value);
                plain = plain[..rep.Index];
            }

            // "Add two todos, first "A" and then "B"": a clause that is only a quoted value repeats the last verb.
            var bare = StripLeadingFillers(plain).Trim().TrimEnd('.');
            var parsed = repeat is not null && QuoteToken().Match(bare) is { Success: true } only && only.Length == bare.Length
                ? ParseClause($"{repeat} {bare}", q)
                : ParseClause(plain, q);
            repeat = Verbs.Match(StripLeadingFillers(plain)) is { Kind: VerbKind.Add or VerbKind.Type or VerbKind.Check or VerbKind.Select } v ? v.Word : repeat;
            if (transform is not null)
            {
                parsed = parsed.Select(s => s.Value is { } v && s.Kind is StepKind.Type or StepKind.Fill or StepKind.Set or StepKind.Implicit or StepKind.Search
                    ? s with { Value = transform(v) }
                    : s).ToList();
            }

            var steps = parsed.SelectMany(MenuPath).ToList();
            if (times > 1 && steps.Count == 1 && steps[0].Kind is StepKind.Click or StepKind.PressKey or StepKind.DoubleClick)
            {
                var one = steps[0];
                steps = Enumerable.Range(1, times).Select(k => one with { Text = $"{one.Text} ({k} of {times})" }).ToList();
            }

            parsed = steps;

            result.AddRange(lead is null ? parsed : parsed.Select(s => WithLead(s, lead)));
        }

        return result;
    }

    // "… in all upper case", "… in lowercase": the value is written that way, the words are no part of the target.
    private static (string Clause, Func<string, string>? Transform) ReadTransform(string clause)
    {
        var m = CaseWords().Match(clause);
        if (!m.Success)
        {
            return (clause, null);
        }

        var rest = clause.Remove(m.Index, m.Length).Trim();
        return m.Groups["lower"].Success
            ? (rest, v => v.ToLowerInvariant())
            : (rest, v => v.ToUpperInvariant());
    }

    private static (string Where, string Remainder)? ReadLead(string clause, bool moreFollow)
    {
        var text = StripLeadingFillers(clause);
        var m = LeadPlace().Match(text);
        if (!m.Success || Verbs.MatchFuzzy(text) is not null)
        {
            return null;
        }

        var where = m.Groups["where"].Value.Trim();

        // No comma: the place ends where a verb starts ("In the Tab data dialog set Title to …"). Before a comma a
        // short tail is still the place's name ("In the Open dialog, …").
        var words = where.Split(' ');
        for (var n = 1; n < Math.Min(words.Length, 9); n++)
        {
            var rest = string.Join(' ', words[n..]);
            if ((!moreFollow || words.Length - n >= 3) && Verbs.StartsWithVerb(rest)
                && Verbs.Match(rest) is { Kind: not (VerbKind.Turn or VerbKind.Switch or VerbKind.Login) })
            {
                return (string.Join(' ', words[..n]), rest);
            }
        }

        return moreFollow ? (where, "") : null;
    }

    private static InterpretedStep WithLead(InterpretedStep step, string lead)
    {
        var plain = lead.Replace("\"", "", StringComparison.Ordinal);
        if (step.Kind is StepKind.Type && step.Target is null && LeadNamesField().IsMatch(lead))
        {
            return step with { Target = lead };
        }

        return step.Context is null ? step with { Context = plain } : step;
    }

    // "…, and inside it open the inner tab": a place phrase of a few words, then a verb, starts a clause of its own.
    private static bool PlaceThenVerb(string text)
    {
        if (!LeadPlace().IsMatch(text))
        {
            return false;
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var n = 2; n < Math.Min(words.Length, 7); n++)
        {
            if (Verbs.StartsWithVerb(string.Join(' ', words[n..])) && Verbs.Match(string.Join(' ', words[n..])) is { Kind: not (VerbKind.Turn or VerbKind.Switch or VerbKind.Login or VerbKind.Use) })
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> SplitClauses(string sentence)
    {
        var result = new List<string>();
        foreach (var strong in StrongSeparator().Split(sentence))
        {
            var start = 0;
            foreach (Match m in WeakSeparator().Matches(strong))
            {
                var rest = StripLeadingFillers(strong[(m.Index + m.Length)..]);
                if (m.Index > start && (Verbs.StartsWithVerb(rest) || PlaceThenVerb(rest)))
                {
                    result.Add(strong[start..m.Index]);
                    start = m.Index + m.Length;
                }
            }

            result.Add(strong[start..]);
        }

        return result.Select(c => c.Trim().Trim(',').Trim()).Where(c => c.Length > 0).ToList();
    }

    private static IEnumerable<InterpretedStep> ParseClause(string clause, ClauseText q)
    {
        var text = StripTrailingPeriod(StripLeadingFillers(clause));
        text = TrailingPlease().Replace(text, "");
        if (text.Length == 0)
        {
            return [];
        }

        var display = q.Restore(text, keepQuotes: true);
        if (Urls.IsUrl(q.Restore(text, keepQuotes: false)))
        {
            return [Step(StepKind.Navigate, display, value: Urls.Normalize(q.Restore(text, keepQuotes: false)))];
        }

        if (Verbs.MatchFuzzy(text) is null && WithControl().Match(text) is { Success: true } withControl)
        {
            // "Stop it with the "Cancel Download" button": whatever the verb, the control named after "with" is clicked.
            return [Step(StepKind.Click, display, target: q.Restore(withControl.Groups["control"].Value, true))];
        }

        if ((Verbs.MatchFuzzy(text) is null || ClickGerund().IsMatch(text)) && ByGerund(text) is { } method)
        {
            // "Acknowledge the message by pressing Ok": the words after "by" say what to do.
            return ParseClause(method, q);
        }

        if (Verbs.MatchFuzzy(text) is not { } verb)
        {
            var parts = ColonOrEquals().IsMatch(text) ? [text] : CommaList().Split(text).Where(p => p.Trim().Length > 0).ToArray();
            return parts.Length > 1
                ? parts.Select(p => Implicit(p.Trim(), q.Restore(p.Trim(), true), q))
                : [Implicit(text, display, q)];
        }

        var rest = verb.Remainder.Trim();
        var word = verb.Word;
        if (rest.Length == 0 && verb.Kind is not (VerbKind.Back or VerbKind.Scroll or VerbKind.Wait))
        {
            return [Implicit(text, display, q)];
        }

        return verb.Kind switch
        {
            VerbKind.Click => [Step(StepKind.Click, display, target: q.Restore(rest, true))],
            VerbKind.DoubleClick => [Step(StepKind.DoubleClick, display, target: q.Restore(rest, true))],
            VerbKind.RightClick => [Step(StepKind.RightClick, display, target: q.Restore(rest, true))],
            VerbKind.Hover => [Step(StepKind.Hover, display, target: q.Restore(rest, true))],
            VerbKind.Focus => [Step(StepKind.Click, display, target: q.Restore(rest, true)) with { Role = RoleHint.Field }],
            VerbKind.Press => Keys.TryParse(q.Restore(rest, false)) is { } keys
                ? [Step(StepKind.PressKey, display, value: keys)]
                : [Step(StepKind.Click, display, target: q.Restore(rest, true))],
            VerbKind.Type => ParseType(word, rest, display, q),
            VerbKind.Fill => ParseFill(word, rest, display, q),
            VerbKind.Clear => [Step(StepKind.Clear, display, target: q.Restore(rest, true))],
            VerbKind.Select => ParseSelects(word, rest, display, q),
            VerbKind.Check => Targets(StepKind.Check, word, rest, display, q),
            VerbKind.Uncheck => Targets(StepKind.Uncheck, word, rest, display, q),
            VerbKind.Accept => Targets(StepKind.Check, word, rest, display, q),
            VerbKind.Turn => ParseOnOff(rest, display, q) ?? (SliderWords().IsMatch(rest) ? [ParseDrag(text, rest, display, q)] : [Implicit(text, display, q)]),
            VerbKind.Drag => [ParseDrag(text, rest, display, q)],
            VerbKind.Switch => ParseSwitch(rest, display, q) ?? [Implicit(text, display, q)],
            VerbKind.Set => ParseSet(word, rest, display, q),
            VerbKind.MakeSure => ParseMakeSure(rest, display, q) ?? [Implicit(text, display, q)],
            VerbKind.Dont => [Step(StepKind.Uncheck, display, target: q.Restore(DontVerb().Replace(rest, ""), true))],
            VerbKind.Back => ParseBack(rest, display, q),
            VerbKind.Go => ParseGo(rest, display, q),
            VerbKind.Load => Urls.IsUrl(q.Restore(rest, false))
                ? [Step(StepKind.Navigate, display, value: Urls.Normalize(q.Restore(rest, false)))]
                : [Implicit(text, display, q)],
            VerbKind.Scroll => [ParseScroll(rest, display, q)],
            VerbKind.Wait => [ParseWait(rest, display, q)],
            VerbKind.Search => [ParseSearch(rest, display, q)],
            VerbKind.Filter => Pairs(word, rest, display, q, context: null),
            VerbKind.Login => ParseLogin(rest, display, q) ?? [Implicit(text, display, q)],
            VerbKind.Remove => [ParseRemove(word, rest, display, q)],
            VerbKind.Add => ParseAdd(word, rest, display, q),
            VerbKind.Rename => ParseRename(rest, display, q) ?? [Implicit(text, display, q)],
            VerbKind.Use => ParseUse(rest, display, q),
            VerbKind.ShowOnly => [ParseShowOnly(rest, display, q)],
            VerbKind.Leave => LeaveState().Match(rest) is { Success: true } keep
                ? [ParseLeave(word, q.Restore(keep.Groups["target"].Value, true), KeptState(keep.Groups["state"].Value), display)]
                : [Implicit(text, display, q)],
            VerbKind.ModifierClick => [Step(StepKind.Click, display, target: q.Restore(rest, true), value: KeyName(word.Split('-', '+')[0]))],
            _ => [Implicit(text, display, q)],
        };
    }

    private static IEnumerable<InterpretedStep> ParseType(string word, string rest, string display, ClauseText q)
    {
        if (SplitValueTarget(rest, withAs: true) is { } vt)
        {
            var value = q.Value(vt.Value);
            var targets = SplitList(vt.Target);
            var values = SplitList(vt.Value);
            if (targets.Count == 1 && values.Count is >= 2 and <= 5 && PluralFields().Match(vt.Target) is { Success: true } plural)
            {
                // "Enter "alpha" and "beta" into both text fields": one value per field, in reading order.
                var one = Singular(plural.Groups["kind"].Value);
                return values.Select((v, i) => Step(StepKind.Type, $"{word} {q.Restore(v, true)} into the {Ordinals[i]} {one}", target: $"the {Ordinals[i]} {one}", value: q.Value(v)));
            }

            return targets.Count == 1
                ? [Step(StepKind.Type, display, target: q.Restore(vt.Target, true), value: value)]
                : targets.Select(t => Step(StepKind.Type, $"{word} {q.Restore(vt.Value, true)} into {q.Restore(t, true)}", target: q.Restore(t, true), value: value));
        }

        if (IsSingleWord(rest))
        {
            return [Step(StepKind.Type, display, value: q.Value(rest))];
        }

        // "Type hello world" may name no field at all: if no field matches, it is typed where the focus is.
        var typeVerb = word.Equals("type", StringComparison.OrdinalIgnoreCase) || word.Equals("write", StringComparison.OrdinalIgnoreCase);
        if (typeVerb && SplitList(rest).Count == 1 && !rest.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
        {
            return [Step(StepKind.Fill, display, target: q.Restore(rest, true), value: q.Value(rest))];
        }

        return Pairs(word, rest, display, q, context: null);
    }

    private static IEnumerable<InterpretedStep> ParseFill(string word, string rest, string display, ClauseText q)
    {
        var with = WithWord().Match(rest);
        if (with.Success)
        {
            var parts = SplitList(rest);
            if (parts.Count > 1 && parts.All(p => WithWord().IsMatch(p)))
            {
                return parts.Select(p =>
                {
                    var m = WithWord().Match(p);
                    var target = p[..m.Index];
                    var value = p[(m.Index + m.Length)..];
                    return Step(StepKind.Type, $"{word} {q.Restore(p, true)}", target: q.Restore(target, true), value: q.Value(value));
                });
            }

            if (Pronoun().IsMatch(rest[..with.Index].Trim()))
            {
                // "replace the text with X" in an open editor.
                return ReplaceFocused(q.Value(rest[(with.Index + with.Length)..])).Take(2);
            }

            return [Step(StepKind.Type, display, target: q.Restore(rest[..with.Index], true), value: q.Value(rest[(with.Index + with.Length)..]))];
        }

        if (SplitValueTarget(rest, withAs: false) is { } vt)
        {
            return [Step(StepKind.Type, display, target: q.Restore(vt.Target, true), value: q.Value(vt.Value))];
        }

        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && colon < rest.Length - 1)
        {
            return Pairs(word, rest[(colon + 1)..], display, q, context: q.Restore(rest[..colon], false));
        }

        return Pairs(word, rest, display, q, context: null);
    }

    // "Select the brand "Sizzle" and the shape "Pill"", "pick Luxury, Standard transmission, and 2 cars": one choice each.
    // Without quotes only a comma list is split: "Black and white" may well be one option.
    private static IEnumerable<InterpretedStep> ParseSelects(string word, string rest, string display, ClauseText q)
    {
        if (!SelectPreposition().IsMatch(rest))
        {
            var items = SplitList(rest);
            var quotedEach = QuoteToken().Matches(rest).Count >= 2 && items.Count >= 2 && items.All(i => QuoteToken().Matches(i).Count == 1);
            var commaList = !QuoteToken().IsMatch(rest) && rest.Contains(',', StringComparison.Ordinal) && items.Count >= 2;
            if (quotedEach || commaList)
            {
                return items.Select(i => ParseSelect(i, $"{word} {q.Restore(i, true)}", q));
            }
        }

        return [ParseSelect(rest, display, q)];
    }

    private static InterpretedStep ParseSelect(string rest, string display, ClauseText q)
    {
        var hasPreposition = SelectPreposition().IsMatch(rest);
        var quoted = QuoteToken().Matches(rest);
        if (quoted.Count == 1 && !hasPreposition)
        {
            var field = rest.Remove(quoted[0].Index, quoted[0].Length).Trim();
            return Step(StepKind.Select, display, target: field.Length == 0 ? null : q.Restore(field, true), value: q.Value(quoted[0].Value));
        }

        var split = SplitFirst(rest, " from ") ?? SplitLast(rest, " as ") ?? SplitLast(rest, " in ") ?? SplitLast(rest, " on ");
        return split is { } s
            ? Step(StepKind.Select, display, target: q.Restore(s.Right, true), value: q.Value(s.Left))
            : Step(StepKind.Select, display, value: q.Value(rest));
    }

    private static IEnumerable<InterpretedStep> Targets(StepKind kind, string word, string rest, string display, ClauseText q)
    {
        rest = ListLead().Replace(rest, "");
        if (word.Equals("mark", StringComparison.OrdinalIgnoreCase) && MarkAs().Match(rest) is { Success: true, Index: > 0 } markAs)
        {
            // "Mark the todo "Feed cat" as completed": the box of that item; "Mark all as complete" stays a button name too.
            return [Step(kind, display, target: q.Restore(rest[..markAs.Index], true)) with { Alternatives = [display] }];
        }

        var targets = SplitList(rest);
        if (targets.Count == 1)
        {
            // "Deactivate account", "Mark as read": on many pages these are buttons, not checkboxes.
            var buttonToo = ButtonVerbs.Contains(word.ToLowerInvariant());
            return [Step(kind, display, target: q.Restore(rest, true)) with { Alternatives = buttonToo ? [display] : [] }];
        }

        return targets.Select(t => Step(kind, $"{word} {q.Restore(t, true)}", target: q.Restore(t, true)));
    }

    private static readonly HashSet<string> ButtonVerbs = ["mark", "enable", "disable", "activate", "deactivate", "accept", "agree to"];

    private static IEnumerable<InterpretedStep>? ParseOnOff(string rest, string display, ClauseText q)
    {
        var m = TrailingOnOff().Match(rest);
        if (!m.Success || m.Index == 0)
        {
            return null;
        }

        var kind = m.Groups[1].Value.Equals("on", StringComparison.OrdinalIgnoreCase) ? StepKind.Check : StepKind.Uncheck;
        return [Step(kind, display, target: q.Restore(rest[..m.Index], true))];
    }

    private static IEnumerable<InterpretedStep>? ParseSwitch(string rest, string display, ClauseText q)
    {
        if (ParseOnOff(rest, display, q) is { } onOff)
        {
            return onOff;
        }

        if (rest.StartsWith("to ", StringComparison.OrdinalIgnoreCase))
        {
            return [Step(StepKind.Click, display, target: q.Restore(rest[3..], true))];
        }

        return SplitFirst(rest, " to ") is { } s
            ? [Step(StepKind.Set, display, target: q.Restore(s.Left, true), value: q.Value(s.Right))]
            : null;
    }

    private static IEnumerable<InterpretedStep> ParseSet(string word, string rest, string display, ClauseText q)
    {
        // "Set Title to "Notes" and Content to "Call back"": one field-value pair per list item, when every item has one.
        var pairs = SplitList(rest);
        if (pairs.Count > 1 && pairs.All(p => SplitFirst(p, " to ") is not null))
        {
            return pairs.Select(p =>
            {
                var pair = SplitFirst(p, " to ")!.Value;
                return Step(StepKind.Set, $"{word} {q.Restore(p, true)}", target: q.Restore(pair.Left, true), value: q.Value(pair.Right));
            }).ToList();
        }

        if (SplitFirst(rest, " to ") is { } edit && Pronoun().IsMatch(edit.Left))
        {
            // "change it to X" right after "double-click … to edit it": the open editor is the field.
            return ReplaceFocused(q.Value(edit.Right)).Take(2);
        }

        if (SplitFirst(rest, " to ") is { } s)
        {
            var (value, place) = SplitValuePlace(s.Right);
            return [Step(StepKind.Set, display, target: q.Restore(place is null ? s.Left : $"{s.Left} {place}", true), value: q.Value(value))];
        }

        var colon = ColonOrEquals().Match(rest);
        if (colon.Success)
        {
            return [Step(StepKind.Set, display, target: q.Restore(colon.Groups[1].Value, true), value: q.Value(colon.Groups[2].Value))];
        }

        return Pairs(word, rest, display, q, context: null);
    }

    private static IEnumerable<InterpretedStep>? ParseMakeSure(string rest, string display, ClauseText q)
    {
        var m = StateSentence().Match(rest);
        if (!m.Success)
        {
            return null;
        }

        var state = m.Groups["state"].Value.ToLowerInvariant();
        var off = state.StartsWith("not", StringComparison.Ordinal) || state is "off" or "unchecked" or "unticked" or "disabled" or "deselected" or "inactive";
        return [Step(off ? StepKind.Uncheck : StepKind.Check, display, target: q.Restore(m.Groups["target"].Value, true))];
    }

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

        return [Step(StepKind.Click, display, target: q.Restore(rest, true)) with { Role = RoleHint.Link }];
    }

    // "Drag "Item 1" onto "Trash"", "Move the slider all the way to the right", "Turn the Volume slider all the way down
    // to 0", "Slide the price slider to 300": what is dragged, then where — an element, an edge, or a number.
    private static InterpretedStep ParseDrag(string text, string rest, string display, ClauseText q)
    {
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

    private static IEnumerable<InterpretedStep>? ParseLogin(string rest, string display, ClauseText q)
    {
        var steps = new List<InterpretedStep>();
        var asForm = LoginAs().Match(rest);
        if (asForm.Success)
        {
            var user = q.Value(asForm.Groups["user"].Value);
            steps.Add(Step(StepKind.Type, $"Enter the username {user}", target: "username", value: user) with
            {
                Alternatives = ["email", "user", "email address", "user name", "user id"],
            });
            if (asForm.Groups["pass"].Success && asForm.Groups["pass"].Value.Length > 0)
            {
                var pass = q.Value(asForm.Groups["pass"].Value);
                steps.Add(Step(StepKind.Type, $"Enter the password {pass}", target: "password", value: pass));
            }
        }
        else if (rest.Length > 2 && rest[0] == '(' && rest[^1] == ')')
        {
            // "Log in (user ops, pw ops-pass)": field names and values in brackets, often abbreviated.
            var credentials = string.Join(", ", SplitList(rest[1..^1]).Select(CredentialField));
            steps.AddRange(Pairs("Enter", credentials, display, q, context: null));
        }
        else if (rest.StartsWith("with ", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("using ", StringComparison.OrdinalIgnoreCase))
        {
            var credentials = rest[(rest.IndexOf(' ', StringComparison.Ordinal) + 1)..];
            if (BareCredentials().Match(credentials) is { Success: true } bare && !credentials.Contains("password", StringComparison.OrdinalIgnoreCase))
            {
                // "Sign in with ops / ops-pass": a username and a password with no field names.
                var user = q.Value(bare.Groups["user"].Value);
                var pass = q.Value(bare.Groups["pass"].Value);
                steps.Add(Step(StepKind.Type, $"Enter the username {user}", target: "username", value: user) with
                {
                    Alternatives = ["email", "user", "email address", "user name", "user id"],
                });
                steps.Add(Step(StepKind.Type, $"Enter the password {pass}", target: "password", value: pass));
            }
            else
            {
                steps.AddRange(Pairs("Enter", credentials, display, q, context: null));
            }
        }
        else
        {
            return null;
        }

        steps.Add(Step(StepKind.Click, "Click Sign in", target: "Sign in") with { Alternatives = ["submit", "continue"], Role = RoleHint.Button });
        return steps;
    }

    private static readonly string[] Ordinals = ["1st", "2nd", "3rd", "4th", "5th"];

    private static string Singular(string kind) =>
        kind.EndsWith("boxes", StringComparison.OrdinalIgnoreCase) || kind.EndsWith("xes", StringComparison.OrdinalIgnoreCase) ? kind[..^2] : kind.TrimEnd('s', 'S');

    // "pw ops-pass" → "password ops-pass", "user ops" → "username ops".
    private static string CredentialField(string pair)
    {
        var p = pair.Trim();
        var space = p.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return p;
        }

        var name = p[..space].TrimEnd(':', '=').ToLowerInvariant() switch
        {
            "pw" or "pwd" or "pass" or "passwd" => "password",
            "user" or "login" or "usr" => "username",
            var other => p[..space],
        };
        return $"{name} {p[(space + 1)..].Trim()}";
    }

    private static IEnumerable<InterpretedStep> Pairs(string word, string rest, string display, ClauseText q, string? context)
    {
        var segments = SplitList(rest);
        if (segments.Count == 1)
        {
            return [Step(StepKind.Fill, display, target: q.Restore(rest, true)) with { Context = context }];
        }

        return segments.Select(s => Step(StepKind.Fill, $"{word} {q.Restore(s, true)}", target: q.Restore(s, true)) with { Context = context });
    }

    private static InterpretedStep Implicit(string text, string display, ClauseText q)
    {
        var colon = ColonOrEquals().Match(text);
        return colon.Success && colon.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5
            ? Step(StepKind.Implicit, display, target: q.Restore(colon.Groups[1].Value, true), value: q.Value(colon.Groups[2].Value))
            : Step(StepKind.Implicit, display, target: display);
    }

    // "3 in the second (vertical) Rental Car group": the place belongs to the target ("# of cars in the second … group").
    private static (string Value, string? Place) SplitValuePlace(string value)
    {
        var m = ValuePlace().Match(value);
        return m.Success ? (m.Groups["v"].Value, m.Groups["place"].Value) : (value, null);
    }

    // "Remove the "Nunc tincidunt" tab with its close (x) icon" → click the close icon near Nunc tincidunt;
    // "Delete the todo "Call Bob"" → click the delete control in the row of Call Bob.
    private static InterpretedStep ParseRemove(string word, string rest, string display, ClauseText q)
    {
        var m = RemoveWith().Match(rest);
        var owner = m.Success ? m.Groups["owner"].Value : rest;
        var control = m.Success ? RelativeClause().Replace(m.Groups["control"].Value, "") : word;
        string[] names = ["remove", "delete", "close", "×", "x", "✕", "destroy", "dismiss", "trash"];
        return Step(StepKind.Click, display, target: q.Restore(control, true)) with
        {
            Context = q.Restore(TargetQuery.StripRoleWords(owner).Main, false),
            ContextIsOwner = true,
            // A named control ("with its Cancel button") is that control only: look-alike names would find "Close".
            Alternatives = m.Success ? [] : names,
        };
    }

    // "Add the todo "Buy milk"", "Add two todos, first "A" and then "B"": each quoted value is typed into the field
    // for new entries and committed with Enter. Without a quoted value ("Add to cart") it is a button's name.
    private static IEnumerable<InterpretedStep> ParseAdd(string word, string rest, string display, ClauseText q)
    {
        var values = QuoteToken().Matches(rest).Select(m => q.Value(m.Value)).ToList();
        if (values.Count == 0)
        {
            return [Step(StepKind.Click, display, target: q.Restore($"{word} {rest}", true))];
        }

        var noun = AddNoun().Match(q.Restore(QuoteToken().Replace(rest, " "), false)) is { Success: true } n ? n.Groups["noun"].Value : null;
        var steps = new List<InterpretedStep>();
        foreach (var v in values)
        {
            steps.Add(Step(StepKind.Type, $"{word} \"{v}\"", value: v) with { Context = noun });
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
            return [Step(StepKind.Click, $"open {name} (menu)", target: name) with { Context = step.Context }, Step(StepKind.Click, step.Text, target: $"\"{item}\"") with { Context = step.Context }];
        }

        var parts = path?.Split(['>', '›', '→'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts is null || parts.Length < 2 || !path!.Contains(" > ", StringComparison.Ordinal) && !path.Contains('›') && !path.Contains('→'))
        {
            return [step];
        }

        return parts.Select((p, i) => Step(StepKind.Click, i == parts.Length - 1 ? step.Text : $"open {p} (menu level {i + 1})", target: p) with
        {
            Context = step.Context,
        });
    }

    // "Rename the todo "Pay rent" to "Pay rent (March)"": edit in place, as a person does.
    private static IEnumerable<InterpretedStep>? ParseRename(string rest, string display, ClauseText q)
    {
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
        Step(StepKind.PressKey, "select the text being edited", value: "Control+A"),
        Step(StepKind.Type, $"type \"{value}\" over it", value: value),
        Step(StepKind.PressKey, "press Enter to save the edit", value: "Enter"),
    ];

    // "by pressing Ok" → "press Ok"; "by ticking …" → "tick …"; "by choosing …" → "choose …".
    // "Show only the completed todos by clicking the Completed filter": whatever the verb, clicking is what to do.
    [GeneratedRegex(@"\s(?:by|through)\s+(?:clicking|pressing|tapping|hitting|double-clicking|choosing|selecting|ticking|checking)\s", RegexOptions.IgnoreCase)]
    private static partial Regex ClickGerund();

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
                return candidate;
            }
        }

        return null;
    }

    // "Use the X toggle to show Y": click X. But "Use the slider to set "Minimum number of bedrooms" to 5": what is to be
    // done is the purpose, and it names its own field; clicking the instrument alone would claim a setting never made.
    private static IEnumerable<InterpretedStep> ParseUse(string rest, string display, ClauseText q)
    {
        var instrument = UsePurpose().Replace(rest, "");
        var purpose = UseTo().Match(rest);
        if (purpose.Success && Verbs.Match(purpose.Groups["what"].Value) is { Kind: VerbKind.Set or VerbKind.Type or VerbKind.Select or VerbKind.Fill or VerbKind.Drag or VerbKind.Check or VerbKind.Uncheck })
        {
            var steps = ParseClause(purpose.Groups["what"].Value, q).ToList();
            if (steps.Count > 0 && steps.All(s => s.IsUnderstood))
            {
                // The purpose names no element ("to set it to 5"): the instrument is the one it acts on.
                return steps.Select(s => s.Target is null or "it" ? s with { Target = q.Restore(instrument, true) } : s with { Context = s.Context ?? q.Restore(instrument, false) });
            }
        }

        return [Step(StepKind.Click, display, target: q.Restore(instrument, true))];
    }

    // "Show only the Active todos", "View only unread messages": the filter is named by the words before the last one
    // (the kind of thing listed); both readings are tried.
    private static InterpretedStep ParseShowOnly(string rest, string display, ClauseText q)
    {
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
        _ => "unchanged",
    };

    [GeneratedRegex(@"^(?<target>.+?)\s+(?:as\s+)?(?<state>unticked|unchecked|unselected|cleared|clear|off|ticked|checked|selected|on|empty|blank|unchanged|untouched|alone|as (?:it is|they are|is))$", RegexOptions.IgnoreCase)]
    private static partial Regex LeaveState();

    [GeneratedRegex(@"\b(?:other|others|rest|remaining)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OthersWords();

    private static string KeyName(string key) => key.ToLowerInvariant() switch
    {
        "ctrl" or "control" => "Control",
        "cmd" or "command" or "meta" => "Meta",
        "alt" or "option" => "Alt",
        _ => "Shift",
    };

    [GeneratedRegex(@"\b(?:hold(?:ing)?|keep(?:ing)?|press(?:ing)?)(?: down)?\s+(?:the\s+)?(?<key>ctrl|control|shift|alt|cmd|command|meta)(?:\s+key)?(?:\s+(?:down|pressed))?\s*(?:,\s*)?(?:and\s+|then\s+|while\s+)?(?:click(?:ing)?|select(?:ing)?)\s+(?:on\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex HoldThenClick();

    [GeneratedRegex(@"\bclick\s+(?:on\s+)?(?<target>.+?)\s+(?:while\s+holding(?: down)?|holding(?: down)?|with)\s+(?:the\s+)?(?<key>ctrl|control|shift|alt|cmd|command|meta)(?:\s+key)?(?:\s+(?:held|pressed|down))?\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClickWhileHolding();

    private static int Times(string n) => n.ToLowerInvariant() switch
    {
        "once" => 1,
        "twice" => 2,
        "thrice" or "three" => 3,
        "two" => 2,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        var d => Math.Clamp(int.Parse(d, System.Globalization.CultureInfo.InvariantCulture), 1, 20),
    };

    [GeneratedRegex(@"\s+(?<n>once|twice|thrice|(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)(?=\s+times))(?:\s+times)?\s*\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex Repeated();

    [GeneratedRegex(@"^(?:the\s+)?(?<menu>.+?)\s+(?:sub-?menu|menu)$", RegexOptions.IgnoreCase)]
    private static partial Regex SubmenuName();

    [GeneratedRegex(@"^(?:it|them|that|this|that one|this one|the new one|the one just (?:created|added))$", RegexOptions.IgnoreCase)]
    private static partial Regex Referent();

    private static InterpretedStep Step(StepKind kind, string text, string? target = null, string? value = null) => new()
    {
        Number = 0,
        Text = text,
        Kind = kind,
        Target = string.IsNullOrWhiteSpace(target) ? null : target.Trim(),
        Value = value,
    };

    private static (string Value, string Target)? SplitValueTarget(string rest, bool withAs)
    {
        var s = SplitLast(rest, " into ") ?? SplitLast(rest, " in ") ?? SplitLast(rest, " inside ") ?? (withAs ? SplitLast(rest, " as ") : null);
        return s is { } x ? (x.Left, x.Right) : null;
    }

    private static (string Left, string Right)? SplitFirst(string s, string separator)
    {
        var i = s.IndexOf(separator, StringComparison.OrdinalIgnoreCase);
        return Cut(s, i, separator.Length);
    }

    private static (string Left, string Right)? SplitLast(string s, string separator)
    {
        var i = s.LastIndexOf(separator, StringComparison.OrdinalIgnoreCase);
        return Cut(s, i, separator.Length);
    }

    private static (string Left, string Right)? Cut(string s, int i, int length)
    {
        if (i <= 0)
        {
            return null;
        }

        var left = s[..i].Trim();
        var right = s[(i + length)..].Trim();
        return left.Length > 0 && right.Length > 0 ? (left, right) : null;
    }

    private static List<string> SplitList(string s) =>
        ListSeparator().Split(s).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();

    private static bool IsSingleWord(string s) => !s.Trim().Contains(' ', StringComparison.Ordinal);

    private static string StripLeadingFillers(string text)
    {
        var t = text.TrimStart();
        while (true)
        {
            var please = Please().Match(t);
            if (please.Success)
            {
                t = t[please.Length..];
                continue;
            }

            var filler = LeadingFiller().Match(t);
            if (filler.Success && Verbs.StartsWithVerb(t[filler.Length..]))
            {
                t = t[filler.Length..];
                continue;
            }

            return t;
        }
    }

    private static string StripTrailingPeriod(string text)
    {
        var t = text.TrimEnd();
        if (!t.EndsWith('.') || t.EndsWith("..", StringComparison.Ordinal))
        {
            return t;
        }

        // "Set Display name to Ada L." keeps the initial's period.
        var lastSpace = t.LastIndexOf(' ');
        var lastWord = t[(lastSpace + 1)..^1];
        return lastWord.Length == 1 && char.IsUpper(lastWord[0]) ? t : t[..^1].TrimEnd();
    }

    [GeneratedRegex("\"(?<q>[^\"]*)\"|“(?<q>[^”]*)”|„(?<q>[^“”]*)[“”]|«(?<q>[^»]*)»|(?<=^|[\\s(:=,])'(?<q>[^']+)'(?=$|[\\s.,;:!?)])|(?<=^|[\\s(:=,])‘(?<q>[^’]+)’(?=$|[\\s.,;:!?)])")]
    private static partial Regex QuotePattern();

    [GeneratedRegex(@"^\s*(?:\d+[.)]|[-*•–]|step\s+\d+\s*[:.)-]?)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^\s*\d+[.)]\s+")]
    private static partial Regex NumberMarker();

    [GeneratedRegex(@"\s+\d+[.)]\s+(?=\p{L})")]
    private static partial Regex InlineNumber();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=\p{Lu})")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\s*;\s*|,?\s+(?:and\s+)?then,?\s+", RegexOptions.IgnoreCase)]
    private static partial Regex StrongSeparator();

    [GeneratedRegex(@",\s+and\s+|,\s+|\s+and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex WeakSeparator();

    [GeneratedRegex(@",\s+and\s+|,\s+|\s+and\s+|\s+&\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ListSeparator();

    [GeneratedRegex(@",\s+(?:and\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex CommaList();

    [GeneratedRegex(@"^(?:both|all\s+of|each\s+of|either)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ListLead();

    [GeneratedRegex(@"^(?<user>\S+)\s*(?:/|\s+and\s+)\s*(?<pass>\S+)$", RegexOptions.IgnoreCase)]
    private static partial Regex BareCredentials();

    [GeneratedRegex(@"^(?:please|kindly)[,]?\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Please();

    [GeneratedRegex(@"[,]?\s+please$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingPlease();

    [GeneratedRegex(@"^(?:then|and|now|next|finally|also|just|afterwards|after that|first|firstly|lastly|you should|you need to|i want to|i need to|we need to|go ahead and|could you|can you|let's|lets)[,]?\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingFiller();

    [GeneratedRegex(@"^(?:in|under|within|inside|on|at|from|for)\s+(?<where>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex LeadPlace();

    [GeneratedRegex(@"\b(?:field|box|input|textbox|text area|textarea|labell?ed|called|named)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LeadNamesField();

    [GeneratedRegex(@"\bby\s+(?<stem>[a-z]+?)ing\s+(?<rest>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ByMethod();

    [GeneratedRegex(@"\s+(?:to|so that|so|in order to)\s+(?!\u0001).*$", RegexOptions.IgnoreCase)]
    private static partial Regex UsePurpose();

    [GeneratedRegex(@"\s+(?:to|in order to)\s+(?<what>(?!\u0001)\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex UseTo();

    [GeneratedRegex(@"^(?<owner>.+?)\s+(?:with|using|via|through|by clicking|by pressing)\s+(?:its|the|their|his|her)\s+(?<control>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex RemoveWith();

    [GeneratedRegex(@"^[a-z]+\b.*?\s(?:with|using|via)\s+(?:its|the|their|his|her)\s+(?<control>.+?\b(?:button|icon|link|arrow|toggle|x))(?:\s+(?:in|on|of|at|inside|within)\s+.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex WithControl();

    [GeneratedRegex(@"^(?:it|its text|the text|this|that)$", RegexOptions.IgnoreCase)]
    private static partial Regex Pronoun();

    [GeneratedRegex(@"^(?<v>.+?)\s+(?<place>(?:in|under|within|inside|on)\s+the\s+.*\b(?:group|section|form|dialog|panel|fieldset|row|table|list|area|column|card|toolbar|sidebar|window|box))$", RegexOptions.IgnoreCase)]
    private static partial Regex ValuePlace();

    [GeneratedRegex(@"\s*,?\s+in\s+(?:all\s+)?(?:(?<upper>upper[\s-]?case|capitals|capital letters|caps|block capitals)|(?<lower>lower[\s-]?case|small letters))\b", RegexOptions.IgnoreCase)]
    private static partial Regex CaseWords();

    [GeneratedRegex(@"^(?:(?:the|a|an|new|two|three|four|five|another|more)\s+)*(?<noun>[a-z][a-z -]*?)s?\b(?:,|\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex AddNoun();

    [GeneratedRegex(@"\s+as\s+(?:complete|completed|done|finished|read|resolved|checked|ticked)$", RegexOptions.IgnoreCase)]
    private static partial Regex MarkAs();

    [GeneratedRegex(@"\s+(?:that|which|who)\s+.*$", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeClause();

    [GeneratedRegex(@"\s+with\b:?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex WithWord();

    [GeneratedRegex(@"\s(?:from|as|in|on)\s", RegexOptions.IgnoreCase)]
    private static partial Regex SelectPreposition();

    [GeneratedRegex("\u0001\\d+\u0002")]
    private static partial Regex QuoteToken();

    [GeneratedRegex(@"\s+(on|off)$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingOnOff();

    [GeneratedRegex(@"^([^:=\u0001]+?)\s*(?::|=)\s*(.+)$")]
    private static partial Regex ColonOrEquals();

    [GeneratedRegex(@"^(?<target>.+?)\s+(?:is|are)\s+(?:(?:turned|switched|set)\s+)?(?<state>on|off|checked|unchecked|ticked|unticked|enabled|disabled|selected|deselected|active|inactive|not checked|not selected|not ticked|not enabled)$", RegexOptions.IgnoreCase)]
    private static partial Regex StateSentence();

    [GeneratedRegex(@"^(?:check|tick|select|enable|activate|turn on|switch on)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex DontVerb();

    [GeneratedRegex(@"^(?:(?:to\s+)?(?:the\s+)?(?:previous|last|prior)\s+page|a\s+page|one\s+page|once)$", RegexOptions.IgnoreCase)]
    private static partial Regex PreviousPage();

    [GeneratedRegex(@"^(?:the|very)\s+|\s+(?:of\s+)?(?:the\s+)?(?:page|screen)$")]
    private static partial Regex ScrollFillers();

    [GeneratedRegex(@"^(?:for\s+)?(\d+(?:[.,]\d+)?)\s*(ms|msec|milliseconds?|s|secs?|seconds?|m|mins?|minutes?)?$")]
    private static partial Regex Duration();

    [GeneratedRegex(@"^(?:for\s+)?(?:a|one)\s+(?:second|sec|moment|bit|little|little bit|tick)$|^(?:briefly|a\s+moment|a\s+bit)$")]
    private static partial Regex ShortWait();

    [GeneratedRegex(@"^(?:for\s+)?(?:a\s+few|a\s+couple\s+of|some|several)\s+seconds$")]
    private static partial Regex FewSeconds();

    [GeneratedRegex(@"^(?:for\s+(?:the\s+)?page\s+to\s+load|for\s+(?:the\s+)?page(?:\s+load)?|until\s+the\s+page\s+(?:loads|has\s+loaded|is\s+loaded)|for\s+(?:it|everything)\s+to\s+load|for\s+loading)$")]
    private static partial Regex PageLoad();

    [GeneratedRegex(@"^(?:for|until|till)\s+(?:the\s+text\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex WaitFor();

    [GeneratedRegex(@"^(?<from>.+?)\s+(?<all>all the way\s+)?(?:(?<dir>up|down|right|left)\s+)?(?:to|onto|into|on to|over|towards|toward)\s+(?<to>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex DragTo();

    [GeneratedRegex(@"^(?<from>.+?)\s+(?:(?:up|down|left|right)\s+)?(?:(?:and|,)\s+)?(?:drop|release|put|place|move)\s+(?:it\s+)?(?:(?:just|right|directly)\s+)?(?<rel>below|under|beneath|after|above|before)\s+(?<to>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex DropBeside();

    [GeneratedRegex(@"^(?<from>.+?)\s+all the way\s+(?:to the\s+)?(?<dir>up|down|right|left)$", RegexOptions.IgnoreCase)]
    private static partial Regex AllTheWay();

    [GeneratedRegex(@"^(?:the\s+)?(?:far\s+|very\s+)?(?<edge>right|left|top|bottom|up|down|end|start|beginning|maximum|max|minimum|min|highest|lowest)(?:\s+(?:end|edge|side|value|position))?(?:\s+of\s+.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DragEdgeWord();

    [GeneratedRegex(@"\b(?:slider|handle|all the way)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SliderWords();

    [GeneratedRegex(@"\s+(?:to\s+appear|to\s+show(?:\s+up)?|to\s+be\s+(?:shown|visible|displayed)|appears|shows\s+up|is\s+(?:shown|visible|displayed)|to\s+load|loads)$", RegexOptions.IgnoreCase)]
    private static partial Regex AppearSuffix();

    [GeneratedRegex(@"^(?:both|all|the two|the three|all the|the)\s+(?:(?:two|three|four|five)\s+)?(?<kind>(?:text |input |search )?(?:fields|boxes|inputs|textboxes|textareas|text areas))$", RegexOptions.IgnoreCase)]
    private static partial Regex PluralFields();

    [GeneratedRegex(@"^as\s+(?<user>\S+?)\s*(?:/|,|\s+with\s+|\s+and\s+|$)\s*(?:(?:the|a)\s+)?(?:(?:password|pass|pwd)\s+)?(?<pass>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex LoginAs();

    /// <summary>Quoted segments of one line, masked while splitting and restored per step.</summary>
    private sealed class ClauseText(List<string> quotes)
    {
        public string Restore(string masked, bool keepQuotes) =>
            QuoteToken().Replace(masked, m =>
            {
                var inner = quotes[int.Parse(m.Value[1..^1], System.Globalization.CultureInfo.InvariantCulture)];
                return keepQuotes ? $"\"{inner}\"" : inner;
            });

        public string Value(string masked)
        {
            var t = masked.Trim().TrimStart(':').Trim();
            return QuoteToken().IsMatch(t) && QuoteToken().Match(t).Length == t.Length ? Restore(t, false) : Restore(t, false).Trim();
        }
    }
}
