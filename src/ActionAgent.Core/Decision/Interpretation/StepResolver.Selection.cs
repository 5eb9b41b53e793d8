using System.Text.RegularExpressions;
using ActionAgent.Core.Text;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>Grounding of <see cref="StepKind.SelectText"/>: which field or editor holds the words.</summary>
internal sealed partial class StepResolver
{
    // The words must be in the element's text as the page has it now. Fields and editors come before loose text; a place
    // named ("in the box headed "Second Editor"", "in the Notes field") must be the holder or name it; with several
    // holders and no place, the focused one is meant, else the step says where the words are instead of guessing.
    private StepGrounding SelectText(InterpretedStep step, Grounder g)
    {
        if (step.Value is not { Length: > 0 } words)
        {
            return new StepGrounding(GroundingStatus.NotUnderstood, null, 0,
                "the step does not say which words to select: quote them (make the word \"Total\" bold)");
        }

        var wanted = WhiteSpace.Collapse(words);
        var visible = g.Page.Items.Where(i => !i.IsHidden && !i.Element.IsSecret).ToList();
        var holders = visible.Where(i => IsTextHolder(i) && WhiteSpace.Collapse(i.Element.Value).Contains(wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        if (holders.Count == 0)
        {
            // Loose text (a paragraph, a heading): the smallest element that holds the words.
            holders = visible.Where(i => !IsTextHolder(i) && WhiteSpace.Collapse(i.Element.Name).Contains(wanted, StringComparison.OrdinalIgnoreCase))
                .OrderBy(i => i.Element.Bounds.Area).Take(1).ToList();
        }

        if (holders.Count == 0)
        {
            return new StepGrounding(GroundingStatus.NotFound, null, 0, $"no field, editor or text on the page holds the words \"{words}\"");
        }

        var how = "it holds the words";
        if (step.Context is { Length: > 0 } place)
        {
            var narrowed = InPlace(holders, place, g);
            if (narrowed.Count == 0)
            {
                return new StepGrounding(GroundingStatus.NotFound, null, 0,
                    $"\"{words}\" is on the page ({string.Join(", ", holders.Take(3).Select(Where))}) but not in {place}");
            }

            holders = narrowed;
            how = $"it holds the words and is {place}";
        }

        if (holders.Count > 1 && holders.Where(i => i.Element.IsFocused).ToList() is [var focused])
        {
            holders = [focused];
            how = "it holds the words and has the focus";
        }

        if (holders.Count > 1)
        {
            return new StepGrounding(GroundingStatus.NotFound, null, 0,
                $"the words \"{words}\" are in {holders.Count} places ({string.Join(", ", holders.Take(4).Select(Where))}); say which one (\"… in the {holders[0].RoleWord} …\")");
        }

        // Other forms of the words (a deleted word with the space beside it) when the holder has them.
        var form = step.Alternatives.FirstOrDefault(a => (holders[0].Element.Value ?? holders[0].Element.Name ?? "").Contains(a, StringComparison.OrdinalIgnoreCase)) ?? words;
        var c = new Candidate(holders[0], 0.95, how);
        return Grounded(new SelectTextAction(TargetOf(c), form), c);
    }

    private static bool IsTextHolder(PageItem i) => i.IsEditable || i.Element.Role is "textbox" or "document" || i.Element.Tag is "input" or "textarea";

    private static string Where(PageItem i) =>
        i.Display.Length > 0 ? $"{i.RoleWord} '{i.Display}'" : $"{i.RoleWord} reading '{Cut(WhiteSpace.Collapse(i.Element.Value ?? i.Element.Name))}'";

    private static string Cut(string s) => s.Length > 40 ? s[..39] + "…" : s;

    // The place by a quoted name it carries (an editor whose text or label holds "Second Editor"), else by its words
    // ("the Notes field", "the second editor") among the holders.
    private List<PageItem> InPlace(List<PageItem> holders, string place, Grounder g)
    {
        var quoted = PlaceQuote().Match(place);
        if (quoted.Success)
        {
            var name = WhiteSpace.Collapse(quoted.Groups["q"].Value);
            return holders.Where(i => WhiteSpace.Collapse(i.Element.Value).Contains(name, StringComparison.OrdinalIgnoreCase)
                || WhiteSpace.Collapse(i.Display).Contains(name, StringComparison.OrdinalIgnoreCase)
                || WhiteSpace.Collapse(i.Element.NearbyText).Contains(name, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        var (main, _) = TargetQuery.StripRoleWords(place);
        if (main.Length == 0 || main is "the" or "this" or "that")
        {
            // "in the editor": every holder is an editor; the place narrows nothing.
            return holders;
        }

        if (PlaceName().Match(main) is { Success: true } headed)
        {
            // "the box headed Second Editor" (its quotes gone with a leading place): the holder that shows that name.
            var name = WhiteSpace.Collapse(headed.Groups["name"].Value);
            var showing = holders.Where(i => WhiteSpace.Collapse(i.Element.Value).StartsWith(name, StringComparison.OrdinalIgnoreCase)
                || WhiteSpace.Collapse(i.Display).Contains(name, StringComparison.OrdinalIgnoreCase)
                || WhiteSpace.Collapse(i.Element.NearbyText).Contains(name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (showing.Count > 0)
            {
                return showing;
            }
        }

        var found = g.Find(new Search(place, holders.Contains) { KindCounts = true });
        return found.IsAtLeast(Min) ? [found.Best!.Item] : [];
    }

    [GeneratedRegex(@"^(?:.*\s)?(?:headed|titled|entitled|labell?ed|called|named|marked|starting(?:\s+with)?|beginning(?:\s+with)?)\s+(?<name>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceName();

    [GeneratedRegex("\"(?<q>[^\"]+)\"")]
    private static partial Regex PlaceQuote();
}
