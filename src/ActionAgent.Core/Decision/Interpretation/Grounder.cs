using System.Text.RegularExpressions;
using ActionAgent.Core.Text;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>An element with its grounding score (0..1, a little above 1 with a fitting role hint) and how it matched.</summary>
internal sealed record Candidate(PageItem Item, double Score, string How)
{
    public double Confidence => Math.Clamp(Score, 0, 1);

    /// <summary>The heading of the section the step's place named, when the element was looked for only there.</summary>
    public string? Section { get; init; }

    public string Describe() => FormattableString.Invariant($"{Item.RoleWord} '{Item.Display}', score {Confidence:0.00}");
}

/// <summary>What to look for: the target words, other names, which elements qualify, and hints from the verb and task.</summary>
internal sealed record Search(string? Target, Func<PageItem, bool> Filter)
{
    public IReadOnlyList<string> Alternatives { get; init; } = [];

    public RoleHint VerbHint { get; init; }

    /// <summary>Part of the page the whole task is about; elements there are preferred, others are not excluded.</summary>
    public Phrase? SoftContext { get; init; }

    /// <summary>Words that must describe the element's surroundings ("refund method" for the Store credit radio).</summary>
    public Phrase? RequiredContext { get; init; }

    /// <summary>True when the filter alone says what kind of element is meant (checkboxes for "tick"): a target of only an
    /// ordinal and a row noun ("the second todo") counts those.</summary>
    public bool KindCounts { get; init; }

    /// <summary>True when the element will be clicked: loose text and headings count a little less than controls.</summary>
    public bool ForClick { get; init; }
}

/// <summary>The best element for a search, the ranking it came from (for "closest" in messages) and the words shown.</summary>
internal sealed record Found(Candidate? Best, IReadOnlyList<Candidate> Ranked, string Display)
{
    public bool IsAtLeast(double min) => Best is { } b && b.Score >= min;
}

/// <summary>
/// Scores every element of a page against every reading of a target phrase and keeps the best: label, placeholder,
/// nearby text and loose text labels count; fitting role hints add a little, disabled or hidden elements lose a lot.
/// </summary>
internal sealed partial class Grounder(PageIndex page, IReadOnlySet<int> penalized, TaskEcho? echo = null)
{
    public PageIndex Page { get; } = page;

    /// <summary>Elements the last step's click or hover brought up: among equals, what just appeared is meant.</summary>
    public IReadOnlySet<int> Fresh { get; init; } = new HashSet<int>();

    /// <summary>
    /// "the second Delphi inside it", "its dropdown": only what the last step brought up counts, ordinals included.
    /// Without anything brought up (a page without stable ids, nothing new) the whole page is searched.
    /// </summary>
    public bool OnlyFresh { get; init; }

    /// <summary>The page at the start of the run and what the run acted on, when known.</summary>
    public RunMemory? Memory { get; init; }

    private (int First, int Last)? _freshSpan;

    // A hidden element among what was brought up (the native select behind a custom one in a tab panel just shown)
    // belongs to it too: it sits between the first and last element brought up, in page order.
    private bool InScope(PageItem item)
    {
        if (!OnlyFresh || Fresh.Count == 0 || Fresh.Contains(item.Element.Id))
        {
            return true;
        }

        if (!item.IsHidden)
        {
            return false;
        }

        _freshSpan ??= Page.Items.Where(i => Fresh.Contains(i.Element.Id)).Select(i => i.Order).DefaultIfEmpty(-1)
            .Aggregate((First: int.MaxValue, Last: int.MinValue), (span, o) => (Math.Min(span.First, o), Math.Max(span.Last, o)));
        return item.Order >= _freshSpan.Value.First && item.Order <= _freshSpan.Value.Last;
    }

    public Found Find(Search search)
    {
        Candidate? best = null;
        var bestCounted = false;
        IReadOnlyList<Candidate> ranked = [];
        var phrases = new List<(string Text, double Weight)>();
        if (!string.IsNullOrWhiteSpace(search.Target))
        {
            phrases.Add((search.Target, 1));
        }

        phrases.AddRange(search.Alternatives.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => (a, 0.95)));
        var display = phrases.Count == 0 ? "" : TargetQuery.Read(phrases[0].Text) is { Count: > 0 } r ? r[0].Display : phrases[0].Text;

        foreach (var (text, weight) in phrases)
        {
            foreach (var reading in TargetQuery.Read(text, weight))
            {
                var scored = Page.Items.Where(search.Filter).Where(InScope)
                    .Select(item => Score(item, reading, search))
                    .Where(c => c.Score > 0)
                    .OrderByDescending(c => c.Score)
                    .ThenBy(c => c.Item.Order)
                    .ToList();
                if (InSections(scored, search, reading) is { } inPlace)
                {
                    scored = inPlace;
                }

                if (scored.Count == 0)
                {
                    continue;
                }

                var pick = scored[0];
                if (reading.Ordinal is null && search.SoftContext is { IsEmpty: false } counted && PlaceOrdinal(counted.Raw) is { } k)
                {
                    pick = NthPlace(scored, k) ?? pick;
                }

                if (reading.Ordinal is { } n)
                {
                    var top = scored[0].Score;
                    // Counted by kind in a place ("the last box in the Checkboxes group"): the place decides below, so a
                    // box whose surroundings say less of it (further from the group's title) is still counted here.
                    var byPlace = reading.Main.IsEmpty && (search.SoftContext is { IsEmpty: false } || reading.Context is { IsEmpty: false });
                    var near = scored.Where(c => c.Score >= (byPlace ? top * 0.75 : top - 0.03)).OrderBy(c => c.Item.Order).ToList();
                    if (reading.OrdinalOfRow && near.Where(c => c.Item.Element.Row is not { } r || !Page.HeaderRows.Contains(r)).ToList() is { Count: > 0 } body)
                    {
                        // "the second item": a list's heading row (its select-all box) is no item.
                        near = body;
                    }

                    string? countedIn = null;
                    // The step's place, else the reading's own ("the last item of the checkbox group").
                    // Counted in the innermost section first: a group title under a heading ("Radio buttons group" below
                    // "Checkbox group") is where its boxes are, not the heading above it.
                    if ((search.SoftContext is { IsEmpty: false } ? search.SoftContext : reading.Context) is { IsEmpty: false } section
                        && InnermostUnder(near, section) is { Count: > 0 } under)
                    {
                        countedIn = under[0].Item.Headings.First(h => IsSectionNamed(section, h));
                        // "In the "Click" example, click the last star": counted under the heading of that name only, even
                        // when the words of other sections mention a click too.
                        near = under;
                    }
                    else if (search.SoftContext is { IsEmpty: false } titled && HeadingWords(titled) is { } words)
                    {
                        // "In the "Vertical Tabs" box on the left, open the third tab": counted under the headings holding
                        // those words only. None there is no match: the third tab of another box is not the one asked for.
                        near = near.Where(c => c.Item.Headings.Any(h => words.All(Phrase.Of(h).Tokens.Contains))).ToList();
                        if (near.Count == 0)
                        {
                            continue;
                        }

                        countedIn = near[0].Item.Headings.First(h => words.All(Phrase.Of(h).Tokens.Contains));
                    }
                    else if (search.SoftContext is { IsEmpty: false } soft)
                    {
                        // "There are four boxes labelled "This is a test". Tick the third one": counted in that group only.
                        var covered = near.Select(c => (Candidate: c, Coverage: TextMatch.Coverage(soft, Surroundings(c.Item)))).ToList();
                        var most = covered.Max(c => c.Coverage);
                        near = most > 0 ? Group(near, covered.Where(c => c.Coverage >= most - 1e-9).Select(c => c.Candidate).ToList(), soft) : near;
                        countedIn = most > 0 ? soft.Raw : null;
                    }

                    if (reading.Hint == RoleHint.Dot && reading.Main.IsEmpty)
                    {
                        // "the second dot": counted in one row of dots only, the one the place names (the first row below
                        // it) or the only one; dots of several carousels are never counted as one row.
                        near = DotRow(near, search.SoftContext);
                    }

                    if (reading.OrdinalOfRow && near.Where(c => string.IsNullOrWhiteSpace(c.Item.Element.Name) && !BesideAnEntryField(c.Item)).ToList() is { Count: > 0 } rows)
                    {
                        // A control with a name of its own ("Mark all as complete") belongs to no row.
                        near = rows;
                    }

                    if (reading.CountsInPlace && countedIn is null)
                    {
                        // "the last book" with no place that holds the books: counting every box on the page is a guess.
                        continue;
                    }

                    var index = n < 0 ? near.Count + n : n - 1;
                    if (index < 0 || index >= near.Count)
                    {
                        continue;
                    }

                    // The place it was counted in is part of how it was found (the step's place was used).
                    pick = near[index] with { Section = countedIn ?? near[index].Section };
                }

                // A reading that counts ("In Store on the second row") beats one that matched the same words as well but
                // dropped the count: the count is what the words say on top.
                if (best is null || pick.Score > best.Score + 1e-9 || reading.Ordinal is not null && !bestCounted && pick.Score >= best.Score - 1e-9)
                {
                    best = pick;
                    ranked = scored;
                    bestCounted = reading.Ordinal is not null;
                }
            }
        }

        if ((best is null || best.Score < 0.5) && search.Target is { } named && QuotedName().Match(named) is { Success: true } quoted)
        {
            // "Set the "Default" time picker to 16:15": no field is called that, but a heading is, with one field under it
            // (the first field after it in page order, within 150 px below it). Only when one heading has that name.
            var heading = Phrase.Of(quoted.Groups["q"].Value);
            var titles = Page.Items.Where(i => !i.IsInteractive && !i.IsHidden && TextMatch.Similarity(heading, Phrase.Of(i.Display.TrimEnd(':', ' ')), []) >= 0.95).ToList();
            titles = titles.Count(i => i.Role == "heading") is > 0 and var headings ? titles.Where(i => i.Role == "heading").ToList() : titles;
            if (titles.Count == 1)
            {
                var title = titles[0].Element.Bounds;
                var under = Page.Items.Where(search.Filter).Where(InScope)
                    .Where(i => (i.IsEditable || i.IsSelectable) && !i.IsHidden && !i.Element.Disabled && i.Order > titles[0].Order
                        && i.Element.Bounds.Y >= title.Y && i.Element.Bounds.Y - title.Bottom <= 150)
                    .OrderBy(i => i.Order).FirstOrDefault();
                if (under is not null)
                {
                    best = new Candidate(under, 0.6, "the heading above it");
                }
            }
        }

        return new Found(best, ranked, display);
    }

    // The boxes under a title run on after the ones beside it: "Checkboxes" is the nearby text of the first two boxes
    // only, yet all four are the group. When the place is a title over the members (not their own names), the members'
    // next neighbours in page order belong too, while nothing else (a title, a text, another control) lies between them.
    private List<Candidate> Group(List<Candidate> near, List<Candidate> members, Phrase place)
    {
        var last = near.FindLastIndex(members.Contains);
        if (last < 0 || members.Any(m => TextMatch.Coverage(place, Phrase.Of(m.Item.Element.Name).Tokens.ToList()) > 0))
        {
            return members;
        }

        bool Adjacent(Candidate a, Candidate b) => !Page.Items.Any(i => i.Order > a.Item.Order && i.Order < b.Item.Order && !i.IsHidden);
        var to = last;
        while (to < near.Count - 1 && Adjacent(near[to], near[to + 1]))
        {
            to++;
        }

        return [.. members, .. near[(last + 1)..(to + 1)]];
    }

    private List<Candidate> DotRow(List<Candidate> dots, Phrase? place)
    {
        var rows = new List<List<Candidate>>();
        foreach (var dot in dots.OrderBy(c => c.Item.Order))
        {
            var b = dot.Item.Element.Bounds;
            if (rows.Count > 0 && rows[^1][^1].Item.Element.Bounds is var last && Math.Abs(last.Y - b.Y) <= 4 && b.X > last.X && b.X - last.Right <= 40)
            {
                rows[^1].Add(dot);
            }
            else
            {
                rows.Add([dot]);
            }
        }

        // A row counted must be whole: dots are evenly spaced, and a gap means one of them is not among those found (the
        // count would land on its neighbour), so nothing is counted.
        // A lone small control (an icon link with no name) is no row of dots.
        rows = rows.Where(r => r.Count >= 2 && Even(r) && Whole(r)).ToList();
        if (rows.Count <= 1)
        {
            return rows.Count == 1 ? rows[0] : [];
        }

        if (place is not { IsEmpty: false })
        {
            return [];
        }

        var title = Page.Items.Where(i => !i.IsInteractive && !i.IsHidden && i.Display.Length > 0 && TextMatch.Similarity(place, Phrase.Of(i.Display.TrimEnd(':', ' ')), []) >= 0.9)
            .OrderBy(i => i.Order).FirstOrDefault();
        return title is null ? [] : rows.FirstOrDefault(r => r[0].Item.Order > title.Order) ?? [];
    }

    // No dot of the page sits between the row's first and last without being counted (a disabled or hidden one).
    private bool Whole(List<Candidate> row)
    {
        var ids = row.Select(c => c.Item.Element.Id).ToHashSet();
        var (first, last) = (row[0].Item.Order, row[^1].Item.Order);
        return !Page.Items.Any(i => i.Order > first && i.Order < last && !ids.Contains(i.Element.Id) && (i.Fits(RoleHint.Dot) || i.IsInteractive && i.IsHidden));
    }

    private static bool Even(List<Candidate> row)
    {
        var steps = row.Zip(row.Skip(1), (a, b) => b.Item.Element.Bounds.X - a.Item.Element.Bounds.X).ToList();
        return steps.Count == 0 || steps.Max() - steps.Min() <= 3;
    }

    // "First name" is also read as the first of the names: that reading must not pick "Last name" either.
    private static readonly Phrase FirstWord = Phrase.Of("first");
    private static readonly Phrase LastWord = Phrase.Of("last");

    [GeneratedRegex("\"(?<q>[^\"]+)\"")]
    private static partial Regex QuotedName();

    private Candidate Score(PageItem item, TargetReading reading, Search search)
    {
        double score = 0;
        var how = "";
        if (reading.Main.IsEmpty)
        {
            // "Tick the second todo": with no name and no role word, the kind the verb acts on is what is counted.
            // "Tick the last box": "box" reads as a field, but where the verb already says the kind (a tick counts boxes
            // that tick) a field word only repeats it.
            var hint = search.KindCounts && reading.Hint == RoleHint.Field ? RoleHint.None : reading.Hint;
            // A dot is one of many alike: known by its count in its row ("the second dot"), never by being a dot.
            if (hint == RoleHint.None ? !search.KindCounts : !item.Fits(hint) || hint == RoleHint.Dot && reading.Ordinal is null)
            {
                return new Candidate(item, 0, "");
            }

            score = 0.8;
            how = "role";
        }
        else
        {
            foreach (var label in item.Labels)
            {
                // A help panel or ticket showing the task: its text is the instruction, not a name on the page.
                if (echo is not null && echo.Echoes(label.Phrase))
                {
                    continue;
                }

                // "Next page" is not "Last page", "First name" not "Last name", "Zoom in" not "Zoom out": a name saying the
                // opposite of a word asked for is no match, however many other words it shares.
                if (Opposites.Contradict(reading.Main, label.Phrase) || reading.Ordinal is 1 or -1 && Opposites.Contradict(reading.Ordinal == 1 ? FirstWord : LastWord, label.Phrase))
                {
                    continue;
                }

                // Names the page does not show (input type, "submit") stand for a role: exact words only, no fuzz.
                var s = label.IsSynthetic
                    ? (reading.Main.Norm == label.Phrase.Norm ? label.Weight : 0)
                    : TextMatch.Similarity(reading.Main, label.Phrase, item.Context) * label.Weight;

                // An icon drawn for removing (×, a bin, "destroy") answers to any removing word: "the × button", "the
                // delete icon", "its close (x) icon" all mean it. Only icons: a "Close account" button is no "Delete".
                if ((label.How == "icon" || label.Phrase.Raw.Trim() is "×" or "✕" or "✖" or "⨯") && s < 0.85 * label.Weight && IsRemoving(reading.Main) && IsRemoving(label.Phrase))
                {
                    s = 0.85 * label.Weight;
                }

                // "The X", "the cross": what a person calls a close control by its drawing, whatever name the page gives
                // it (aria-label "Close", "Dismiss"). Only a name that is that one word: "Close account" is no X.
                if (s < 0.8 * label.Weight && IsGlyphWord(reading.Main) && label.Phrase.Content is [var only] && only is "close" or "dismiss")
                {
                    s = 0.8 * label.Weight;
                }
                if (s > score)
                {
                    score = s;
                    how = label.How;
                }
            }
        }

        if (score <= 0)
        {
            return new Candidate(item, 0, "");
        }

        if (reading.Main.IsEmpty && (reading.Context ?? search.RequiredContext) is { IsEmpty: false })
        {
            // "type into the input of the "Custom list example" section": a target named only by its kind is known only by
            // its place, so it must sit there; an input elsewhere on the page is not it, however alone it is.
            var place = new[] { reading.Context, search.RequiredContext }.Where(c => c is { IsEmpty: false })
                .Max(c => TextMatch.LacksQuoted(c!, Surroundings(item)) ? 0 : TextMatch.Coverage(c!, Surroundings(item)));
            if (place < 0.5)
            {
                return new Candidate(item, 0, "");
            }
        }

        if (reading.Context is { } context)
        {
            score *= 0.6 + (0.4 * TextMatch.Coverage(context, Surroundings(item)));
        }

        if (search.RequiredContext is { } required)
        {
            score *= 0.6 + (0.4 * TextMatch.Coverage(required, Surroundings(item)));
        }

        if (search.SoftContext is { } soft)
        {
            score *= 0.8 + (0.2 * TextMatch.Coverage(soft, Surroundings(item)));
        }

        if (reading.Hint != RoleHint.None && !reading.Main.IsEmpty)
        {
            // "the Billing section" may be a plain heading as well as a header that opens and closes.
            // "the additional tabs list", "the Actions drop-down": many lists and menus open from a button of that name.
            score = item.Fits(reading.Hint) ? score + 0.05
                : score * (reading.Hint == RoleHint.Section || (reading.Hint == RoleHint.Select && item.Fits(RoleHint.Button)) ? 0.97 : 0.75);
        }
        else if (reading.Hint == RoleHint.None && search.VerbHint != RoleHint.None)
        {
            score = item.Fits(search.VerbHint) ? score + 0.03 : score * 0.9;
        }

        if (item.Element.Disabled)
        {
            score *= 0.6;
        }

        if (item.IsHidden)
        {
            score *= 0.5;
        }

        // Below the fold or scrolled away: still a target, after one in view of the same name.
        if (item.Element.IsOffscreen)
        {
            score *= 0.97;
        }

        if (search.ForClick && !item.IsInteractive && item.Role is not ("image" or "img"))
        {
            score *= 0.9;
        }

        // "the last link": a place in a count is no matter of more or less alike; a retry must not count past the element
        // whose click was not seen (the one before it is not "the last").
        // With a place named ("Example with postfix: … its + button"), the place decides first: a retry does not leave it
        // for a look-alike elsewhere (batch 16 pressed another example's "+" after one press went unseen).
        if (penalized.Contains(item.Element.Id) && reading.Ordinal is null)
        {
            score *= search.SoftContext is { IsEmpty: false } ? 0.95 : 0.85;
        }

        if (Fresh.Count > 0 && !Fresh.Contains(item.Element.Id))
        {
            score *= 0.96;
        }

        return new Candidate(item, score * reading.Weight, how);
    }

    private static readonly HashSet<string> RemovingWords = new(StringComparer.Ordinal) { "close", "delete", "remove", "destroy", "trash", "discard", "dismiss", "bin", "cross", "x" };

    // A "mark all" toggle sits on the line of the field for new entries; a row's box sits beside its text.
    private bool BesideAnEntryField(PageItem box)
    {
        var b = box.Element.Bounds;
        return Page.Items.Any(i => i.IsEditable && !i.IsHidden && i.Element.Bounds.Y < b.Bottom && b.Y < i.Element.Bounds.Bottom
            && i.Element.Bounds.X >= b.X && i.Element.Bounds.X - b.Right <= 120);
    }

    private static bool IsGlyphWord(Phrase p) => p.Content is ["x" or "cross" or "×" or "✕" or "✖"];

    private static bool IsRemoving(Phrase p) => p.Content.Length is > 0 and <= 2 && p.Content.Any(RemovingWords.Contains);

    // "First tree on the page: open Africa", "in the second letter, …": the place is counted among the places (headings)
    // that hold an element of the same name and role, in page order, rather than chosen by the words of its description
    // (the second tree's heading "A rootless tree (no continents node)" shares more words with "the tree with the
    // Continents root" than the first one's). Null when the name is found under fewer than two headings.
    private static Candidate? NthPlace(IReadOnlyList<Candidate> scored, int k)
    {
        var first = scored[0];
        var same = scored
            .Where(c => c.Score >= first.Score - 0.2 && c.Item.Element.Role == first.Item.Element.Role
                && string.Equals(WhiteSpace.Collapse(c.Item.Element.Name), WhiteSpace.Collapse(first.Item.Element.Name), StringComparison.OrdinalIgnoreCase))
            .ToList();
        var places = same.GroupBy(c => c.Item.Heading ?? "").OrderBy(g => g.Min(c => c.Item.Order)).ToList();
        if (places.Count < 2)
        {
            return null;
        }

        var index = k < 0 ? places.Count + k : k - 1;
        return index >= 0 && index < places.Count ? places[index].OrderByDescending(c => c.Score).ThenBy(c => c.Item.Order).First() : null;
    }

    // The ordinal of a place that is a kind of container: "first tree (on the page)", "the second letter", "the bottom table".
    private static int? PlaceOrdinal(string place)
    {
        var m = PlaceOrdinalPattern().Match(place);
        if (!m.Success)
        {
            return null;
        }

        return m.Groups["n"].Value.ToLowerInvariant() switch
        {
            "top" or "upper" => 1,
            "last" or "bottom" or "lower" => -1,
            var n => Ordinals.Of(n),
        };
    }

    [GeneratedRegex(@"^\s*(?:in\s+|on\s+|under\s+)?(?:the\s+)?(?<n>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|last|top|bottom|upper|lower)\s+(?:[\w-]+\s+){0,2}?(?:tree|table|list|form|letter|section|grid|panel|card|group|menu|carousel|example|editor|box|widget|demo)s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceOrdinalPattern();

    // The words of a place's name ("the "Vertical Tabs" box on the left": vertical, tabs) when a heading on the page holds
    // them all; else null (a description such as "four boxes labelled "This is a test"" names no heading).
    private List<string>? HeadingWords(Phrase place)
    {
        var words = place.Tokens.Where(t => !TextMatch.IsStopWord(t) && !SectionWords.Contains(t) && !PositionWords.Contains(t)).ToList();
        var headings = Page.Items.Where(i => i.Role == "heading" && !i.IsHidden).ToList();
        if (words.Count > 0 && headings.Any(i => i.Labels.Any(l => words.All(l.Phrase.Tokens.Contains))))
        {
            return words;
        }

        // "the first tab of the Validation wizard": a heading holding the words but the last, which says what it is.
        var kind = KindOf(place, []);
        var rest = words.Where(w => w != kind).ToList();
        return kind is not null && rest.Count > 0 && headings.Any(i => i.Labels.Any(l => rest.All(l.Phrase.Tokens.Contains))) ? rest : null;
    }

    private static readonly HashSet<string> PositionWords = new(StringComparer.Ordinal)
    {
        "on", "in", "at", "left", "right", "top", "bottom", "upper", "lower", "side", "hand", "first", "second", "third", "last",
    };

    // The place named ("the "Click" example", "the Billing section") is a heading's words exactly, but for the word that
    // says what kind of place it is.
    /// <summary>Whether one of the sections the item is under (its headings, a group title) is the place named.</summary>
    // The candidates under a section of that name. When some sit right under it and the others under deeper sections
    // that each hold two or more of them (a "Radio buttons group" title below the "Checkbox group" one), only the first
    // count; a heading inside each row (a to-do's own title) is no deeper section.
    private static List<Candidate> InnermostUnder(List<Candidate> near, Phrase section)
    {
        var all = near.Where(c => c.Item.Headings.Any(h => IsSectionNamed(section, h))).ToList();
        var inner = all.Where(c => c.Item.Headings.Count > 0 && IsSectionNamed(section, c.Item.Headings[0])).ToList();
        var deeper = all.Except(inner).GroupBy(c => c.Item.Headings[0], StringComparer.Ordinal).ToList();
        return inner.Count > 0 && deeper.Count > 0 && deeper.All(d => d.Count() >= 2) ? inner : all;
    }

    public static bool UnderSection(PageItem item, string place) =>
        Phrase.Of(place) is var named && item.Headings.Any(h => IsSectionNamed(named, h.TrimEnd(':', ' ')));

    private static bool IsSectionNamed(Phrase place, string? heading)
    {
        if (heading is null)
        {
            return false;
        }

        var named = place.Tokens.Where(t => !TextMatch.IsStopWord(t) && !SectionWords.Contains(t)).ToHashSet(StringComparer.Ordinal);
        var title = Phrase.Of(heading).Tokens.Where(t => !TextMatch.IsStopWord(t)).ToHashSet(StringComparer.Ordinal);
        if (named.Count > 0 && (named.SetEquals(title) || named.SetEquals(title.Where(t => !SectionWords.Contains(t)))))
        {
            // "the checkbox group" is the section titled "Checkbox group" (its kind word on both sides).
            return true;
        }

        // "the Validation wizard" under the heading "Validation": the place's last word says what the section is.
        return KindOf(place, title) is { } kind && named.Count > 1 && named.Where(t => t != kind).ToHashSet(StringComparer.Ordinal).SetEquals(title);
    }

    // The last word of a place when it says what kind of thing the section is ("wizard", "form", "table") and a heading's
    // words do not hold it (a heading "Orders table" keeps its word). Null otherwise.
    private static string? KindOf(Phrase place, IReadOnlyCollection<string> title) =>
        place.Tokens.LastOrDefault(t => !TextMatch.IsStopWord(t)) is { } last && KindWords.Contains(last) && !title.Contains(last) ? last : null;

    private static readonly HashSet<string> KindWords = new(StringComparer.Ordinal)
    {
        "wizard", "form", "table", "list", "dialog", "modal", "menu", "calendar", "picker", "editor", "tree", "grid", "chart",
        "slider", "carousel", "accordion", "toolbar", "stepper", "sidebar", "window", "pane", "gallery", "player", "tabs",
    };

    private static readonly HashSet<string> SectionWords = new(StringComparer.Ordinal)
    {
        "example", "examples", "demo", "section", "part", "area", "panel", "box", "widget", "group", "block", "card", "heading",
    };

    /// <summary>The words around an element and its own label words: what context phrases are matched against.</summary>
    public static List<string> Surroundings(PageItem item) =>
        item.Context.Concat(item.Labels.SelectMany(l => l.Phrase.Tokens)).ToList();

    /// <summary>The option of a select that best matches the words, with the field's own name as context.</summary>
    public static (string? Option, double Score) BestOption(string? value, PageItem select)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (null, 0);
        }

        var query = Phrase.Of(value);
        var context = select.Labels.SelectMany(l => l.Phrase.Tokens).Where(t => !TextMatch.IsStopWord(t)).Distinct().ToList();
        string? best = null;
        double bestScore = 0;
        foreach (var option in select.Element.Options)
        {
            var s = option.Equals(value.Trim(), StringComparison.Ordinal) ? 1.0 : TextMatch.Similarity(query, Phrase.Of(option), context);
            if (s > bestScore)
            {
                best = option;
                bestScore = s;
            }
        }

        return (best, bestScore);
    }
}
