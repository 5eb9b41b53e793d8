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
        var steps = Parse(task, listMoves: false);

        // "Add the Churn panel to the dashboard", "Move Diego back to Department": a move between two lists the words may
        // mean without saying "list". The task is read again with such sentences read as moves, through the same passes
        // (pronouns, places), and each move kept beside the sentence's usual reading: it is grounded only on a page with
        // two list boxes, one of them named so (StepResolver.Transfer); anywhere else the step is what it was.
        var moves = Parse(task, listMoves: true);
        return moves.Count != steps.Count ? steps : steps.Select((s, i) => moves[i] is { Kind: StepKind.Drag, Value: { } to } m
            && (s.Kind != StepKind.Drag || s.Value != to) ? s with { ListMove = m with { Otherwise = null } } : s).ToList();
    }

    private static List<InterpretedStep> Parse(string task, bool listMoves)
    {
        var steps = new List<InterpretedStep>();
        foreach (var rawLine in task.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'))
        {
            var quotes = new List<string>();
            // "rgba(255,0,0,0.25)", "hsl(120, 50%, 40%)": a value written as a function call is one value, as if quoted;
            // its brackets are no aside and its commas no list.
            var masked = QuotePattern().Replace(CallValue().Replace(rawLine, "\"${v}\""), m =>
            {
                quotes.Add(m.Groups["q"].Value);
                return $"{QuoteOpen}{quotes.Count - 1}{QuoteClose}";
            });
            masked = MaskParentheticals(DashBreaks(masked));
            var numbered = NumberMarker().IsMatch(masked);
            masked = ListMarker().Replace(masked, "").Trim();
            if (masked.Length == 0)
            {
                continue;
            }

            var text = new ClauseText(quotes) { ListMoves = listMoves };
            var items = numbered ? InlineNumber().Split(masked) : [masked];
            foreach (var item in items)
            {
                string? described = null;
                string? describedMasked = null;
                foreach (var sentence in Sentences(item))
                {
                    // "Under "Nested inputs" there are four boxes labelled "This is a test".": a description of the page is
                    // no step; it says where the next sentence's steps act.
                    var plain = StripTrailingPeriod(StripLeadingFillers(sentence.Trim()));
                    if (Announcement().IsMatch(plain))
                    {
                        // "Two changes.", "Three things to do:": what follows is counted, nothing to do here.
                        continue;
                    }

                    if (IsDescription(plain))
                    {
                        described = text.Restore(plain, keepQuotes: false);
                        describedMasked = plain;
                        continue;
                    }

                    if (steps.Count > 0 && FillsWhatWasStated(plain))
                    {
                        // "Time should be 14:45 and Month June 2027. Fill those two in.": the values stated are the steps.
                        continue;
                    }

                    var rewritten = ItIsDescribed(sentence, describedMasked);
                    if (!ReferenceEquals(rewritten, sentence))
                    {
                        // The description named what the sentence acts on; it says nothing more of where.
                        described = null;
                        describedMasked = null;
                    }

                    var parsed = ParseSentence(rewritten, text).ToList();
                    var named = new HashSet<InterpretedStep>(ReferenceEqualityComparer.Instance);
                    if (described is not null && NamedInDescription(describedMasked, text) is { } describedName)
                    {
                        // "… is a field reading "Automatic position". Open its calendar": it is the thing the description named,
                        // and the description says nothing more of where it is ("The second todo has a typo. Double-click it").
                        parsed = parsed.Select(s =>
                        {
                            if (s.Context is { } owned && OwnedBy().Match(owned) is { Success: true } his && (s.Target is null || !Referent().IsMatch(s.Target.Trim())))
                            {
                                // "Spot is no longer with the family. Delete his row": his is Spot's.
                                var mine = s with { Context = $"{describedName}'s {owned[his.Length..]}" };
                                named.Add(mine);
                                return mine;
                            }

                            if (s.Target is { } part && s.Kind is StepKind.Check or StepKind.Uncheck && ItsPart().Match(part.Trim()) is { Success: true } its)
                            {
                                // "The Rainmaker is back in stock. Tick its In Store box": the box on The Rainmaker's row.
                                var partOf = s with { Target = $"{part.Trim()[its.Length..]} for {describedName}" };
                                named.Add(partOf);
                                return partOf;
                            }

                            if (s.Target is not { } t || !(Referent().IsMatch(t.Trim()) || ThatKind().IsMatch(t.Trim())))
                            {
                                return s;
                            }

                            var it = s with { Target = describedName, Context = HasThingPlace(describedMasked, text) ?? s.Context };
                            named.Add(it);
                            return it;
                        }).ToList();
                    }

                    // Keys and typing into the open editor act where the focus is: a place would send them elsewhere.
                    steps.AddRange(described is null ? parsed : parsed.Select(s => (s.Context is null || Referent().IsMatch(s.Context)) && !named.Contains(s) && !s.InEditor
                        && s.Kind is not (StepKind.Navigate or StepKind.Wait or StepKind.PressKey) ? s with { Context = described } : s));
                    described = null;
                    describedMasked = null;
                }
            }
        }

        return AttachDialogReplies(ResolveOthers(OpenNamedTabs(BackAgain(SetAgain(ResolvePronouns(steps)))))).Select((s, i) => s with { Number = i + 1 }).ToList();
    }

    // "tabs" → "tab", "boxes" → "box", "entries" → "entry": the one of many an ordinal counts.
    private static string Singular(string noun) =>
        noun.EndsWith("ies", StringComparison.OrdinalIgnoreCase) && noun.Length > 4 ? noun[..^3] + "y"
        : System.Text.RegularExpressions.Regex.IsMatch(noun, "(?:x|ch|sh|ss)es$", System.Text.RegularExpressions.RegexOptions.IgnoreCase) ? noun[..^2]
        : noun.EndsWith('s') && !noun.EndsWith("ss", StringComparison.OrdinalIgnoreCase) ? noun[..^1]
        : noun;

    private static string Unquoted(string phrase) => phrase.Replace("\"", "", StringComparison.Ordinal);

    // "Create a todo called "Renew passport", then mark it as done", "Type 5 into Quantity, then clear it": "it" is what
    // the step before acted on (its element, or the item it created when it named none). Keys and waits act on nothing.
    private static List<InterpretedStep> ResolvePronouns(List<InterpretedStep> steps)
    {
        for (var i = 1; i < steps.Count; i++)
        {
            steps[i] = WordsOfTyping(steps[i], steps.Take(i));
            if (steps[i] is { Kind: StepKind.Type or StepKind.Fill or StepKind.Set, Value: { } same, Target: not null } && SameValue().IsMatch(same.Trim())
                && steps.Take(i).LastOrDefault(s => s.Kind is StepKind.Type or StepKind.Fill or StepKind.Set && s.Value is { Length: > 0 } v && !SameValue().IsMatch(v.Trim())) is { } typed)
            {
                // "Set the password to X and repeat it in Confirm Password": "it" is the value typed before.
                steps[i] = steps[i] with { Value = typed.Value, DateValue = typed.DateValue, DateFormat = typed.DateFormat };
            }

            if (steps[i].Context is { } where && Referent().IsMatch(where.Trim()) && Referable(steps[i - 1]) is { } place)
            {
                // "…, and inside it open …": the place is what the step before opened.
                steps[i] = steps[i] with { Context = Unquoted(place), WithinPrevious = true };
            }

            if (Referable(steps[i - 1]) is { } named0 && (steps[i].Target is { } t0 && There().IsMatch(t0) || steps[i].Value is { } v0 && There().IsMatch(v0)))
            {
                // "Scroll down to the last menu, …, and choose Amesville there": there is the place the step before named.
                steps[i] = steps[i] with
                {
                    Target = steps[i].Target is { } tt ? There().Replace(tt, "") : null,
                    Value = steps[i].Value is { } vv ? There().Replace(vv, "") : null,
                    Context = Unquoted(named0),
                };
            }

            if (Referable(steps[i - 1]) is { } opener && (steps[i].Target ?? (steps[i].Kind == StepKind.Select ? steps[i].Value : null)) is { } phrase
                && InsideOpened().Match(phrase.Trim()) is { Success: true } within)
            {
                // "Navigate A > B and choose the last link of that sub-menu": a click on what B's step brought up.
                var chosen = steps[i].Target is null;
                steps[i] = steps[i] with
                {
                    Kind = chosen ? StepKind.Click : steps[i].Kind,
                    Target = within.Groups["t"].Value,
                    Value = chosen ? null : steps[i].Value,
                    Context = Unquoted(opener),
                    WithinPrevious = true,
                };
                continue;
            }

            if (steps[i] is { Kind: StepKind.Select, Target: null, Value: { } nth } && OrdinalEntry(nth) is { } entry)
            {
                // "Open the full country list and choose the first entry", "type "ba" and take the third suggestion":
                // the entry is counted among what the step before brought up.
                var listOwner = Referable(steps[i - 1]) ?? steps[i - 1].Context;
                steps[i] = steps[i] with { Kind = StepKind.Click, Target = entry, Value = null, Context = listOwner is null ? steps[i].Context : Unquoted(listOwner), WithinPrevious = true };
                continue;
            }

            if (Referable(steps[i - 1]) is { } opener2 && steps[i] is { Kind: StepKind.Select, Target: { } place2, Value: { Length: > 0 } item } && OpenedPlace().IsMatch(place2.Trim()))
            {
                // "…, then pick "Export to PDF" in the menu it opens": the entry is clicked among what the step before brought up.
                steps[i] = steps[i] with { Kind = StepKind.Click, Target = $"\"{item}\"", Value = null, Context = Unquoted(opener2), WithinPrevious = true };
                continue;
            }

            if (steps[i].Target is { } inside && Referable(steps[i - 1]) is { } opened
                && (InsideReferent().Match(inside.Trim()) is { Success: true } m ? m.Groups["t"].Value
                    : Possessive().Match(inside.Trim()) is { Success: true } p ? $"the {p.Groups["t"].Value}" : null) is { Length: > 0 } named)
            {
                // "open Salzburg, then the second Delphi inside it", "go to the Second tab and choose Fast in its dropdown".
                // With both steps placed by the sentence's lead ("For the Flat skin: tick Checkbox 1, then open its Usage
                // tab") after a step that opens nothing (a box ticked, a value set), "its" is the place's.
                steps[i] = steps[i].Context is { Length: > 0 } lead && lead == steps[i - 1].Context
                    && steps[i - 1].Kind is StepKind.Check or StepKind.Uncheck or StepKind.Select or StepKind.Type or StepKind.Fill or StepKind.Set
                    ? steps[i] with { Target = named }
                    : steps[i] with { Target = named, Context = Unquoted(opened), WithinPrevious = true };
            }

            if (steps[i].Target is not { } t || !Referent().IsMatch(t.Trim()))
            {
                continue;
            }

            var before = steps.Take(i).LastOrDefault(s => s.Kind is not (StepKind.PressKey or StepKind.Wait or StepKind.WaitForText or StepKind.Scroll));
            var referent = (before is null ? null : Referable(before)) ?? (before is { Kind: StepKind.Type or StepKind.Fill, Value: { Length: > 0 } v } ? $"\"{v}\"" : null);
            if (referent is not null)
            {
                steps[i] = steps[i] with { Target = referent, Context = steps[i].Context ?? before!.Context };
            }
        }

        return steps;
    }

    // A text that is one quoted value and nothing else (its quote masked).
    private static bool IsOneQuote(string text) => QuoteToken().Match(text) is { Success: true } only && only.Length == text.Length;

    // What "it" in a later step means: the target as written, when grounding was given other words for it.
    private static string? Referable(InterpretedStep step) => step.AsWritten ?? step.Target;

    // "Under "Bed Type", check "1 King"", "In the Tab data dialog set Title to X": a leading place phrase is no step;
    // it says where the following steps of the sentence act (soft context), or names the field a bare value goes to.
    private static IEnumerable<InterpretedStep> ParseSentence(string sentence, ClauseText q)
    {
        sentence = TakenAndMoved(sentence);
        var result = new List<InterpretedStep>();
        string? lead = null;
        string? repeat = null;
        string? pointed = null;
        string? readyPlace = null;
        if (IfAsked().Match(StripLeadingFillers(sentence.Trim())) is { Success: true } && ParseDialogAnswer(StripTrailingPeriod(StripLeadingFillers(sentence.Trim())), sentence, q) is { } ifAsked)
        {
            // "If a message pops up, OK it", "When asked to confirm, say no".
            return [ifAsked with { Text = StripTrailingPeriod(q.Restore(sentence.Trim(), keepQuotes: true)) }];
        }

        if (DialogAnswer().IsMatch(sentence) && DialogWords().IsMatch(sentence) && !VerifyLead().IsMatch(StripLeadingFillers(sentence.Trim()))
            && SplitClauses(sentence).All(c => StartsDialogAnswer(c) || Verbs.MatchFuzzy(StripLeadingFillers(c.Trim())) is null))
        {
            // "If a "completed!" message pops up, OK it", "the page pops up messages - just OK them", "answer yes".
            return [Answer(StripTrailingPeriod(q.Restore(sentence.Trim(), keepQuotes: true)), DialogReply.Ok, AcceptButtons) with { IfShown = true }];
        }

        var clauses = SplitClauses(HeldKeys(sentence));
        for (var i = 0; i < clauses.Count; i++)
        {
            var clause = clauses[i];
            if (i < clauses.Count - 1 && IsDescription(StripTrailingPeriod(StripLeadingFillers(clause.Trim()))))
            {
                // "The Date box is greyed out, so press "Choose Date"": the statement says where the next clauses act.
                lead ??= q.Restore(StripTrailingPeriod(StripLeadingFillers(clause.Trim())), keepQuotes: false);
                continue;
            }

            if (IsWithoutRemark(clause) || MindChanged().IsMatch(StripTrailingPeriod(clause.Trim())) || FillsWhatWasStated(clause) && (result.Count > 0 || i > 0))
            {
                // "Without filling anything in, press Submit", "Time should be 14:45 …. Fill those two in": no step.
                continue;
            }

            if (OnceReady(clause) is { } ready)
            {
                // "once Tube stations becomes available, choose Old Street there": no step; "there" is what it named.
                readyPlace = ready;
                continue;
            }

            if (readyPlace is not null && There().Match(clause.TrimEnd().TrimEnd('.')) is { Success: true } there)
            {
                clause = clause.TrimEnd().TrimEnd('.')[..there.Index] + " in " + readyPlace;
            }

            readyPlace = null;
            if ((lead is null || i > 0) && ReadLead(clause, i < clauses.Count - 1) is { } found)
            {
                // A goal before a colon ("I need ID 10 at the top: sort …") is no place; a second place inside the first
                // ("Under "Multiple select input", in the Option groups box pick Paris") is the nearer one.
                if (found.Where.Length > 0 && !IsGoalLead(found.Where))
                {
                    lead = q.Restore(found.Where, keepQuotes: true);
                }

                if (found.Remainder.Length == 0)
                {
                    continue;
                }

                clause = found.Remainder;
            }

            var (plain, transform) = ReadTransform(clause);
            plain = AtOnce().Replace(plain, ""); // "open every branch at once": all together, one step
            var times = 1;
            if (Repeated().Match(plain) is { Success: true } rep && rep.Index > 0)
            {
                // "Click the spinner's up arrow three times": the same step, once per time (each one checked).
                times = Times(rep.Groups["n"].Value);
                plain = plain[..rep.Index];
            }
            else if (RepeatedBeforeInstrument().Match(plain) is { Success: true } before && before.Index > 0)
            {
                // "nudge the value up three times with its + button": the control after "with", once per time.
                times = Times(before.Groups["n"].Value);
                plain = plain.Remove(before.Index, before.Length);
            }

            // "Add two todos, first "A" and then "B"": a clause that is only a quoted value repeats the last verb.
            var bare = StripLeadingFillers(plain).Trim().TrimEnd('.');
            var parsed = repeat is not null && IsOneQuote(bare)
                ? ParseClause($"{repeat} {bare}", q)
                : pointed is not null && Verbs.MatchFuzzy(bare) is null && (ObjectOnly().IsMatch(bare) || ChoiceOnly(pointed, bare))
                    ? ParseClause($"{pointed} {bare}", q)
                    : ParseClause(plain, q);
            // "Enter the phone number 555 010 4477", "enter the name Tomasz": the words before an unquoted value say what it is.
            parsed = parsed.Select(s => s is { Kind: StepKind.Type or StepKind.Fill or StepKind.Set, Value: { } v } && !q.Restore(plain, keepQuotes: true).Contains($"\"{v}\"", StringComparison.Ordinal)
                && ValueDescriptor().Match(v) is { Success: true } d ? s with { Value = d.Groups["v"].Value } : s).ToList();
            var dayFirst = DayFirst().IsMatch(Unmask(plain));
            var pattern = DatePatternOf(Unmask(sentence));
            parsed = parsed.Select(s => s is { Kind: StepKind.Type or StepKind.Set or StepKind.Fill, Value: { } v } && ReadTypedDate(LeadingThe().Replace(v, ""), dayFirst) is { } d
                ? s with { DateValue = d, DateFormat = pattern }
                : s).ToList();
            var said = Verbs.Match(StripLeadingFillers(plain));
            repeat = said is { Kind: VerbKind.Add or VerbKind.Type or VerbKind.Check or VerbKind.Select } v ? v.Word : repeat;

            // "open Salzburg, then the second Delphi inside it": a clause that is only an object does what the last one did.
            pointed = said is { Kind: VerbKind.Click or VerbKind.Go or VerbKind.Hover or VerbKind.DoubleClick or VerbKind.Check or VerbKind.Uncheck or VerbKind.Select } p
                ? p.Word
                : said is null ? pointed : null;
            if (transform is not null)
            {
                parsed = parsed.Select(s => s.Value is { } v && s.Kind is StepKind.Type or StepKind.Fill or StepKind.Set or StepKind.Implicit or StepKind.Search
                    ? s with { Value = transform(v) }
                    : s).ToList();
            }

            var steps = parsed.Select(ListedUnder).Select(WithRowOwner).Select(NoOthers).SelectMany(MenuPath).ToList();
            if (times > 1 && steps.Count == 1 && steps[0].Kind is StepKind.Click or StepKind.PressKey or StepKind.DoubleClick)
            {
                var one = steps[0];
                steps = Enumerable.Range(1, times).Select(k => one with { Text = $"{one.Text} ({k} of {times})" }).ToList();
            }

            parsed = steps;

            if (result.LastOrDefault() is { Kind: StepKind.Scroll or StepKind.Click } last && Referable(last) is { } opened)
            {
                // "Scroll down to the Country box and choose Norway": a choice with no field named is made in the field the
                // step before went to.
                parsed = parsed.Select(s => s is { Kind: StepKind.Select, Target: null, Context: null } ? s with { Context = Unquoted(opened) } : s).ToList();
            }

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
        if (TopicColon().Match(text) is { Success: true } person && PersonTopic().Match(person.Groups["topic"].Value.Trim()) is { Success: true } who
            && Verbs.StartsWithVerb(StripLeadingFillers(person.Groups["rest"].Value)) && HimOrHer().Match(person.Groups["rest"].Value) is { Success: true } her)
        {
            // "Invite Hana Sato: tick her in the Department list, then …": her is the person the lead names.
            var rest = person.Groups["rest"].Value;
            return ("", $"{rest[..her.Index]}{who.Groups["name"].Value}{rest[(her.Index + her.Length)..]}".Trim());
        }

        if (TopicColon().Match(text) is { Success: true } heading && Verbs.MatchFuzzy(heading.Groups["topic"].Value) is { Kind: not VerbKind.Fill } goal
            && Verbs.MatchFuzzy(StripLeadingFillers(heading.Groups["rest"].Value)) is { } how && how.Kind != goal.Kind
            && !QuoteToken().IsMatch(heading.Groups["topic"].Value) && !GoThrough().IsMatch(heading.Groups["topic"].Value) && !TitleCase().IsMatch(heading.Groups["topic"].Value.Trim())
            && Verbs.StartsWithVerb(StripLeadingFillers(heading.Groups["rest"].Value)) && FieldList(text) is null)
        {
            // "Empty the Invited list: move everyone on it back to Department", "Deactivate this account: tick the box that
            // confirms it": the steps after the colon say how; what comes before is their heading, no step of its own. A
            // heading in title case names a section ("Toggle Between Modals: launch it"), one with the same verb names the
            // control ("Select a file: choose …"): read as before.
            return ("", heading.Groups["rest"].Value.Trim());
        }

        if (TopicColon().Match(text) is { Success: true } topic
            && (Verbs.StartsWithVerb(StripLeadingFillers(topic.Groups["rest"].Value)) || StartsSpecial(topic.Groups["rest"].Value) || ItStatement().IsMatch(topic.Groups["rest"].Value))
            && (Verbs.MatchFuzzy(topic.Groups["topic"].Value) is null || GoThrough().IsMatch(topic.Groups["topic"].Value)))
        {
            if (!GoThrough().IsMatch(topic.Groups["topic"].Value) && !LeadPlace().IsMatch(topic.Groups["topic"].Value.Trim())
                && TopicAsIt(topic.Groups["topic"].Value, topic.Groups["rest"].Value.Trim()) is { } itNamed)
            {
                // "First slider on the page: bring it down to 47": "it" is the topic; no place is left.
                return ("", itNamed);
            }

            // "Tags field at the top of the page: add a new tag …", "In it: expand …": what comes before the colon is the place.
            var named = topic.Groups["topic"].Value.Trim();
            if (CountedPlace().Match(named) is { Success: true } counted)
            {
                // "Three changes in the grid: …": the count announces the steps; the place is the grid.
                named = counted.Groups["where"].Value.Trim();
            }

            return (LeadPlace().Match(named) is { Success: true } inPlace ? inPlace.Groups["where"].Value.Trim() : named, topic.Groups["rest"].Value.Trim());
        }

        var m = LeadPlace().Match(text);
        if (!m.Success || Verbs.MatchFuzzy(text) is not null || FieldList(text) is { } pairs && !pairs.Place.Contains(',', StringComparison.Ordinal))
        {
            // "In the Settings screen under the Photos tab: phone 555-0100, gender Female": the place ends at the colon,
            // and the pairs after it are read as a place's field list, not cut at their first comma.
            return null;
        }

        var where = m.Groups["where"].Value.Trim();

        // No comma before it: the place ends where a verb starts ("In the Tab data dialog set Title to …", "in the dialog
        // enter Name "Ada", Email …": the place is "the dialog", and all the rest is the step). Before a comma a short
        // tail is still the place's name ("In the Open dialog, …").
        var comma = where.IndexOf(", ", StringComparison.Ordinal);
        var words = (comma > 0 ? where[..comma] : where).Split(' ');
        for (var n = 1; n < Math.Min(words.Length, 9); n++)
        {
            if (words[..n].All(w => w.ToLowerInvariant() is "the" or "a" or "an" or "this" or "that" or "its" or "their" or "his" or "her" or "my" or "our" or "your"))
            {
                // "In the Select drop-down choose Star Wars": "the" alone is no place; "Select" names the box here.
                continue;
            }

            var rest = string.Join(' ', words[n..]);
            if ((!moreFollow || comma > 0 || words.Length - n >= 3 || PlaceNoun().IsMatch(words[n - 1])) && (Verbs.StartsWithVerb(rest)
                && Verbs.Match(rest) is { Kind: not (VerbKind.Turn or VerbKind.Switch or VerbKind.Login) } || StartsSpecial(rest)))
            {
                var place = string.Join(' ', words[..n]);
                return (place, where[(place.Length + 1)..].Trim());
            }
        }

        // "In the "Clear/reset rater" section, rate three stars": the place ends at its comma, and what follows is a step
        // (understood or not), never more of the place's name.
        if (comma > 0 && where[(comma + 2)..].Trim() is { Length: > 0 } after)
        {
            return (where[..comma].Trim(), after);
        }

        return moreFollow ? (where, "") : null;
    }

    private static InterpretedStep WithLead(InterpretedStep step, string lead)
    {
        var plain = Unquoted(lead);
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

    // "Fold Chocolate back up", "collapse the Billing section again": the particle says which way, not what.
    private static string FoldParticle(string verb, string rest) => Folds(verb) ? FoldBack().Replace(rest, "") : rest;

    // "collapse", "fold", "fold up", "fold away": the verbs that close what is open.
    private static bool Folds(string verb) => verb.ToLowerInvariant() is "fold" or "fold up" or "fold away" or "collapse";

    // "name Ada Lovelace, age 29": a list of fields each with its value, as one step (in a place, or where the step before
    // brought them when the place is null).
    private static InterpretedStep FieldPairs(string pairs, string? place, string display, ClauseText q) =>
        Step(StepKind.Implicit, display, target: place, value: q.Value(pairs.Trim()))
            with { Pairs = CommaList().Split(pairs).Where(p => p.Trim().Length > 0).Select(p => q.Restore(p.Trim(), true)).ToList() };

    [GeneratedRegex(@"\s+(?:back\s+)?(?:up|in|again|shut|closed)$|\s+back$", RegexOptions.IgnoreCase)]
    private static partial Regex FoldBack();

    private static List<string> SplitClauses(string sentence)
    {
        var result = new List<string>();
        foreach (var whole in StrongSeparator().Split(sentence))
        {
            var strong = whole;
            if (PairListEnd(strong) is { } pairsEnd)
            {
                // "Validation wizard: name Tomas Berg, email …, password hunter22, then Next": the place and its pairs are
                // one clause (a pair may start with a word that is also a verb: "email …").
                result.Add(strong[..pairsEnd]);
                strong = strong[pairsEnd..].TrimStart(',', ' ');
            }

            var start = 0;
            foreach (Match m in WeakSeparator().Matches(strong))
            {
                var rest = StripLeadingFillers(strong[(m.Index + m.Length)..]);
                // "Drag "Item 1" down and drop it below "Item 3"": one gesture, the drop says where it ends.
                var dropOfDrag = rest.StartsWith("drop ", StringComparison.OrdinalIgnoreCase) && Verbs.Match(StripLeadingFillers(strong[start..m.Index])) is { Kind: VerbKind.Drag };
                // "…, but when the confirmation pops up, choose Cancel": the comma ends the condition, not the step.
                var condition = strong[start..m.Index].Trim() is var before && ConditionLead().IsMatch(before) && !before.Contains(',', StringComparison.Ordinal)
                    && (DialogWords().IsMatch(before) || Asked().IsMatch(before));
                // "…, with the group's own close button": how the step before is done, not a step ("close" is no verb there).
                var instrument = InstrumentLead().IsMatch(rest);
                // "… and attach the minutes file to it": a deed no verb here reads is still a step of its own (it fails
                // unless understood), never more words of the target before it.
                if (m.Index > start && !dropOfDrag && !condition && !instrument && (Verbs.StartsWithVerb(rest) || UnreadDeed().IsMatch(rest) || StartsSpecial(rest) || PlaceThenVerb(rest) || OnceReady(rest.Split(',')[0]) is not null || IsExpectation(rest)))
                {
                    result.Add(strong[start..m.Index]);
                    start = m.Index + m.Length;
                }
            }

            result.Add(strong[start..]);
        }

        // "Then, in the rootless tree below it, open …": a sequencing word split off on its own is no step.
        return result.Select(c => c.Trim().Trim(',').Trim()).Where(c => c.Length > 0 && !FillerOnly().IsMatch(c)).ToList();
    }

    private static IEnumerable<InterpretedStep> ParseClause(string clause, ClauseText q, bool sortable = true, bool answers = true, bool transferable = true)
    {
        var text = StripTrailingPeriod(StripLeadingFillers(StartGerund().Replace(clause.TrimStart(), g => g.Groups["g"].Value.ToLowerInvariant() switch
        {
            "typing" => "type ",
            "writing" => "write ",
            "deleting" => "delete ",
            "removing" => "remove ",
            _ => "enter ",
        })));
        text = TrailingPlease().Replace(text, "");
        // "shut it with Escape without picking anything", "use the Discard button instead of saving it": what is not to be
        // done is no part of the step ("Close without saving", a button's name, keeps its words).
        text = TrailingManner().Replace(text, "");
        var backTo = text;
        text = SetBackTo().Replace(text, "change ${what} to"); // "put it back to Dude": change it to Dude
        text = OnlyAfterVerb().Replace(text, "${v} "); // "enter only the name Jo": what is typed, and nothing else
        if (Verbs.Match(text) is { Kind: VerbKind.Type or VerbKind.Fill or VerbKind.Select or VerbKind.Set })
        {
            // "type jorn (plain o, no umlaut)": a remark in brackets is no part of the value (a quoted value keeps its own).
            text = ValueAside().Replace(text, "");
        }

        text = Unmask(QuotedAgain().Replace(text, ""));
        text = OrderAside().Replace(text, ""); // "…, month first": how the date is written, said in ParseSentence
        // "the last of the nested tabs": the last nested tab ("the second of the three todos" counts them: kept).
        text = OrdinalOfThe().Replace(text, m => CountWord().IsMatch(m.Groups["words"].Value) ? m.Value : $"{m.Groups["ord"].Value} {m.Groups["words"].Value}{Singular(m.Groups["noun"].Value)}");
        if (text.Length == 0)
        {
            return [];
        }

        if (OnlyTheseAre().Match(text) is { Success: true } onlyThese)
        {
            // "Make sure only Boolean 3 and Boolean 5 are ticked in the Booleans panel": every other box there off, and
            // those on (a goal said as the state it ends in).
            var on = SaysOn(onlyThese.Groups["state"].Value);
            var these = onlyThese.Groups["these"].Value;
            var where = onlyThese.Groups["place"].Success ? $" {onlyThese.Groups["prep"].Value} {onlyThese.Groups["place"].Value}" : "";
            return [.. ParseClause($"{(on ? "untick" : "tick")} every box{where} except {these}", q), .. ParseClause($"{(on ? "tick" : "untick")} {these}", q)];
        }

        if (EverythingIs().Match(text) is { Success: true } all)
        {
            // "everything should be off except "Drag-n-drop"": every box off but that one, and that one on (the exception
            // is what the sentence keeps the other way).
            var on = SaysOn(all.Groups["state"].Value);
            var noun = all.Groups["noun"].Success ? all.Groups["noun"].Value : "box";
            var except = all.Groups["except"].Value;
            return [.. ParseClause($"{(on ? "tick" : "untick")} every {noun} except {except}", q), .. ParseClause($"{(on ? "untick" : "tick")} {except}", q)];
        }

        if (MakeTheOne().Match(text) is { Success: true } theOne && !PlaceWords().IsMatch(theOne.Groups["role"].Value))
        {
            // "make Alice in Wonderland the bestseller": mark her as the one (a radio on her row), as "Mark X as the Y" is.
            text = $"Mark {theOne.Groups["x"].Value} as the {theOne.Groups["role"].Value}";
        }

        var display = q.Restore(text, keepQuotes: true);
        if (Verbs.Match(text) is { Kind: VerbKind.Fill } && FieldList(text) is { } filled && FillHead().IsMatch(filled.Place.Trim()))
        {
            // "Fill it in: Name Ada Lovelace, Email ada@x.test, DOB 10/12/15": the fields each with its value, where the step
            // before brought them (the verb and its pronoun name no place).
            return [FieldPairs(filled.Pairs, null, display, q)];
        }

        if (Verbs.Match(text) is not { Kind: VerbKind.Fill or VerbKind.Type } && FieldList(text) is { } adding && Verbs.Match(adding.Place.Trim()) is { Kind: VerbKind.Add }
            && QuoteToken().Matches(adding.Place).Count == 0)
        {
            // "Add a second person: name Maria Lopez, age 29": the record is added first and its fields filled after (the
            // fields the adding brought), never the fields of a record already there.
            return [.. ParseClause(adding.Place.Trim(), q), FieldPairs(adding.Pairs, null, display, q)];
        }

        if (Verbs.Match(text) is not { Kind: VerbKind.Fill or VerbKind.Type } && FieldList(text) is { } list)
        {
            // "Horizontal form wizard: first name Lena, last name Kovac, gender Male", "Update the profile details: phone
            // number 202 555 0199, state Oregon": a place, then the fields it holds each with its value (or one field and a
            // value with commas: told apart on the page).
            var place = LeadPlace().Match(list.Place.Trim()) is { Success: true } lead ? lead.Groups["where"].Value : list.Place;
            return [FieldPairs(list.Pairs, q.Restore(place.Trim(), true), display, q)];
        }

        if (HeaderSort(text, display, q) is { } headerSort)
        {
            return [headerSort];
        }

        text = StripPurpose(text);
        if (Urls.IsUrl(q.Restore(text, keepQuotes: false)))
        {
            return [Step(StepKind.Navigate, display, value: Urls.Normalize(q.Restore(text, keepQuotes: false)))];
        }

        if (StartTyping().IsMatch(text))
        {
            // "start typing and choose JavaScript from the suggestions": how, not what; the choice types what it needs.
            return [];
        }

        if (ParseExpectation(text, display, q) is { } expected)
        {
            return expected;
        }

        if (answers && ParseDialogAnswer(text, display, q) is { } answer)
        {
            return [answer];
        }

        if (ParsePaging(text, display, q) is { } paging)
        {
            return [paging];
        }

        if (CommitClause().Match(text) is { Success: true } commit)
        {
            // "… to France and save", "fill it in and submit": the form's own control, never words of the value before.
            string[] names = commit.Groups["v"].Value.ToLowerInvariant() switch
            {
                "submit" => ["Submit", "Send", "Save", "OK"],
                "apply" => ["Apply", "Save", "OK"],
                _ => ["Save", "Save changes", "Update", "Submit", "Apply", "OK", "Done"],
            };
            if (commit.Groups["control"] is { Success: true } key && KeyName().Match(key.Value) is { Success: true } pressed)
            {
                // "apply it with Enter": the key, not a button of that name.
                return [Step(StepKind.PressKey, display, value: char.ToUpperInvariant(pressed.Groups["k"].Value[0]) + pressed.Groups["k"].Value[1..].ToLowerInvariant())];
            }

            if (commit.Groups["control"] is { Success: true } control)
            {
                return [Step(StepKind.Click, display, target: q.Restore(control.Value, true)) with { Role = RoleHint.Button }];
            }

            return [Step(StepKind.Click, display, target: names[0]) with { Alternatives = names[1..], Role = RoleHint.Button }];
        }

        if (ParseCalendar(text, display, q) is { } calendar)
        {
            return calendar;
        }

        if (ParseEditing(text, display, q) is { } editing)
        {
            return editing;
        }

        if (transferable && (ParseTransfer(text, display, q) ?? (q.ListMoves && backTo != text ? ParseTransfer(Unmask(backTo), display, q) : null)) is { } moved)
        {
            // "Remove Alice Chen from the invite list" on a page with no two lists: the sentence's other reading.
            var other = ParseClause(clause, q, sortable, answers, transferable: false).ToList();
            return [moved with { Otherwise = other is [var one] ? one : null }];
        }

        if (sortable && ParseSort(text, display, q) is { } sort)
        {
            // "Sort by newest" on a page with a "Sort by" drop-down and no table: the sentence's other reading.
            var other = ParseClause(clause, q, sortable: false).ToList();
            return [sort with { Otherwise = other is [var one] ? one : null }];
        }

        if (ParseRating(text, display, q) is { } rating)
        {
            return [rating];
        }

        if (ParseBringTo(text, display, q) is { } brought)
        {
            return [brought];
        }

        if (ParseStepThrough(text, display, q) is { } through)
        {
            return through;
        }

        if (ParseUntil(text, display, q) is { } until)
        {
            return [until];
        }


        if (UseDropDownToShowOnly().Match(text) is { Success: true } picked)
        {
            // "Use the drop-down above the year column to show only 1996": the option that says which, in that drop-down.
            return [Step(StepKind.Select, display, target: q.Restore(picked.Groups["ctl"].Value, true), value: ShownChoice(picked.Groups["what"].Value, q))];
        }

        if ((SoThatOnly().Match(text) is { Success: true } soThat ? soThat : ToShowOnly().Match(text)) is { Success: true } only)
        {
            return [ParseShowOnly(only.Groups["what"].Value, display, q)];
        }

        if (MustStay().IsMatch(text) && Verbs.Match(text) is null && ConstraintBreak().Split(text) is { Length: > 1 } constraints
            && constraints.All(c => MustStay().IsMatch(c) || MustNotChange().IsMatch(c)))
        {
            // "The "Now" box must stay empty, and the other times keep their values": one Keep step each.
            return constraints.SelectMany(c => ParseClause(c, q)).ToList();
        }

        if (MustStay().Match(text) is { Success: true } stay && Verbs.Match(text) is null)
        {
            // "Wyoming has to stay": with no state named, it stays as it was.
            return [ParseLeave("leave", q.Restore(stay.Groups["target"].Value, true), KeptState(stay.Groups["state"].Value.Trim()), display)];
        }

        if (NothingElse().IsMatch(text))
        {
            // "Nothing else should change": all the steps did not act on reads as it did at the start.
            return [ParseLeave("leave", "the rest", "unchanged", display)];
        }

        if (KeepingAsIs().Match(text) is { Success: true } keeping)
        {
            // "…, keeping the others in their order": a state checked after the step, never an action.
            return [ParseLeave("leave", q.Restore(keeping.Groups["target"].Value, true), keeping.Groups["order"].Success ? Interpretation.KeptState.InOrder : "unchanged", display)];
        }

        if (EndsAsItStarted().Match(text) is { Success: true } ends)
        {
            // "…, so the dashboard order ends unchanged", "so the invite list ends as it started": checked, not believed.
            return [ParseLeave("leave", q.Restore(ends.Groups["target"].Value, true), "unchanged", display)];
        }

        if (MustNotChange().Match(text) is { Success: true } fixedThing && Verbs.Match(text) is null)
        {
            return [ParseLeave("leave", q.Restore(fixedThing.Groups["target"].Value, true), "unchanged", display)];
        }

        if (ParseTakeEntry(text, display) is { } taken)
        {
            return [taken];
        }

        if (ParseShouldBe(text, display, q) is { } wanted)
        {
            return wanted;
        }

        if (TakeOut().Match(text) is { Success: true } take)
        {
            // "Take "leaf node 3-1" out of the tree with its remove button": a removing step, whose owner is what is taken
            // out (never only the instrument's click).
            return ParseClause($"remove {take.Groups["x"].Value}{take.Groups["with"].Value}", q).Select(s => s with { Text = display });
        }

        // "Mark every todo as completed with the toggle-all arrow", "move the calendar forward a month with the Next
        // arrow": what the verb does is done by the control named after "with"; clicking it is the step.
        // A box "with the warning icon" is named by the icon, so ticking only hands over to it for every/all of them.
        var heard = Verbs.MatchFuzzy(text);
        if (heard is not { Kind: VerbKind.Click or VerbKind.Press or VerbKind.Type or VerbKind.Fill or VerbKind.Select
                or VerbKind.Remove or VerbKind.Use or VerbKind.DoubleClick or VerbKind.RightClick or VerbKind.Hover or VerbKind.Login or VerbKind.Add or VerbKind.Rename }
            && (heard is not { Kind: VerbKind.Check or VerbKind.Uncheck or VerbKind.Accept } || Collective().IsMatch(text))
            && WithControl().Match(Bracketed().Replace(text, "")) is { Success: true } withControl)
        {
            // "Stop it with the "Cancel Download" button": whatever the verb, the control named after "with" is clicked;
            // "Example with postfix: nudge the value up with its + button": in the place named before the colon.
            return [Step(StepKind.Click, display, target: q.Restore(withControl.Groups["control"].Value, true)) with { Context = ColonLead(text, withControl.Groups["control"].Index, q) }];
        }

        if ((Verbs.MatchFuzzy(text) is null || ClickGerund().IsMatch(text)) && ByGerund(text) is { } method)
        {
            // "Acknowledge the message by pressing Ok": the words after "by" say what to do.
            return ParseClause(method, q);
        }

        // "(the one with the cancel icon on the right)" describes the target: no instrument in brackets.
        if (heard is null && WithName().Match(Bracketed().Replace(text, "")) is { Success: true } named)
        {
            // "Send the form with Submit", "get rid of all finished todos with "Clear completed"": a verb we do not know,
            // done with a control named after "with": clicking it is the step ("shut it with Escape": a key is pressed).
            if (EscapeLike().IsMatch(named.Groups["control"].Value) && Keys.TryParse(named.Groups["control"].Value) is { } key)
            {
                return [Step(StepKind.PressKey, display, value: key)];
            }

            return [Step(StepKind.Click, display, target: q.Restore(named.Groups["control"].Value, true)) with { Context = ColonLead(text, named.Groups["control"].Index, q) }];
        }

        if (Verbs.MatchFuzzy(text) is not { } verb)
        {
            var parts = ColonOrEquals().IsMatch(text) ? [text] : CommaList().Split(text).Where(p => p.Trim().Length > 0).ToArray();
            return parts.Length > 1
                ? parts.SelectMany(p => ParseClause(p.Trim(), q))
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
            // "cancel the edit": the page's Cancel button; "cancel the order": a "Cancel order" button.
            VerbKind.Click when word.Equals("cancel", StringComparison.OrdinalIgnoreCase) =>
                [Step(StepKind.Click, display, target: CancelWhat().IsMatch(rest.Trim()) ? "Cancel" : q.Restore($"{word} {rest}", true))],
            VerbKind.Click => [GroupOfTarget(Step(StepKind.Click, display, target: q.Restore(WherePlaced(FoldParticle(word, rest)), true)) with { Expands = word.ToLowerInvariant() is "expand" or "unfold", Collapses = Folds(word) })],
            VerbKind.DoubleClick => [Step(StepKind.DoubleClick, display, target: q.Restore(rest, true))],
            VerbKind.RightClick => [Step(StepKind.RightClick, display, target: q.Restore(rest, true))],
            VerbKind.Hover => [Step(StepKind.Hover, display, target: q.Restore(rest, true))],
            VerbKind.Focus => [Step(StepKind.Click, display, target: q.Restore(rest, true)) with { Role = RoleHint.Field }],
            VerbKind.Press => (Keys.TryParse(q.Restore(rest, false)) ?? KeyBeforePurpose(q.Restore(rest, false))) is { } keys
                ? [Step(StepKind.PressKey, display, value: keys)]
                // "Push the upper handle to 87": a handle pushed somewhere is dragged there.
                : SliderWords().IsMatch(rest) && DragTo().IsMatch(rest) ? [ParseDrag(text, rest, display, q)]
                : [Step(StepKind.Click, display, target: q.Restore(WherePlaced(rest), true))],
            VerbKind.Type => ParseType(word, rest, display, q),
            VerbKind.Fill => ParseFill(word, rest, display, q),
            VerbKind.Clear => [Step(StepKind.Clear, display, target: q.Restore(rest, true))],
            VerbKind.Select => ParseSelects(word, rest, display, q).Select(PlaceOfChoice).Select(GroupOfTarget),
            // "Check that the form flags it as too short": a verification this parser could not read, never a box to tick.
            VerbKind.Check when ThatClause().IsMatch(rest) => [Implicit(text, display, q)],
            VerbKind.Check => Targets(StepKind.Check, word, rest, display, q).Select(GroupOfTarget),
            VerbKind.Uncheck => Targets(StepKind.Uncheck, word, rest, display, q).Select(GroupOfTarget),
            VerbKind.Accept => Targets(StepKind.Check, word, rest, display, q),
            VerbKind.Turn => ParseOnOff(rest, display, q) ?? (SliderWords().IsMatch(rest) ? [ParseDrag(text, rest, display, q)] : [Implicit(text, display, q)]),
            VerbKind.Drag => [ParseDrag(text, rest, display, q)],
            VerbKind.Switch => ParseSwitch(rest, display, q) ?? [Implicit(text, display, q)],
            VerbKind.Set => ParseSet(word, rest, display, q),
            VerbKind.MakeSure => ParseMakeSure(rest, display, q) ?? [Implicit(text, display, q)],
            // "Do not try to tick or untick anything there": what is not to be done at all is no step.
            VerbKind.Dont when TryTo().Replace(rest, "") is var tried && !DontChange().IsMatch(tried) && Verbs.Match(tried) is { Kind: VerbKind.Check or VerbKind.Uncheck or VerbKind.Select or VerbKind.Set } not
                && AnyThing().IsMatch(OrOtherVerb().Replace(not.Remainder.Trim(), "")) => [],
            VerbKind.Dont => DontChange().Match(TryTo().Replace(rest, "")) is { Success: true } untouched
                ? [ParseLeave("leave", q.Restore(untouched.Groups["target"].Value, true), "unchanged", display)]
                : Verbs.Match(rest) is { Kind: VerbKind.Click or VerbKind.Press or VerbKind.DoubleClick or VerbKind.RightClick or VerbKind.Remove or VerbKind.Go or VerbKind.Drag or VerbKind.Type or VerbKind.Fill
                    or VerbKind.Add or VerbKind.Search or VerbKind.Clear or VerbKind.Scroll or VerbKind.Rename or VerbKind.Hover }
                    // "Do not press any of the buttons": nothing to do; the interpreter acts only on what the steps name.
                    ? []
                    // "Don't notify the customer" (a box of that name), "Do not submit the form" (no such box: nothing to do).
                    : [Step(StepKind.Uncheck, display, target: q.Restore(DontVerb().Replace(rest, ""), true)) with { Forbids = !DontVerb().IsMatch(rest) && FirstWordIsVerbLike(rest) }],
            VerbKind.Back => ParseBack(rest, display, q),
            VerbKind.Go => ParseGo(rest, display, q),
            VerbKind.Load => Urls.IsUrl(q.Restore(rest, false))
                ? [Step(StepKind.Navigate, display, value: Urls.Normalize(q.Restore(rest, false)))]
                : [Implicit(text, display, q)],
            VerbKind.Scroll => [ParseScroll(word.Contains(' ', StringComparison.Ordinal) ? $"{word[(word.LastIndexOf(' ') + 1)..]} {rest}" : rest, display, q)],
            VerbKind.Wait => [ParseWait(rest, display, q)],
            VerbKind.Search => [ParseSearch(rest, display, q)],
            VerbKind.Filter => Pairs(word, rest, display, q, context: null),
            VerbKind.Login => ParseLogin(rest, display, q) ?? [Implicit(text, display, q)],
            VerbKind.Remove => [ParseRemove(word, rest, display, q)],
            VerbKind.Add => ParseAdd(word, rest, display, q),
            VerbKind.Rename => ParseRename(rest, display, q) ?? [Implicit(text, display, q)],
            VerbKind.Use => ParseUse(rest, display, q),
            VerbKind.ShowOnly => [ParseShowOnly(rest, display, q)],
            // "Show the image lightbox and leave it open": asks for nothing more than the step before did.
            VerbKind.Leave when LeaveAsDone().IsMatch(rest) => [],
            VerbKind.Leave => LeaveState().Match(rest) is { Success: true } keep
                ? [ParseLeave(word, q.Restore(keep.Groups["target"].Value, true), KeptState(keep.Groups["state"].Value), display)]
                : QuotedOnly().IsMatch(rest) || OthersWords().IsMatch(rest) && rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4
                    ? [ParseLeave(word, q.Restore(rest, true), "unchanged", display)] // "Keep "neat"", "keep the rest": as it is now.
                    : [Implicit(text, display, q)],
            VerbKind.ModifierClick => [Step(StepKind.Click, display, target: q.Restore(rest, true), value: KeyName(word.Split('-', '+')[0]))],
            _ => [Implicit(text, display, q)],
        };
    }

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

    // "Example with postfix: nudge the value up with its + button": the place before a colon (of at most six words)
    // that ends before the control's "with"; null when there is none.
    private static string? ColonLead(string text, int controlAt, ClauseText q) =>
        ColonOrEquals().Match(text) is { Success: true } colon && text.Contains(':', StringComparison.Ordinal)
            && colon.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 6 && colon.Groups[1].Length < controlAt
            ? q.Restore(colon.Groups[1].Value.Trim(), false)
            : null;

    // A colon whose right side lists two or more "field value" pairs (each 2-6 words, starting with a word, not a
    // filler such as "the" or "see"): the left side names where they are. One value that holds commas ("Notes: call
    // him, then email") is told apart only by those rules, so a value is best quoted.
    private static (string Place, string Pairs)? FieldList(string text) =>
        PairListEnd(text) == text.TrimEnd().Length && HeadColon().Match(text) is { Success: true } m ? (m.Groups["head"].Value, m.Groups["rest"].Value) : null;

    // Where the "field value" pairs after a place and a colon end ("Work through the "Simple Tab" wizard: Name Priya
    // Nair, email priya@acme.test, password Nair#2024, then Next …" ends before ", then"); null without two of them.
    private static int? PairListEnd(string text)
    {
        if (HeadColon().Match(text) is not { Success: true } m || m.Groups["head"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 8)
        {
            return null;
        }

        var (count, end, from) = (0, 0, m.Groups["rest"].Index);
        foreach (var (at, length) in CommaList().Matches(text).Where(c => c.Index > from).Select(c => (c.Index, c.Length)).Append((text.TrimEnd().Length, 0)))
        {
            if (!IsPair(text[from..at]))
            {
                break;
            }

            (count, end, from) = (count + 1, at, at + length);
        }

        return count >= 2 ? end : null;
    }

    // "email priya@acme.test", "type Success" are a field and its value; "start it", "close the result message", "type
    // Marco as the name", "move forward to Details" are actions: a word that is also a verb starts a pair only when a
    // pronoun, an article or a preposition does not follow it, and never when it only acts ("click Save changes").
    private static bool IsPair(string segment) =>
        segment.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: >= 2 and <= 6 } words
        && char.IsLetter(words[0][0]) && !ListFiller().IsMatch(words[0]) && !segment.Contains(" and ", StringComparison.OrdinalIgnoreCase)
        && words[1].ToLowerInvariant() is not ("it" or "them" or "him" or "her") // "start it": a deed, whatever the verb
        && Verbs.Match(segment.Trim()) is not { Kind: VerbKind.Click or VerbKind.DoubleClick or VerbKind.RightClick or VerbKind.Press or VerbKind.Hover or VerbKind.ModifierClick or VerbKind.Scroll or VerbKind.Wait or VerbKind.Go or VerbKind.Check or VerbKind.Uncheck }
        && !(Verbs.StartsWithVerb(segment.Trim()) && words.Skip(1).Any(w => ListFiller().IsMatch(w) || w.ToLowerInvariant() is "as" or "into" or "onto" or "forward" or "back" or "up" or "down" or "all" or "every" or "each" or "them" or "him" or "her" or "it" or "this" or "that"));

    /// <summary>Whether a state word says on ("ticked", "checked", "enabled", "yes" …) rather than off.</summary>
    internal static bool SaysOn(string state) => state.Trim().ToLowerInvariant() is "on" or "ticked" or "checked" or "selected" or "enabled" or "yes" or "true";

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
            // "Then in Panel3 set the Time to 14:30": a place before the verb, with no comma around it, too.
            if (filler.Success && (Verbs.StartsWithVerb(t[filler.Length..]) || PlaceThenVerb(t[filler.Length..]) || ParseDialogAnswer(StripTrailingPeriod(t[filler.Length..].Trim()), t, null) is not null
                || ParseUntil(StripTrailingPeriod(t[filler.Length..].Trim()), t, new ClauseText([])) is not null))
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

    /// <summary>Quoted segments of one line, masked while splitting and restored per step.</summary>
    private sealed class ClauseText(List<string> quotes)
    {
        /// <summary>Sentences that may name a list without the word "list" are read as moves between lists.</summary>
        public bool ListMoves { get; init; }

        public string Restore(string masked, bool keepQuotes) =>
            QuoteToken().Replace(Unmask(masked), m =>
            {
                var inner = quotes[int.Parse(m.Value[1..^1], System.Globalization.CultureInfo.InvariantCulture)];
                return keepQuotes ? $"\"{inner}\"" : inner;
            });

        public string Value(string masked)
        {
            var t = masked.Trim().TrimStart(':').Trim();
            return IsOneQuote(t) ? Restore(t, false) : Restore(t, false).Trim();
        }
    }
}
