using System.Text.RegularExpressions;
namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// What a task says besides its steps: remarks in brackets (how a person would do it, what a value is like) and
/// sentences that describe the page (the place the next steps act in, and what "it" means there).
/// </summary>
internal static partial class StepParser
{
    private const char MaskedComma = '\u0005';
    private const char MaskedSemicolon = '\u0006';
    private const char MaskedPeriod = '\u0007';
    private const char MaskedSpace = '\u0008';

    // "Rename X to Y (double-click the text to edit it, Enter saves)", "Select 2, 7 and 11 (click 2, then Ctrl-click 7 and
    // 11)": a remark in brackets that starts with a gesture says how a person would do the step; it is no step of its own
    // and its commas are no clause breaks. Other brackets stay ("the one with week numbers", "plain o, no umlaut"), with
    // their punctuation masked so that it splits nothing; ParseClause unmasks it.
    private static string MaskParentheticals(string line) =>
        BracketRemark().Replace(line, m =>
        {
            var inner = m.Groups["c"].Value.Trim();
            if (Verbs.Match(inner) is { Kind: VerbKind.Click or VerbKind.DoubleClick or VerbKind.Hover or VerbKind.ModifierClick or VerbKind.Drag or VerbKind.Scroll or VerbKind.RightClick })
            {
                return "";
            }

            return m.Groups["s"].Value + "(" + inner.Replace(',', MaskedComma).Replace(';', MaskedSemicolon).Replace('.', MaskedPeriod).Replace(' ', MaskedSpace) + ")";
        });

    // "Change the last name to Smith - then press Cancel", "Close - nothing is to be saved", "placed Top Center - but do not
    // show it yet": a dash between words ends what comes before it like a full stop, when what follows is a step, a
    // sequencing word or a statement (a dash inside a name, "Europe - West", stays). Two dashes in one sentence set off a
    // remark ("the third wizard on the page - the one with a progress bar - to its last tab"), which becomes one in
    // brackets, or a list ("Fill it in - Name Ada, Email ada@x.test - and click Save"), which follows a colon.
    private static string DashBreaks(string line) =>
        SpacedDash().IsMatch(line) ? string.Join(" ", SentenceBreak().Split(line).Select(DashBreaksInSentence)) : line;

    // "The browser asks for confirmation - answer OK": a sentence about a dialog and its answer stays one (it is read whole).
    private static string DashBreaksInSentence(string line)
    {
        if (DialogAnswer().IsMatch(line) && DialogWords().IsMatch(line))
        {
            return line;
        }

        var dashes = SpacedDash().Matches(line).Where(d => !(d.Index > 0 && char.IsDigit(line[d.Index - 1]) && d.Index + d.Length < line.Length && char.IsDigit(line[d.Index + d.Length]))).ToList();
        if (dashes.Count == 0)
        {
            return line;
        }

        var sb = new System.Text.StringBuilder();
        var at = 0;
        for (var i = 0; i < dashes.Count; i++)
        {
            var d = dashes[i];
            sb.Append(line, at, d.Index - at);
            at = d.Index + d.Length;
            if (i + 1 < dashes.Count && line[at..dashes[i + 1].Index] is var inner && !SentenceBreak().IsMatch(inner) && !StartsStep(inner))
            {
                var close = dashes[i + 1];
                if (inner.Contains(',', StringComparison.Ordinal))
                {
                    sb.Append(": ").Append(inner).Append(StartsStep(line[(close.Index + close.Length)..]) ? ", " : " ");
                }
                else
                {
                    sb.Append(" (").Append(inner).Append(") ");
                }

                at = close.Index + close.Length;
                i++;
                continue;
            }

            var after = line[at..];
            var said = StripTrailingPeriod(after.Trim());
            if (StartsStep(after) || Statement().IsMatch(said) || MustStay().IsMatch(said) || MustNotChange().IsMatch(said))
            {
                sb.Append(". ");
                if (at < line.Length && char.IsLower(line[at]))
                {
                    sb.Append(char.ToUpperInvariant(line[at]));
                    at++;
                }
            }
            else
            {
                sb.Append(d.Value);
            }
        }

        return sb.Append(line, at, line.Length - at).ToString();
    }

    // Sentences of a line. A full stop after a lone capital ("change the Author to L. Carroll") is a name's initial when
    // what follows starts no step ("… grade B. Then click Save" still breaks).
    private static IEnumerable<string> Sentences(string line)
    {
        string? held = null;
        foreach (var part in SentenceBreak().Split(line))
        {
            if (held is not null && !StartsStep(part) && !Announcement().IsMatch(part.Trim()) && !NumberedHead().IsMatch(part))
            {
                held = $"{held} {part}";
            }
            else if (held is not null)
            {
                yield return held;
                held = part;
            }
            else
            {
                held = part;
            }

            if (!Initial().IsMatch(held))
            {
                yield return held;
                held = null;
            }
        }

        if (held is not null)
        {
            yield return held;
        }
    }

    // "L." in "to L. Carroll"; not the end of "A to Z." (an order, not a name).
    [GeneratedRegex(@"(?:^|\s)\p{Lu}\.$(?<!\bto\sZ\.)")]
    private static partial Regex Initial();

    // "Step 5: …", "Part 2 …": a heading of the next step, never a surname.
    [GeneratedRegex(@"^\s*\p{Lu}\p{Ll}*\s+\d")]
    private static partial Regex NumberedHead();

    private static bool StartsStep(string text)
    {
        var t = text.TrimStart();
        return LeadingFiller().IsMatch(t) || Verbs.StartsWithVerb(StripLeadingFillers(t));
    }

    private static string Unmask(string text) => text.Replace(MaskedSpace, ' ').Replace(MaskedComma, ',').Replace(MaskedSemicolon, ';').Replace(MaskedPeriod, '.');

    // A statement about the page, not an instruction: no verb of ours starts it, it says what is or has ("there are four
    // boxes", "the Date box is greyed out", "everything here is inside one dialog") and it asks for no state (that is
    // "Newsletter is checked", which stays a step) nor forbids one ("X must not change").
    private static bool IsDescription(string sentence)
    {
        if (Warning().Match(sentence) is { Success: true } warning)
        {
            // "Careful, Nigeria shows up in the same list": a warning about the page, no step (one that goes on with a
            // verb, "Note: click Save after", is a step).
            var rest = StripLeadingFillers(sentence[warning.Length..].Trim());
            return rest.Length == 0 || Verbs.MatchFuzzy(rest) is null && !StartsSpecial(rest) && SplitClauses(rest).All(c => Verbs.MatchFuzzy(StripLeadingFillers(c.Trim())) is null);
        }

        // "The form should then say it is not valid": what the page should do is a check the run must make (or fail to
        // read), never a description to pass over.
        if (Modal().IsMatch(sentence))
        {
            return false;
        }

        // "Verify that the page shows "Order placed"": a check the run must make, never a description to pass over.
        if (Verbs.MatchFuzzy(sentence) is not null || StartsSpecial(sentence) || VerifyLead().IsMatch(sentence) || IsExpectation(sentence) || !Statement().IsMatch(sentence) || StateSentence().IsMatch(sentence) || MustStay().IsMatch(sentence)
            || MustNotChange().IsMatch(sentence) || SoThatOnly().IsMatch(sentence) || ColonOrEquals().IsMatch(sentence))
        {
            return false;
        }

        var parts = sentence.Split(',', ';').Where(p => p.Trim().Length > 0).ToList();
        return parts.All(p => Statement().IsMatch(p))
            && parts.SelectMany(SplitClauses).All(c => Verbs.MatchFuzzy(StripLeadingFillers(c.Trim())) is null);
    }

    // "The movie rating currently says Mediocre. Change it to Awesome": "it" right after the verb is the description's
    // subject, named before the sentence is read (a set or choice on "it" would otherwise edit whatever has the focus).
    private static string ItIsDescribed(string sentence, string? describedMasked)
    {
        if (describedMasked is null || QuoteToken().Matches(describedMasked).Count > 1 || Statement().Match(describedMasked) is not { Success: true } verb)
        {
            return sentence;
        }

        var subject = QuoteToken().Match(describedMasked) is { Success: true } one ? one.Value : describedMasked[..verb.Index].Trim();
        if (subject.Length == 0 || subject.Split(' ').Length > 8 || subject.StartsWith("there", StringComparison.OrdinalIgnoreCase) || Referent().IsMatch(subject))
        {
            return sentence;
        }

        var plain = StripLeadingFillers(sentence.Trim());
        return Verbs.Match(plain) is { Kind: VerbKind.Set or VerbKind.Select or VerbKind.Turn or VerbKind.Switch } v && ItFirst().Match(v.Remainder) is { Success: true } it
            ? $"{v.Word} {subject}{v.Remainder[it.Length..]}"
            : sentence;
    }

    // The one quoted name a description gives ("a field reading "Automatic position""), quoted, or null.
    // Without one, the description's subject ("The second todo has a typo" → the second todo), when it is short.
    private static string? NamedInDescription(string? masked, ClauseText text)
    {
        if (masked is null)
        {
            return null;
        }

        if (QuoteToken().Matches(masked) is { Count: 1 } one)
        {
            return text.Restore(one[0].Value, keepQuotes: true);
        }

        if (HasThing().Match(masked) is { Success: true } has && has.Index > 0)
        {
            // "The rootless tree has a button that opens all of its branches at once. Use it": it is what the subject has.
            return text.Restore("the " + has.Groups["thing"].Value.Trim(), keepQuotes: true);
        }

        var verb = Statement().Match(masked);
        var subject = verb.Success ? masked[..verb.Index].Trim() : "";
        return subject.Length > 0 && subject.Split(' ').Length <= 8 && !subject.StartsWith("there", StringComparison.OrdinalIgnoreCase)
            && !Referent().IsMatch(subject) ? text.Restore(subject, keepQuotes: true) : null;
    }

    [GeneratedRegex(@"^(?:careful|be careful|note|nb|n\.b\.|heads up|beware|warning|watch out|caution)\b\s*[,:!-]?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Warning();

    // "X has a button that …", "the toolbar offers an icon for …": the thing had, after "a".
    [GeneratedRegex(@"\s(?:has|have|holds?|contains?|offers?|comes\s+with|provides?)\s+(?:a|an|one)\s+(?<thing>(?:button|link|icon|control|toggle|switch|checkbox|tab|menu|field|box|slider)\b.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex HasThing();

    // The place of a thing had: "The rootless tree … has a button …" is where the button is.
    private static string? HasThingPlace(string? masked, ClauseText text) =>
        masked is not null && HasThing().Match(masked) is { Success: true } has && has.Index > 0 ? text.Restore(masked[..has.Index].Trim(), keepQuotes: true) : null;

    [GeneratedRegex(@"^(?:it|them)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ItFirst();

    [GeneratedRegex(@"\b(?:should|must|has\s+to|have\s+to|needs?\s+to|ought\s+to)\s+(?:(?:then|now|also|still|afterwards)\s+)?(?!not\b)\w", RegexOptions.IgnoreCase)]
    private static partial Regex Modal();
}
