using System.Text.RegularExpressions;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>Steps that fill fields and make choices: type, fill, select, tick, switch, set, log in.</summary>
internal static partial class StepParser
{
    private static readonly HashSet<string> ButtonVerbs = ["mark", "enable", "disable", "activate", "deactivate", "accept", "agree to"];
    private static readonly string[] Nth = ["1st", "2nd", "3rd", "4th", "5th"];

    private static IEnumerable<InterpretedStep> ParseType(string word, string rest, string display, ClauseText q)
    {
        if (OverIt().Match(rest) is { Success: true } over)
        {
            // "start typing Jim Halpert over it" after opening the editor: replace what it holds, where the focus is (and
            // nothing committed: what comes next says whether it is kept).
            return ReplaceFocused(q.Value(over.Groups["v"].Value))[..2];
        }

        if (SplitList(rest) is { Count: >= 2 and <= 8 } assignments && assignments.All(a => SplitValueTarget(a, withAs: true) is { } each && !IsPronounOnly(each.Target)))
        {
            // "Enter dana@example.org as the e-mail and 555-0142 as the phone number", "type Ann into First name, Lee into
            // Last name": a value and its field, each.
            return assignments.Select(a => SplitValueTarget(a, withAs: true)!.Value)
                .Select(a => Step(StepKind.Type, $"{word} {q.Restore(a.Value, true)} into {q.Restore(a.Target, true)}", target: q.Restore(a.Target, true), value: q.Value(a.Value)))
                .ToList();
        }

        if (SplitValueTarget(rest, withAs: true) is { } vt)
        {
            var value = q.Value(vt.Value);
            var targets = SplitList(vt.Target);
            var values = SplitList(vt.Value);
            if (targets.Count == 1 && values.Count is >= 2 and <= 5 && PluralFields().Match(vt.Target) is { Success: true } plural)
            {
                // "Enter "alpha" and "beta" into both text fields": one value per field, in reading order.
                var one = Singular(plural.Groups["kind"].Value);
                return values.Select((v, i) => Step(StepKind.Type, $"{word} {q.Restore(v, true)} into the {Nth[i]} {one}", target: $"the {Nth[i]} {one}", value: q.Value(v)));
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

    private static bool IsPronounOnly(string target) => Pronoun().IsMatch(target.Trim());

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

        var asList = SplitList(rest);
        if (asList.Count > 1 && asList.All(p => SplitLast(p, " as ") is { } pa && (pa.Right.Any(char.IsDigit) || QuoteToken().IsMatch(pa.Right))))
        {
            // "Fill in the Tax ID as 12-3456789 and the Product Key as ab-123-c456".
            return asList.Select(p => SplitLast(p, " as ")!.Value).Select(pa =>
                Step(StepKind.Type, $"{word} {q.Restore(pa.Left, true)} as {q.Restore(pa.Right, true)}", target: q.Restore(pa.Left, true), value: q.Value(pa.Right))).ToList();
        }

        if (SplitLast(rest, " as ") is { } fillAs && (fillAs.Right.Any(char.IsDigit) || QuoteToken().IsMatch(fillAs.Right)))
        {
            // "Fill in the Tax ID as 12-3456789".
            return [Step(StepKind.Type, display, target: q.Restore(fillAs.Left, true), value: q.Value(fillAs.Right))];
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
        if ((SplitLast(rest, " in ") ?? SplitLast(rest, " from ")) is { } entry && NamedEntry().Match(entry.Left.Trim()) is { Success: true } e)
        {
            // "choose the new entry "Something New" in Tools": the quoted name is the option.
            rest = $"{e.Groups["q"].Value} in {entry.Right}";
        }

        var hasPreposition = SelectPreposition().IsMatch(rest);
        var quoted = QuoteToken().Matches(rest);
        if (quoted.Count == 1 && !hasPreposition)
        {
            var field = rest.Remove(quoted[0].Index, quoted[0].Length).Trim();
            return Step(StepKind.Select, display, target: field.Length == 0 ? null : q.Restore(field, true), value: q.Value(quoted[0].Value));
        }

        var split = SplitFirst(rest, " from ") ?? SplitLast(rest, " as ") ?? SplitLast(rest, " in ") ?? SplitLast(rest, " on ");
        if (split is { } list && SuggestionList().IsMatch(list.Right.Trim()))
        {
            // "pick "Jörn Zaefferer" from the suggestions": the list that drops down names no field; the option is the target.
            return Step(StepKind.Select, display, value: q.Value(list.Left));
        }

        return split is { } s
            ? Step(StepKind.Select, display, target: q.Restore(s.Right, true), value: q.Value(s.Left))
            : Step(StepKind.Select, display, value: q.Value(rest));
    }

    private static IEnumerable<InterpretedStep> Targets(StepKind kind, string word, string rest, string display, ClauseText q)
    {
        rest = ListLead().Replace(rest, "");

        // "Mark every open task as done except "Fix bug"": the state said before the exceptions is read as if said last.
        rest = StateBeforeExcept().Replace(rest, m => $" {m.Groups["except"].Value}{m.Groups["as"].Value}");
        var marks = word.Equals("mark", StringComparison.OrdinalIgnoreCase);
        var markNot = marks ? MarkAsNot().Match(rest) : Match.Empty;
        var markAs = marks ? MarkAs().Match(rest) : Match.Empty;
        var said = markNot is { Success: true, Index: > 0 } ? markNot : markAs is { Success: true, Index: > 0 } ? markAs : null;
        if (said is not null && EveryItem().IsMatch(rest[..said.Index]))
        {
            // "Mark every open task as done": each one's box, one at a time; "mark all as not done": each one unticked.
            kind = said == markNot ? StepKind.Uncheck : kind;
            rest = rest[..said.Index];
        }
        else if (said is not null && said == markNot)
        {
            // "Mark it as not done", "mark the meeting as incomplete": its box unticked.
            return [Step(StepKind.Uncheck, display, target: q.Restore(rest[..said.Index], true))];
        }
        else if (said is not null)
        {
            // "Mark the todo "Feed cat" as completed": the box of that item; "Mark all as complete" stays a button name too.
            return [Step(kind, display, target: q.Restore(rest[..said.Index], true)) with { Alternatives = [display] }];
        }

        if (kind == StepKind.Check && !word.Equals("mark", StringComparison.OrdinalIgnoreCase))
        {
            // "tick it off as done", "check "Buy milk" off": the particle and what it means are no part of the name.
            rest = TickOff().Replace(MarkAs().Replace(rest, ""), "");
        }

        if (kind is StepKind.Check or StepKind.Uncheck && EveryItem().Match(rest) is { Success: true } every)
        {
            // "Tick off every todo except "Call the bank"", "untick all the items": each box of the list, one at a time.
            var except = every.Groups["except"].Success ? SplitList(every.Groups["except"].Value).Select(e => q.Restore(e, false).Trim()).ToList() : [];
            var place = every.Groups["place"].Success ? q.Restore(every.Groups["place"].Value, false).Trim() : null;

            // "every ticked Stephen King title": a name before the kind word says which of them (those under "Stephen
            // King"); lower-case words are the kind ("every todo item"). With a place too, both must hold, which no
            // section's name does: nothing is ticked rather than every box of the place.
            var named = every.Groups["qual"].Value.Trim();
            if (named.Length > 0 && (char.IsUpper(named[0]) || char.IsDigit(named[0]) || named[0] == '\u0001'))
            {
                place = place is null ? q.Restore(named, false).Trim() : $"{q.Restore(named, false).Trim()} in {place}";
            }

            return [Step(kind, display, target: q.Restore(every.Groups["noun"].Value, true)) with
            {
                Every = true, Except = except, Column = every.Groups["column"].Success ? q.Restore(every.Groups["column"].Value, false).Trim() : null,
                Context = place,
            }];
        }

        if (kind is StepKind.Check or StepKind.Uncheck)
        {
            // "Tick the item whose author is Ivy Lorrie", "the one written by Jonathan Carter": the box on the row that shows
            // that value, as "Tick Ivy Lorrie" is. "the third row's checkbox": the checkbox of the third row.
            rest = RowByValue().Match(rest) is { Success: true } byValue ? byValue.Groups["v"].Value
                : NthRowPossessive().Match(rest) is { Success: true } nth ? $"the {nth.Groups["control"].Value} of the {nth.Groups["ord"].Value} {nth.Groups["noun"].Value}"
                : rest;
        }

        var targets = SplitList(rest);
        if (targets.Count > 1 && OrdinalNoun().Match(targets[^1]) is { Success: true } counted)
        {
            // "the checkboxes of the second and the fourth item": "the second" is an item too.
            targets = targets.Select(t => BareOrdinalEnd().IsMatch(t) ? $"{t} {counted.Groups["noun"].Value}" : t).ToList();
        }

        if (targets.Count == 1)
        {
            // "Deactivate account", "Mark as read": on many pages these are buttons, not checkboxes.
            var buttonToo = ButtonVerbs.Contains(word.ToLowerInvariant());
            return [Step(kind, display, target: q.Restore(rest, true)) with { Alternatives = buttonToo ? [display] : [] }];
        }

        return targets.Select(t => Step(kind, $"{word} {q.Restore(t, true)}", target: q.Restore(t, true)));
    }

    private static IEnumerable<InterpretedStep>? ParseOnOff(string rest, string display, ClauseText q)
    {
        var m = TrailingOnOff().Match(rest);
        if (!m.Success || m.Index == 0)
        {
            return null;
        }

        var kind = m.Groups[1].Value.Equals("on", StringComparison.OrdinalIgnoreCase) ? StepKind.Check : StepKind.Uncheck;
        var word = kind == StepKind.Check ? "on" : "off";
        var targets = SplitList(ListLead().Replace(rest[..m.Index], ""));
        // "Turn Filtering and Sorting off": one switch each, as "turn off Filtering and Sorting" is.
        return targets.Count == 1
            ? [Step(kind, display, target: q.Restore(rest[..m.Index], true))]
            : targets.Select(t => Step(kind, $"turn {q.Restore(t, true)} {word}", target: q.Restore(t, true))).ToList();
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
        rest = ReadsAs().Replace(rest, " to "); // "Set the quantity so it reads 3"
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
            if (word.Equals("change", StringComparison.OrdinalIgnoreCase) && ChangeFrom().Match(s.Left) is { Success: true } from)
            {
                // "Change the picker labelled "Single" from JavaScript to Python": the old value is no part of the name.
                s = (from.Groups["t"].Value, s.Right);
            }

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
        // "Show the code behind "Remove …"": the thing to show is the code, by the named one; the named one is no target
        // (clicking it would run it).
        if (PartOfQuoted().Match(display) is { Success: true } part)
        {
            return Step(StepKind.Click, display, target: $"{part.Groups["verb"].Value} {part.Groups["part"].Value}") with
            {
                Context = part.Groups["owner"].Value.Trim('"'),
                ContextIsOwner = true,
            };
        }

        // "Bring LexCorp plc. to the front": a tab or window is brought forward by clicking it.
        if (ToTheFront().Match(display) is { Success: true } front)
        {
            return Step(StepKind.Click, display, target: $"{front.Groups["what"].Value.Trim()}{front.Groups["rest"].Value}".Trim());
        }

        // "Maximise the Performance panel": the panel's own maximise control, on its header's line, never another panel's.
        if (PanelVerb().Match(display) is { Success: true } panel)
        {
            var verb = panel.Groups["verb"].Value.ToLowerInvariant().Replace('z', 's');
            var owner = TargetQuery.StripPurpose(panel.Groups["owner"].Value).Trim();
            return Step(StepKind.Click, display, target: verb) with
            {
                Alternatives = verb switch { "maximise" => ["maximize", "full screen"], "minimise" => ["minimize"], _ => [] },
                Context = owner,
                ContextIsOwner = true,
                OnOwnerRow = true,
                AsWritten = owner,
            };
        }

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
}
