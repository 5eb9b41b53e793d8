namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>The verbs (and verb phrases) that start a step, longest first, with a forgiving match for one typo.</summary>
internal static class Verbs
{
    private static readonly (string Phrase, VerbKind Kind)[] Table = Build(
    [
        ("double-click on", VerbKind.DoubleClick), ("double-click", VerbKind.DoubleClick), ("double click on", VerbKind.DoubleClick),
        ("double click", VerbKind.DoubleClick), ("doubleclick", VerbKind.DoubleClick), ("dblclick", VerbKind.DoubleClick),
        ("right-click on", VerbKind.RightClick), ("right-click", VerbKind.RightClick), ("right click on", VerbKind.RightClick),
        ("right click", VerbKind.RightClick), ("context-click", VerbKind.RightClick),
        ("click into", VerbKind.Focus), ("click in", VerbKind.Focus), ("focus on", VerbKind.Focus), ("focus", VerbKind.Focus),
        ("click on", VerbKind.Click), ("click", VerbKind.Click),
        ("confirm with", VerbKind.Press), ("submit with", VerbKind.Press), ("finish with", VerbKind.Press), ("commit with", VerbKind.Press),
        // "… and confirm it with OK", "turn it down with Cancel": the button named after "with" answers what came before.
        ("confirm it with", VerbKind.Press), ("confirm that with", VerbKind.Press), ("answer it with", VerbKind.Press),
        ("turn it down with", VerbKind.Press), ("decline it with", VerbKind.Press), ("reject it with", VerbKind.Press),
        ("accept it with", VerbKind.Press), ("close it with", VerbKind.Press), ("dismiss it with", VerbKind.Press),
        ("cancel it with", VerbKind.Press), ("finish it with", VerbKind.Press), ("submit it with", VerbKind.Press),
        ("press on", VerbKind.Press), ("press", VerbKind.Press), ("hit", VerbKind.Press), ("tap on", VerbKind.Press),
        ("tap", VerbKind.Press), ("push", VerbKind.Press),
        ("hover over", VerbKind.Hover), ("hover on", VerbKind.Hover), ("hover", VerbKind.Hover), ("mouse over", VerbKind.Hover),
        ("mouseover", VerbKind.Hover), ("move the mouse over", VerbKind.Hover), ("move the mouse to", VerbKind.Hover),
        ("move mouse over", VerbKind.Hover), ("point at", VerbKind.Hover), ("point to", VerbKind.Hover),
        ("type in", VerbKind.Type), ("type", VerbKind.Type), ("start typing", VerbKind.Type), ("begin typing", VerbKind.Type), ("enter", VerbKind.Type), ("input", VerbKind.Type),
        ("write", VerbKind.Type), ("put", VerbKind.Type), ("key in", VerbKind.Type),
        ("repeat", VerbKind.Type), ("re-enter", VerbKind.Type), ("reenter", VerbKind.Type), ("retype", VerbKind.Type), ("re-type", VerbKind.Type),
        ("fill in", VerbKind.Fill), ("fill out", VerbKind.Fill), ("fill", VerbKind.Fill), ("replace", VerbKind.Fill),
        ("populate", VerbKind.Fill),
        ("clear out", VerbKind.Clear), ("clear", VerbKind.Clear), ("empty", VerbKind.Clear), ("erase", VerbKind.Clear),
        ("select", VerbKind.Select), ("choose", VerbKind.Select), ("pick", VerbKind.Select), ("answer", VerbKind.Select),
        ("uncheck", VerbKind.Uncheck), ("un-check", VerbKind.Uncheck), ("untick", VerbKind.Uncheck), ("un-tick", VerbKind.Uncheck),
        ("unselect", VerbKind.Uncheck), ("deselect", VerbKind.Uncheck), ("disable", VerbKind.Uncheck),
        ("deactivate", VerbKind.Uncheck), ("turn off", VerbKind.Uncheck), ("switch off", VerbKind.Uncheck),
        ("check off", VerbKind.Check), ("check", VerbKind.Check), ("tick off", VerbKind.Check), ("tick", VerbKind.Check),
        ("mark", VerbKind.Check), ("enable", VerbKind.Check), ("activate", VerbKind.Check), ("turn on", VerbKind.Check),
        ("switch on", VerbKind.Check),
        ("accept", VerbKind.Accept), ("agree to", VerbKind.Accept),
        ("turn", VerbKind.Turn), ("switch", VerbKind.Switch),
        ("set", VerbKind.Set), ("change", VerbKind.Set), ("update", VerbKind.Set), ("correct", VerbKind.Set), ("shorten", VerbKind.Set), ("lengthen", VerbKind.Set),
        ("make sure", VerbKind.MakeSure), ("ensure", VerbKind.MakeSure),
        ("don't", VerbKind.Dont), ("dont", VerbKind.Dont), ("do not", VerbKind.Dont),
        ("go back", VerbKind.Back), ("navigate back", VerbKind.Back), ("browse back", VerbKind.Back),
        ("go to", VerbKind.Go), ("goto", VerbKind.Go), ("navigate to", VerbKind.Go), ("navigate", VerbKind.Go),
        ("browse to", VerbKind.Go), ("head to", VerbKind.Go), ("open up", VerbKind.Go), ("open", VerbKind.Go),
        ("launch", VerbKind.Go), ("bring up", VerbKind.Go), ("pull up", VerbKind.Go), ("pop up", VerbKind.Go),
        ("visit", VerbKind.Go), ("load", VerbKind.Load), ("go", VerbKind.Go),
        ("expand", VerbKind.Click), ("collapse", VerbKind.Click), ("cancel", VerbKind.Click), ("unfold", VerbKind.Click), ("toggle", VerbKind.Click),
        ("fold up", VerbKind.Click), ("fold away", VerbKind.Click), ("fold", VerbKind.Click), ("look at", VerbKind.Click),
        ("have a look at", VerbKind.Click), ("take a look at", VerbKind.Click), ("have a quick look at", VerbKind.Click), ("take a quick look at", VerbKind.Click),
        ("take a peek at", VerbKind.Click), ("peek at", VerbKind.Click), ("glance at", VerbKind.Click), ("follow", VerbKind.Click),
        ("come back to", VerbKind.Go), ("return to", VerbKind.Go), ("get back to", VerbKind.Go), ("head back to", VerbKind.Go),
        ("remove", VerbKind.Remove), ("take out", VerbKind.Remove), ("take away", VerbKind.Remove), ("delete", VerbKind.Remove), ("dismiss", VerbKind.Remove), ("close", VerbKind.Remove), ("discard", VerbKind.Remove),
        ("scroll", VerbKind.Scroll), ("go down", VerbKind.Scroll), ("go up", VerbKind.Scroll), ("head down", VerbKind.Scroll),
        ("head up", VerbKind.Scroll), ("move down", VerbKind.Scroll), ("move up", VerbKind.Scroll), ("jump down", VerbKind.Scroll),
        ("drag and drop", VerbKind.Drag), ("reorder", VerbKind.Drag), ("rearrange", VerbKind.Drag), ("drag", VerbKind.Drag), ("move", VerbKind.Drag), ("slide", VerbKind.Drag),
        ("wait", VerbKind.Wait), ("pause", VerbKind.Wait), ("sleep", VerbKind.Wait),
        ("search for", VerbKind.Search), ("search", VerbKind.Search), ("look up", VerbKind.Search), ("look for", VerbKind.Search),
        ("ctrl-click", VerbKind.ModifierClick), ("ctrl+click", VerbKind.ModifierClick), ("control-click", VerbKind.ModifierClick),
        ("control+click", VerbKind.ModifierClick), ("shift-click", VerbKind.ModifierClick), ("shift+click", VerbKind.ModifierClick),
        ("cmd-click", VerbKind.ModifierClick), ("cmd+click", VerbKind.ModifierClick), ("command-click", VerbKind.ModifierClick),
        ("meta-click", VerbKind.ModifierClick), ("alt-click", VerbKind.ModifierClick), ("alt+click", VerbKind.ModifierClick),
        ("leave", VerbKind.Leave), ("keep", VerbKind.Leave),
        ("show only", VerbKind.ShowOnly), ("only show", VerbKind.ShowOnly), ("view only", VerbKind.ShowOnly),
        ("display only", VerbKind.ShowOnly), ("list only", VerbKind.ShowOnly),
        ("filter by", VerbKind.Filter), ("filter on", VerbKind.Filter), ("filter", VerbKind.Filter),
        ("use", VerbKind.Use), ("add", VerbKind.Add), ("create", VerbKind.Add), ("rename", VerbKind.Rename), ("edit", VerbKind.Rename), ("drop", VerbKind.Drag), ("log in", VerbKind.Login), ("login", VerbKind.Login), ("sign in", VerbKind.Login), ("log on", VerbKind.Login),
    ]);

    /// <summary>The verbs to name in a "could not understand" message.</summary>
    public const string Understood =
        "click, double-click, right-click, hover over, type/enter … into …, fill … with …, clear, select/choose … from …, " +
        "check/uncheck, turn on/off, set … to …, search for …, press <key>, scroll up/down/to the bottom, " +
        "drag … onto …, move a slider to the right/left or to a value, " +
        "go to <URL or link>, go back, wait <n> seconds, wait for <text>";

    private static (string, VerbKind)[] Build((string, VerbKind)[] entries) =>
        entries.OrderByDescending(e => e.Item1.Length).ToArray();

    /// <summary>The verb a clause starts with, the word(s) as written and the rest; null when it starts with none.</summary>
    public static (VerbKind Kind, string Word, string Remainder)? Match(string clause)
    {
        var text = clause.TrimStart().Replace('’', '\'');
        foreach (var (phrase, kind) in Table)
        {
            if (text.StartsWith(phrase, StringComparison.OrdinalIgnoreCase)
                && (text.Length == phrase.Length || text[phrase.Length] is ' ' or ',' or ':'))
            {
                return (kind, text[..phrase.Length], text[phrase.Length..].TrimStart(' ', ':', ','));
            }
        }

        return null;
    }

    /// <summary>Like <see cref="Match"/>, forgiving one typo in a single-word verb of five letters or more ("Selct").</summary>
    public static (VerbKind Kind, string Word, string Remainder)? MatchFuzzy(string clause)
    {
        if (Match(clause) is { } exact)
        {
            return exact;
        }

        var text = clause.TrimStart();
        var end = 0;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        if (end < 5 || (end < text.Length && text[end] != ' '))
        {
            return null;
        }

        var word = text[..end].ToLowerInvariant();
        foreach (var (phrase, kind) in Table)
        {
            if (phrase.Length >= 5 && phrase.All(char.IsLetter) && TextMatch.EditDistance(word, phrase, 1) == 1
                && kind is not (VerbKind.Login or VerbKind.Load or VerbKind.Dont))
            {
                return (kind, text[..end], text[end..].TrimStart());
            }
        }

        return null;
    }

    /// <summary>True when the text starts with a verb: used to tell "Check A and B" from "Check A and click B".</summary>
    public static bool StartsWithVerb(string text)
    {
        if (Match(text) is not { } m)
        {
            return false;
        }

        // "log in"/"sign in" only start a step when followed by with/as; "turn"/"switch" are too common as nouns.
        return m.Kind switch
        {
            VerbKind.Login => m.Remainder.StartsWith("with ", StringComparison.OrdinalIgnoreCase) || m.Remainder.StartsWith("as ", StringComparison.OrdinalIgnoreCase),
            VerbKind.Go when m.Word.Equals("go", StringComparison.OrdinalIgnoreCase) => m.Remainder.Length > 0,
            _ => true,
        };
    }
}
