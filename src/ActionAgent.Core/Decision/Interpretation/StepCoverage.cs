using System.Text.RegularExpressions;
using ActionAgent.Core.Text;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// Before a run is reported done: every name and value the steps asked for was used by something the run did. A step
/// can be carried out on a reading that leaves part of it out ("Open "Modal 1" and confirm it with OK" clicked the link
/// only; "use the Edit button to switch the state from Indiana to Ohio" clicked the button only; "Narrow the table down to
/// Zambia's rows only" typed "only"). What it names that no action touched — a quoted text, a number, a capitalised name
/// — shows that: such a run is not done.
/// </summary>
public static partial class StepCoverage
{
    // Words a step may say without their being acted on: how to talk about the page, not what is on it.
    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase)
    {
        "I", "A", "An", "The", "Step", "Then", "Next", "Finally", "First", "Last", "Also", "After", "Before", "Now", "Please",
        "Button", "Link", "Field", "Box", "Tab", "Menu", "Page", "Dialog", "Window", "List", "Row", "Column", "Section",
        "Item", "Icon", "Checkbox", "Radio", "Select", "Drop-down", "Dropdown", "Option", "Header", "Heading", "Label",
        "Enter", "Escape", "Esc", "Space", "Ctrl", "Control", "Shift", "Alt", "Meta", "Cmd", "Command", "Backspace",
        "Delete", "Home", "End", "PageUp", "PageDown", "ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Up", "Down", "Left", "Right",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "X",
    };

    /// <summary>
    /// What <paramref name="steps"/> name that appears nowhere in <paramref name="evidence"/> (the actions done, their
    /// outcomes and checks, the elements acted on and the sections they sit in): empty when everything was used. A step's
    /// place ("In the Round skin, …") is no evidence of itself: it was used only when what was acted on is there.
    /// </summary>
    public static IReadOnlyList<string> Missing(IEnumerable<InterpretedStep> steps, IEnumerable<string> evidence)
    {
        var all = steps.ToList();
        var hay = Norm(string.Join(" \u0001 ", evidence));
        var folded = Folded(hay);
        var missing = new List<string>();
        foreach (var step in all)
        {
            if (!Counts(step))
            {
                continue;
            }

            // Its place ("In the Round skin, …") is read apart from its text, and must have been used as well.
            foreach (var token in Salient(step.Text).Concat(step.Context is { Length: > 0 } place ? PlaceWords(place) : []))
            {
                if (!Covered(token, hay, folded) && !missing.Contains(token, StringComparer.OrdinalIgnoreCase))
                {
                    missing.Add(token);
                }
            }
        }

        return missing;
    }

    /// <summary>
    /// What a step's place names ("In the Round skin, …") that appears nowhere in <paramref name="evidence"/> (the element
    /// about to be acted on, the sections it sits in, what the run did so far): empty when the place checks out or names
    /// nothing (ordinals, "the dialog"). Checked before acting: a look-alike elsewhere is not touched at all.
    /// </summary>
    public static IReadOnlyList<string> UnusedPlace(InterpretedStep step, IEnumerable<string> evidence)
    {
        if (step.Context is not { Length: > 0 } place || !Counts(step))
        {
            return [];
        }

        var hay = Norm(string.Join(" \u0001 ", evidence));
        var folded = Folded(hay);
        return PlaceWords(place).Where(t => !Covered(t, hay, folded)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    // A place is a name even at its start ("Square skin"). A remark read as one ("node-0-1-1 was ticked by mistake: …",
    // "The Date box is greyed out") or a goal ("Go through the whole wizard: …") is a sentence, no place. An aside in brackets ("First tree (with the Continents root)") describes it.
    private static IEnumerable<string> PlaceWords(string place)
    {
        var named = Aside().Replace(place, " ").Trim();
        return Remark().IsMatch(named) || Verbs.StartsWithVerb(named) ? [] : Salient("in " + named);
    }

    // Steps whose words are meant to be acted on: not what must stay, not what is only checked or waited for, not a
    // negation, not a key press or a URL (their words are keys and addresses).
    private static bool Counts(InterpretedStep step) =>
        step.Kind is StepKind.Click or StepKind.DoubleClick or StepKind.RightClick or StepKind.Type or StepKind.Fill or StepKind.Select
            or StepKind.Check or StepKind.Uncheck or StepKind.Set or StepKind.Search or StepKind.Hover or StepKind.Implicit
        && !step.Forbids && !step.IfShown && !Negated().IsMatch(step.Text);

    // Quoted texts, tokens with a digit (not ordinals, not step numbers), and capitalised words inside a sentence, each
    // unless a word before it says it is not wanted ("not 3", "from Indiana", "instead of X", "without OK").
    internal static IEnumerable<string> Salient(string text)
    {
        var rest = text;
        foreach (Match q in Quoted().Matches(text))
        {
            var inner = q.Groups["q"].Value.Trim();
            if (inner.Length > 0 && !Unwanted(text[..q.Index]) && !inner.Contains("{{", StringComparison.Ordinal))
            {
                yield return inner;
            }

            rest = rest.Replace(q.Value, " \u0002 ", StringComparison.Ordinal);
        }

        rest = UrlOrSecret().Replace(rest, " \u0002 ");
        foreach (Match w in Word().Matches(rest))
        {
            var word = w.Value.Trim('\'', '’', '-');
            if (word.Length < 2 || Ignored.Contains(word) || Unwanted(rest[..w.Index]))
            {
                continue;
            }

            var before = rest[..w.Index].TrimEnd();
            var sentenceStart = before.Length == 0 || ".:;!?(\u0002[".Contains(before[^1], StringComparison.Ordinal);
            var hasDigit = word.Any(char.IsDigit);
            if (hasDigit ? !Ordinal().IsMatch(word) && !StepNumber().IsMatch(rest[..(w.Index + w.Length)]) : !sentenceStart && char.IsUpper(word[0]) && word.Skip(1).Any(char.IsLetter))
            {
                yield return Possessive().Replace(word, "");
            }
        }
    }

    private static bool Unwanted(string before) => NotWanted().IsMatch(before);

    // The evidence as the grounder compares words (accents and synonyms folded), between single spaces.
    private static string Folded(string hay) => (" " + TextMatch.Normalize(hay) + " ").Replace("  ", " ", StringComparison.Ordinal);

    private static bool Covered(string token, string hay, string hayWords)
    {
        var t = Norm(token);
        if (t.Length == 0 || hay.Contains(t, StringComparison.Ordinal))
        {
            return true;
        }

        // A quoted phrase used in part ("the link "Modal 1"" for "Modal №1") or written otherwise: each of its words.
        var words = t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(x => x.Length > 1).ToList();
        if (words.Count > 1 && words.All(x => hay.Contains(x, StringComparison.Ordinal)))
        {
            return true;
        }

        // A number written with separators ("1,500", "1 500") or as money ("$15") matches its digits.
        var digits = new string(t.Where(char.IsDigit).ToArray());
        if (digits.Length > 0)
        {
            return digits.Length == t.Count(char.IsLetterOrDigit) && Digits(hay).Contains(digits, StringComparison.Ordinal);
        }

        // A name the grounder took as the page's own word for it: an everyday synonym ("Postcode" for "Postal code") or a
        // letter doubled or dropped in a longer word ("Submitt" for "Submit", "Adress"). A letter changed is another name
        // ("Zambia" is no "Gambia"), and short words must match exactly ("Ohio" is no "Oslo").
        var word = " " + TextMatch.Normalize(token) + " ";
        if (word.Trim().Length > 0 && hayWords.Contains(word, StringComparison.Ordinal))
        {
            return true;
        }

        return !t.Contains(' ', StringComparison.Ordinal) && t.Length >= 5
            && hayWords.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => w.Length >= 5 && Math.Abs(w.Length - t.Length) == 1 && w[0] == t[0] && TextMatch.EditDistance(t, w, 1) <= 1);
    }

    private static string Digits(string hay) => DigitGroups().Replace(hay, "$1$2");

    private static string Norm(string s) => WhiteSpace.Collapse(Punct().Replace(s.ToLowerInvariant(), " "));

    [GeneratedRegex(@"[""“”](?<q>[^""“”]{1,120})[""“”]")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\b(?:https?://\S+|www\.\S+)|\{\{[^}]*\}\}", RegexOptions.IgnoreCase)]
    private static partial Regex UrlOrSecret();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’.,/:-]*[\p{L}\p{N}]|[\p{L}\p{N}]")]
    private static partial Regex Word();

    [GeneratedRegex(@"^\d+(?:st|nd|rd|th)$", RegexOptions.IgnoreCase)]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"(?:^|\(|\bstep\s+)\d+\)?[:.)]?$", RegexOptions.IgnoreCase)]
    private static partial Regex StepNumber();

    [GeneratedRegex(@"['’]s$")]
    private static partial Regex Possessive();

    [GeneratedRegex(@"\b(?:not|from|instead\s+of|rather\s+than|other\s+than|except|without|never|nor|than|unlike)\s+(?:(?!(?:to|into|and|but|then|with|so|for)\b)[^\s,;]+\s+){0,3}$", RegexOptions.IgnoreCase)]
    private static partial Regex NotWanted();

    [GeneratedRegex(@"^\s*(?:do\s+not|don'?t|never|without|leave|keep|make\s+sure|check\s+that|verify|ensure)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Negated();

    [GeneratedRegex(@"\([^()]*\)")]
    private static partial Regex Aside();

    [GeneratedRegex(@"\b(?:is|are|was|were|has|have|had|stays?|remains?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Remark();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex Punct();

    [GeneratedRegex(@"(\d)[ ,.](\d)")]
    private static partial Regex DigitGroups();
}
