using System.Text.RegularExpressions;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// Places that are sections of the page: "Under "Square skin", …", "… in the Flat skin" (a heading of those words) and
/// "the first checkbox of the third skin" (the third of the headings that share the word "skin"). A step so placed acts
/// only between that heading and the next heading of its level or above; what is not there is not found, so a look-alike
/// in another section is never taken for it (batch 19 ticked the first section's box for both and said Completed).
/// </summary>
internal sealed partial class Grounder
{
    private readonly Dictionary<string, IReadOnlyList<Section>?> _sections = new(StringComparer.Ordinal);

    // A section: its heading's words, and the span of page order from the heading to the next of its level or above.
    private sealed record Section(string Title, int From, int To)
    {
        // In page order after the heading, or under it on the screen (the headings above an element, which also holds on a
        // page whose elements are not listed in reading order).
        public bool Holds(PageItem item) => (item.Order > From && item.Order < To) || item.Headings.Contains(Title, StringComparer.Ordinal);
    }

    /// <summary>
    /// The spans of page order the place names as sections: one per heading named (several headings of the same words are
    /// all kept), none when it counts past the sections there are. Null when the place names no heading: then it is only
    /// words that describe surroundings.
    /// </summary>
    private IReadOnlyList<Section>? SectionSpans(Phrase place)
    {
        if (_sections.TryGetValue(place.Raw, out var known))
        {
            return known;
        }

        var headings = Page.Items.Where(i => i.Role == "heading" && !i.IsHidden && i.Display.Trim().Length > 0).OrderBy(i => i.Order).ToList();
        List<PageItem>? named = null;
        if (CountedSection().Match(place.Raw) is { Success: true } counted && Ordinal(counted.Groups["n"].Value) is { } k)
        {
            // "the third skin": the headings holding that word, at the one level most of them share.
            var noun = Phrase.Of(counted.Groups["noun"].Value).Tokens.FirstOrDefault() ?? "";
            var sharing = headings.Where(h => Phrase.Of(h.Display).Tokens.Contains(noun)).ToList();
            var level = sharing.GroupBy(LevelOf).OrderByDescending(g => g.Count()).FirstOrDefault();
            if (!SectionWords.Contains(noun) && level is { } same && same.Count() >= 2)
            {
                var list = same.ToList();
                var index = k < 0 ? list.Count + k : k - 1;
                named = index >= 0 && index < list.Count ? [list[index]] : [];
            }
        }

        if (named is null && headings.Where(h => IsSectionNamed(place, h.Display.TrimEnd(':', ' '))).ToList() is { Count: > 0 } exact)
        {
            named = exact;
        }

        IReadOnlyList<Section>? spans = named?.Select(h => new Section(h.Element.Label, h.Order, SectionEnd(h, headings))).ToList();
        _sections[place.Raw] = spans;
        return spans;
    }

    // The section a heading opens ends at the next heading of its level or above (any heading when levels are unknown).
    private static int SectionEnd(PageItem heading, List<PageItem> headings)
    {
        var level = LevelOf(heading);
        var next = headings.FirstOrDefault(h => h.Order > heading.Order && (level == 0 || LevelOf(h) is var l && (l == 0 || l <= level)));
        return next?.Order ?? int.MaxValue;
    }

    private static int LevelOf(PageItem heading) => heading.Element.Level
        ?? (heading.Element.Tag is { Length: 2 } tag && tag[0] is 'h' or 'H' && char.IsDigit(tag[1]) ? tag[1] - '0' : 0);

    /// <summary>
    /// Keeps the candidates inside the sections the step's places name. What the last step brought up stays (a menu drawn
    /// at the end of the page belongs to the control that opened it). Null when no place names a section.
    /// </summary>
    private List<Candidate>? InSections(List<Candidate> scored, Search search, TargetReading reading)
    {
        List<Candidate>? kept = null;
        foreach (var place in new[] { search.SoftContext, reading.Context, search.RequiredContext })
        {
            if (place is not { IsEmpty: false } || SectionSpans(place) is not { } spans)
            {
                continue;
            }

            kept = (kept ?? scored).Where(c => Fresh.Contains(c.Item.Element.Id) || spans.Any(s => s.Holds(c.Item)))
                .Select(c => c with { Section = spans.FirstOrDefault(s => s.Holds(c.Item))?.Title ?? c.Section }).ToList();
        }

        return kept;
    }

    private static int? Ordinal(string word) => word.Equals("last", StringComparison.OrdinalIgnoreCase) ? -1 : Ordinals.Of(word);

    [GeneratedRegex(@"^\s*(?:(?:in|on|under|of|for|within|inside)\s+)?(?:the\s+)?(?<n>first|second|third|fourth|fifth|sixth|seventh|eighth|1st|2nd|3rd|4th|5th|6th|7th|8th|last)\s+(?<noun>[a-z][\w-]*)(?:\s+on\s+the\s+page)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex CountedSection();
}
