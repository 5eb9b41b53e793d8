using System.Text.RegularExpressions;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// One reading of a target phrase: the words to match (<see cref="Main"/>), a role hint from words like "button" or
/// "field", an ordinal ("the second Save button") and context ("… next to Alan Turing", "… in the billing section").
/// </summary>
internal sealed record TargetReading(Phrase Main, string Display, RoleHint Hint, int? Ordinal, Phrase? Context, double Weight)
{
    /// <summary>"the checkbox of the 3rd todo": the ordinal counts rows, so only controls without a name of their own count.</summary>
    public bool OrdinalOfRow { get; init; }

    /// <summary>
    /// "the last book" where no element is called a book: counted among the things of the verb's kind, but only in the
    /// place the step names (the books under "Stephen King"); with no place it counts nothing.
    /// </summary>
    public bool CountsInPlace { get; init; }
}

/// <summary>Turns a target phrase as written into the readings worth trying; grounding keeps the best-scoring one.</summary>
internal static partial class TargetQuery
{
    // Longest first, so "radio button" wins over "button".
    private static readonly (string Words, RoleHint Hint)[] RoleWords =
    [
        ("menu item", RoleHint.None), ("menu entry", RoleHint.None), ("submenu", RoleHint.None), ("sub-menu", RoleHint.None),
        ("drop-down list", RoleHint.Select), ("drop down list", RoleHint.Select), ("dropdown list", RoleHint.Select),
        ("drop-down menu", RoleHint.Select), ("dropdown menu", RoleHint.Select), ("radio button", RoleHint.Radio),
        ("rich text editor", RoleHint.Field), ("rich-text editor", RoleHint.Field), ("text editor", RoleHint.Field), ("editing area", RoleHint.Field),
        ("editor", RoleHint.Field), ("check boxes", RoleHint.Checkbox), ("check box", RoleHint.Checkbox), ("checkboxes", RoleHint.Checkbox), ("tickboxes", RoleHint.Checkbox), ("text field", RoleHint.Field), ("text box", RoleHint.Field),
        ("text area", RoleHint.Field), ("text input", RoleHint.Field), ("input field", RoleHint.Field),
        ("input box", RoleHint.Field), ("select box", RoleHint.Select), ("combo box", RoleHint.Select),
        ("drop-down", RoleHint.Select), ("drop down", RoleHint.Select), ("dropdown", RoleHint.Select),
        ("checkbox", RoleHint.Checkbox), ("tickbox", RoleHint.Checkbox), ("textarea", RoleHint.Field), ("textbox", RoleHint.Field),
        ("combobox", RoleHint.Select), ("spinner", RoleHint.Field), ("spin box", RoleHint.Field), ("spinbox", RoleHint.Field), ("stepper", RoleHint.Field), ("selector", RoleHint.Select), ("picker", RoleHint.Select), ("select", RoleHint.Select),
        ("list", RoleHint.Select), ("field", RoleHint.Field), ("box", RoleHint.Field), ("input", RoleHint.Field),
        ("area", RoleHint.Field), ("button", RoleHint.Button), ("btn", RoleHint.Button), ("link", RoleHint.Link),
        ("page", RoleHint.Link), ("tab", RoleHint.Tab), ("radio", RoleHint.Radio), ("toggle", RoleHint.Checkbox),
        ("switch", RoleHint.Checkbox), ("slider handle", RoleHint.Slider), ("slider", RoleHint.Slider), ("handle", RoleHint.Slider),
        ("pager dot", RoleHint.Dot), ("dot", RoleHint.Dot), ("bullet", RoleHint.Dot), ("pip", RoleHint.Dot),
        ("icon", RoleHint.Image), ("arrow button", RoleHint.Button), ("arrow", RoleHint.None), ("image", RoleHint.Image), ("menu", RoleHint.None),
        ("option", RoleHint.None), ("key", RoleHint.None), ("control", RoleHint.None), ("element", RoleHint.None),
        ("setting", RoleHint.None), ("value", RoleHint.None), ("folder", RoleHint.None),
        ("filter", RoleHint.None), ("accordion section", RoleHint.Section), ("accordion panel", RoleHint.Section),
        ("accordion item", RoleHint.Section), ("accordion header", RoleHint.Section), ("section header", RoleHint.Section),
        ("section heading", RoleHint.Section), ("column header", RoleHint.None), ("column heading", RoleHint.None),
        ("header", RoleHint.None), ("heading", RoleHint.None), ("section", RoleHint.Section), ("panel", RoleHint.Section), ("widget", RoleHint.None), ("dialog", RoleHint.None),
        ("example", RoleHint.None), ("demo", RoleHint.None), ("sample", RoleHint.None),
        ("item", RoleHint.None), ("row", RoleHint.None), ("entry", RoleHint.None), ("branch", RoleHint.None), ("node", RoleHint.None), ("todo", RoleHint.None), ("to-do", RoleHint.None),
    ];

    // Nouns for the rows of a list: "the second todo" counts rows, never a control with a name of its own.
    private static readonly HashSet<string> RowNouns = new(StringComparer.OrdinalIgnoreCase) { "item", "row", "entry", "todo", "to-do", "result", "task", "line" };

    private static readonly string[] Connectors =
        [" next to ", " beside ", " near ", " in front of ", " to the left of ", " to the right of ", " for ", " under ", " below ", " in the ", " in ", " of the ", " of ", " on the ", " within ", " inside "];

    public static IReadOnlyList<TargetReading> Read(string? phrase, double weight = 1)
    {
        var readings = new List<TargetReading>();
        if (string.IsNullOrWhiteSpace(phrase))
        {
            return readings;
        }

        // "only the second box", "the third one only": "only" at either edge says nothing else is meant, never a name.
        var text = LeadingFiller().Replace(OnlyAtEdge().Replace(StripPurpose(Glyph().Replace(phrase.Trim(), "")), ""), "").Trim();
        text = LeadingFiller().Replace(OnlyAtEdge().Replace(text, ""), "").Trim();

        // "its + button", "the - button": the sign is the button's name (a button showing only "+" is called "plus").
        text = SignName().Replace(text, m => $"{m.Groups["lead"].Value}{(m.Groups["sign"].Value == "+" ? "plus" : "minus")}");

        // "the first slider on the page": the whole page is where every target is; the words name nothing.
        text = OnThePage().Replace(text, "").Trim();

        // "the start date ("From") of the range": the quoted words in brackets are the name the page shows.
        if (ShownAs().Match(text) is { Success: true } shown)
        {
            var alias = shown.Groups["name"].Value.Trim();
            readings.Add(new TargetReading(Phrase.Of(alias), alias, Hint(text.Remove(shown.Index, shown.Length)), null, null, weight));
            text = text.Remove(shown.Index, shown.Length).Trim();
        }

        // "the spinner's up arrow", "the dialog's Close button": the owner is context, the rest names the element.
        if (Possessive().Match(text) is { Success: true } owned)
        {
            var (ownedMain, ownedHint) = StripRoleWords(owned.Groups["rest"].Value);
            if (ownedMain.Trim().Length > 0)
            {
                // Only a soft hint: the owner's word ("spinner", "dialog") is rarely shown on the page.
                readings.Add(new TargetReading(Phrase.Of(ownedMain.Trim('"')), ownedMain.Trim('"'), ownedHint, null, null, weight * 0.97));
            }
        }

        // "day 15 of the month it shows", "page 3": a calendar day or a page number is shown as the bare number.
        if (DayOrPage().Match(text) is { Success: true } day)
        {
            var number = day.Groups["n"].Value;
            readings.Add(new TargetReading(Phrase.Of(number), number, RoleHint.None, null, null, weight));
        }

        // "the button in the dialog box labeled "Cancel"", "the field called Comment": the name is what follows; the
        // words before it only say what kind of element it is.
        if (NamedAs().Match(text) is { Success: true } named)
        {
            var hint = Hint(named.Groups["kind"].Value);
            var name = named.Groups["name"].Value.Trim();
            var unquoted = name.Length >= 2 && name[0] == '"' && name[^1] == '"' ? name[1..^1] : name;
            readings.Add(new TargetReading(Phrase.Of(unquoted), unquoted, hint, null, null, weight));
            return readings;
        }

        readings.Add(Reading(text, null, null, weight));

        // "the list of additional tabs", "the menu of actions": what the list holds is the name of what opens it.
        if (ListOf().Match(text) is { Success: true } listOf)
        {
            var held = listOf.Groups["x"].Value.Trim();
            readings.Add(new TargetReading(Phrase.Of(held), held, RoleHint.Select, null, null, weight));
        }

        // "the link "Eget"", "the "87: not clicked" button": quoted text names the target exactly; the words around it
        // are role words when nothing else is left of them.
        if (OneQuote().Match(text) is { Success: true } quoted)
        {
            var around = $"{quoted.Groups["before"].Value} {quoted.Groups["after"].Value}".Trim();
            var (rest, aroundHint) = StripRoleWords(around);
            var name = quoted.Groups["name"].Value;
            if (around.Length > 0 && rest.Trim().Length == 0)
            {
                readings.Add(new TargetReading(Phrase.Of(name), name, aroundHint == RoleHint.None ? Hint(around) : aroundHint, null, null, weight));
            }
            else if (quoted.Groups["after"].Value.Trim().Length > 0 && LeadingFiller().Replace(quoted.Groups["before"].Value, "").Trim().Length == 0
                     && LeadingFiller().Replace(rest, "").Trim() is { Length: > 0 } group && !Ordinal().IsMatch(text))
            {
                // "the "2 Queen" bed type", ""5 Star" hotel ratings": the quoted words are the name, the words after them
                // say which group it is in (context, not part of the name).
                readings.Add(new TargetReading(Phrase.Of(name), name, aroundHint, null, Phrase.Of(group), weight * 0.98));
            }
        }

        // The words as written, role words included: a button may really be called "Select" or "Next page".
        var literal = text.Length > 1 && text[0] == '"' && text[^1] == '"' && text.Count(c => c == '"') == 2 ? text[1..^1] : text;
        if (!Phrase.Of(literal).Norm.Equals(readings[0].Main.Norm, StringComparison.Ordinal))
        {
            readings.Add(new TargetReading(Phrase.Of(literal), literal, RoleHint.None, null, null, weight));
        }

        var ordinal = Ordinal().Match(text);
        int? n = null;
        var afterOrdinal = text;
        if (ordinal.Success)
        {
            n = OrdinalOf(ordinal.Groups[1].Value);
            afterOrdinal = text[ordinal.Length..].Trim();
            if (FromEnd().Match(afterOrdinal) is { Success: true } end)
            {
                // "the second todo from the top", "the 2nd row from the bottom": counted from that end.
                afterOrdinal = afterOrdinal[..end.Index].Trim();
                n = end.Groups["bottom"].Success ? (n == -1 ? 1 : -n) : n;
            }

            if (afterOrdinal is "one" or "ones")
            {
                // "the third one": of the kind the verb acts on, in the place the step names.
                afterOrdinal = "";
            }

            var rows = afterOrdinal.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: 1 } one && RowNouns.Contains(one[0].TrimEnd('s'));
            readings.Add(Reading(afterOrdinal, n, null, weight) with { OrdinalOfRow = rows });
            if (!rows && afterOrdinal.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: 1 } noun && PlainNoun().IsMatch(noun[0])
                && StripRoleWords(afterOrdinal).Hint == RoleHint.None && !RoleWords.Any(r => r.Words.Equals(noun[0], StringComparison.OrdinalIgnoreCase)))
            {
                readings.Add(Reading("", n, null, weight * 0.9) with { CountsInPlace = true });
            }

            // "the first location radio button", "the 2nd rating checkbox": words left before the role word may name the
            // group the boxes are in rather than a box; counted among the boxes of that group.
            var (kindless, kind) = StripRoleWords(afterOrdinal);
            if (kind != RoleHint.None && kindless.Trim().Length > 0 && !kindless.Contains('"', StringComparison.Ordinal))
            {
                readings.Add(new TargetReading(Phrase.Of(""), afterOrdinal, kind, n, Phrase.Of(kindless.Trim()), weight));
            }
        }

        foreach (var connector in Connectors)
        {
            var i = afterOrdinal.IndexOf(connector, StringComparison.OrdinalIgnoreCase);
            if (i <= 0)
            {
                continue;
            }

            var main = afterOrdinal[..i];
            var whole = LeadingFiller().Replace(afterOrdinal[(i + connector.Length)..], "").Trim();
            var context = ContextNoun().Replace(whole, "").Trim();
            // "the checkbox of the third row": the row noun is what is counted, so the ordinal is read before it goes.
            if (n is null && Ordinal().Match(whole) is { Success: true } rowOrdinal && main.Trim().Length > 0)
            {
                // The row's noun ("todo", "result") is a kind, not a name shown on the page.
                readings.Add(Reading(main, OrdinalOf(rowOrdinal.Groups[1].Value), null, weight) with { OrdinalOfRow = true });
                continue;
            }

            if (context.Length > 0 && main.Trim().Length > 0)
            {
                // "the second section of the accordion", "Zoom In in the menu": the widget is what the kind already says.
                var placed = Reading(main, n, WidgetNoun().IsMatch(context) ? null : context, weight);
                readings.Add(ListOf().Match(main.Trim()) is { Success: true } listed
                    ? placed with { Main = Phrase.Of(listed.Groups["x"].Value.Trim()), Display = listed.Groups["x"].Value.Trim(), Hint = RoleHint.Select }
                    : placed);
            }
        }

        return readings;
    }

    /// <summary>
    /// Drops what the step is for ("the "Open Dialog" button to show the Basic dialog", "… so that its panel
    /// collapses", "… (the field takes mm/dd/yyyy)"): a purpose or a remark never names the element.
    /// </summary>
    public static string StripPurpose(string text)
    {
        var t = Remark().Replace(text, "").Trim();

        // "Switch to "Horizontal main menu" (not the full-width one)": beside an exact quoted name, an aside that says
        // what is not meant adds nothing. Without a quoted name it stays: "the button inside its text (not the X in the
        // corner)" would otherwise be just "the button", and any button would do.
        if (t.Count(c => c == '"') >= 2)
        {
            t = NotAside().Replace(t, "").Trim();
        }
        var m = PurposeTail().Match(t);
        if (m.Success && m.Index > 0 && (m.Groups["so"].Success || PurposeVerbs.Contains(m.Groups["verb"].Value.ToLowerInvariant())
            || Verbs.StartsWithVerb(t[(m.Index + m.Length - m.Groups["verb"].Length)..])))
        {
            t = t[..m.Index].Trim();
        }

        return t.TrimEnd(',').Trim();
    }

    private static readonly HashSet<string> PurposeVerbs =
    [
        "show", "see", "view", "display", "reveal", "hide", "close", "collapse", "expand", "complete", "finish", "confirm", "remove",
        "delete", "start", "stop", "begin", "continue", "proceed", "submit", "save", "acknowledge", "dismiss", "make", "get", "bring",
        "toggle", "mark", "apply", "add", "create", "edit", "change", "update", "return", "go", "move", "reset", "cancel", "undo", "reach",
    ];

    [GeneratedRegex(@"\s*\((?:the|this|it|which|so|to|e\.g\.|i\.e\.|note|it's|its|one)\b[^)]*\)|,\s*(?:which|that|who)\s+(?:is|are|was|were|has|have|had|should|will|already)\b[^,]*|\s+(?:that|which)\s+(?:appears?|shows?|is shown|shows up|becomes? visible)\b.*$", RegexOptions.IgnoreCase)]
    private static partial Regex Remark();

    [GeneratedRegex(@"\s*\((?:but\s+)?(?:not|except)\b[^)]*\)", RegexOptions.IgnoreCase)]
    private static partial Regex NotAside();

    [GeneratedRegex(@"(?:,\s*|\s+)(?:(?<so>so that|so as to|in order to|so|without)\s+\S|to\s+(?<verb>[a-z]+)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex PurposeTail();

    [GeneratedRegex(@"^(?:the\s+)?(?:list|menu|drop-?down(?:\s+(?:list|menu))?)\s+of\s+(?!the\b)(?<x>[^""]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ListOf();

    private static int OrdinalOf(string word) => Ordinals.Of(word) ?? -1; // else "last"

    private static TargetReading Reading(string text, int? ordinal, string? context, double weight)
    {
        var (main, hint) = StripRoleWords(text.Trim());
        var unquoted = main.Trim();
        if (unquoted.Length >= 2 && unquoted[0] == '"' && unquoted[^1] == '"' && unquoted.Count(c => c == '"') == 2)
        {
            unquoted = unquoted[1..^1];
        }

        return new TargetReading(Phrase.Of(unquoted), unquoted, hint, ordinal, context is null ? null : Phrase.Of(context), weight);
    }

    // The first role word in the words before "labeled …" ("the button in the dialog box" → Button).
    private static RoleHint Hint(string kind)
    {
        var words = kind.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            foreach (var (role, hint) in RoleWords)
            {
                var n = role.Count(c => c == ' ') + 1;
                if (i + n <= words.Length && string.Join(' ', words[i..(i + n)]).Equals(role, StringComparison.OrdinalIgnoreCase) && hint != RoleHint.None)
                {
                    return hint;
                }
            }
        }

        return RoleHint.None;
    }

    /// <summary>Removes trailing role words ("the Reason drop-down list" → "Reason", Select) unless nothing would be left of a quoted name.</summary>
    public static (string Main, RoleHint Hint) StripRoleWords(string text)
    {
        var main = text.Trim();
        var hint = RoleHint.None;
        var stripped = false;
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var (words, h) in RoleWords)
            {
                if (main.Equals(words, StringComparison.OrdinalIgnoreCase))
                {
                    // "the Filter button", "the Menu link": a vague role word left before a real one is the name.
                    if (stripped && h == RoleHint.None)
                    {
                        return (main, hint);
                    }

                    if (hint == RoleHint.None)
                    {
                        hint = h;
                    }

                    return ("", hint);
                }

                if (main.EndsWith(" " + words, StringComparison.OrdinalIgnoreCase) && !main.EndsWith("\"", StringComparison.Ordinal))
                {
                    main = main[..^(words.Length + 1)].TrimEnd();
                    stripped = true;
                    if (hint == RoleHint.None)
                    {
                        hint = h;
                    }

                    changed = true;
                    break;
                }
            }
        }

        return (LeadingFiller().Replace(main, ""), hint);
    }

    // "its Usage tab" left so by the parser (its owner is already the step's place): "its" names nothing.
    [GeneratedRegex(@"^(?:(?:the|a|an|on|onto|at|to|into|please|my|our|your|this|that|its|their)\s+|(?:next|another)\s+(?=""))+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingFiller();

    [GeneratedRegex(@"^(?<before>[^""]*?)\s*""(?<name>[^""]+)""\s*(?<after>[^""]*)$")]
    private static partial Regex OneQuote();

    [GeneratedRegex(@"^(?<kind>.*?)\b(?:labell?ed|named|called|titled|that says|which says|saying|with the (?:label|text|name))\s+(?<name>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex NamedAs();

    [GeneratedRegex(@"^(first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"\s+from\s+(?:the\s+)?(?:(?<top>top|start|beginning|left|first)|(?<bottom>bottom|end|right|last))$", RegexOptions.IgnoreCase)]
    private static partial Regex FromEnd();

    // "only the second box", "node-1-1-0 only", "node-3 as well", "Bob too": words at the edge that say nothing of a name.
    [GeneratedRegex(@"^only\s+|\s+(?:only|as\s+well|too|also)$|\s+(?:with|along\s+with|and|including)\s+(?:everything|all|all\s+of\s+(?:it|them)|all\s+(?:its|their)\s+(?:children|entries|items|contents)|its\s+(?:children|entries|items|whole\s+branch))(?:\s+(?:under|in|inside|below|beneath|within)\s+(?:it|them))?$", RegexOptions.IgnoreCase)]
    private static partial Regex OnlyAtEdge();

    [GeneratedRegex(@"\s*\(\s*""(?<name>[^""]+)""\s*\)")]
    private static partial Regex ShownAs();

    [GeneratedRegex(@"^(?<owner>[^""']+?)(?:'s|’s)\s+(?<rest>.+)$")]
    private static partial Regex Possessive();

    // "the Close (x) button", "its close (×) icon": the glyph drawn on it, not a word of its name.
    [GeneratedRegex(@"\s+(?:(?:that\s+is\s+|which\s+is\s+)?(?:shown\s+)?(?:on|in)\s+(?:the|this)\s+(?:whole\s+|entire\s+)?(?:page|screen)|(?:shown|visible)\s+(?:here|there))$", RegexOptions.IgnoreCase)]
    private static partial Regex OnThePage();

    [GeneratedRegex(@"^(?<lead>(?:(?:the|its|their|this|that|his|her)\s+)?)(?<sign>[+\-−])(?=\s+(?:button|icon|sign|key|control)\b|\s*$)", RegexOptions.IgnoreCase)]
    private static partial Regex SignName();

    [GeneratedRegex(@"\s*\((?:x|X|×|✕|✖|✗|⨯)\)")]
    private static partial Regex Glyph();

    [GeneratedRegex(@"^(?:(?:day|date|page)\s+(?<n>\d{1,3})\b(?!\s*(?:st|nd|rd|th|[:.,/-]\d))|(?:the\s+)?(?<n>\d{1,2})(?:st|nd|rd|th)(?:\s+day)?(?:\s+of\s+(?:the|this)\s+month\b.*)?$)", RegexOptions.IgnoreCase)]
    private static partial Regex DayOrPage();

    [GeneratedRegex(@"^(?:accordion|menu|menubar|menu bar|toolbar|tool bar|list|listbox|calendar|date ?picker|dialog|dialog box|modal|popup|pop-up|form|table|grid|tree|carousel|tabs|tab bar|widget)$", RegexOptions.IgnoreCase)]
    private static partial Regex WidgetNoun();

    [GeneratedRegex(@"\s+(?:row|section|area|part|group|line|entry|form|panel|block|column|card|box|list)$", RegexOptions.IgnoreCase)]
    private static partial Regex ContextNoun();

    [GeneratedRegex(@"^[a-z][a-z-]{2,}s?$")]
    private static partial Regex PlainNoun();
}
