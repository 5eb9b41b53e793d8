using System.Text.RegularExpressions;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>Pointer steps (click, double-click, hover): the control the step names, beside the owner it names.</summary>
internal sealed partial class StepResolver
{
    private StepGrounding Pointer(InterpretedStep step, Grounder g, Func<ActionTarget, Candidate, BrowserAction> make)
    {
        if (AfterRemovalMove(step, g) is { } removal)
        {
            return removal;
        }

        if (step.Target is { } owned && OwnersOwn().Match(owned.Trim()) is { Success: true } own && !OwnerShown(g.Page, own.Groups["owner"].Value))
        {
            // "with the group's own close button" where nothing is a group: any close button found would be some other
            // thing's (batch 19 closed another panel's tab with its × and said done).
            return new StepGrounding(GroundingStatus.NotFound, null, 0,
                $"the step asks for the {own.Groups["owner"].Value}'s own control, but nothing on the page is a {own.Groups["owner"].Value} or called one, so whose it is cannot be told");
        }

        if (ClosesOpenBranch(step, g) is { } fold)
        {
            return fold;
        }

        if (CountedHolderPart(step, g) is { } holderPart)
        {
            return holderPart;
        }

        // "Delete customer Grace Hopper": the control must sit by the name (or number, or quoted words) the owner spells.
        var owner = step.ContextIsOwner && step.Context is { } o ? Specific(o) : [];
        var owners = owner.Count == 0 ? [] : g.Page.Items.Where(i => owner.All(t => i.Labels.Any(l => l.Phrase.Tokens.Contains(t)))).ToList();

        // "leaf node 3-1" shares every word with "leaf node 1-3": where the owner's words show whole, in order, only there.
        // A lower-case owner ("the "null" entry") has no such words at all: its words shown whole still single it out.
        var pinned = step.ContextIsOwner && step.Context is { } named ? PinnedOwner(g.Page, named) : null;
        var whole = pinned is null ? [] : g.Page.Items.Where(i => !i.IsHidden && HoldsWhole(i, pinned)).ToList();

        // A text read across a strip of tabs ("Acme, inc. × LexCorp plc. ×", one line of OCR) holds the owner whole too,
        // and every tab's × is beside it: where an element shows the owner alone, that element is the owner.
        if (pinned is not null && whole.Count > 1 && whole.Where(i => ShowsAlone(i, pinned)).ToList() is { Count: > 0 } alone)
        {
            whole = alone;
        }

        owners = whole.Count > 0 ? whole : owners;

        // Worked out once: the filter runs for every reading of every search below.
        var besideOwner = owners.Count == 0 ? [] : g.Page.Items.Where(i => owners.Any(w => Beside(w, i, g.Page.Items))).Select(i => i.Element.Id).ToHashSet();

        // In the owner's own table row or list item: the control at the far end of the row is the owner's, however wide
        // the cells between (another row's, or another tab's in a strip of tabs, never is).
        var ownerRows = owners.Count > 0 ? owners.Select(w => w.Element.Row).OfType<int>().ToHashSet()
            : owner.Count > 1 ? RowsShowing(g.Page, owner) : [];
        besideOwner.UnionWith(ownerRows.Count == 0 ? [] : g.Page.Items.Where(i => i.Element.Row is { } r && ownerRows.Contains(r)).Select(i => i.Element.Id));
        if (step is { Removes: true, Context: { } gone } && owner.Count >= 2 && owners.Count == 0 && ownerRows.Count == 0)
        {
            // "Delete "New Event 2" from the second calendar": a removal names what goes. With nothing on the page showing
            // all of its words (alone, whole, or across a row), nothing here is it, and a control found by one of its words
            // ("Destroy (2)") would remove something else.
            return new StepGrounding(GroundingStatus.NotFound, null, 0, $"nothing on the page shows '{gone}', so nothing of that name can be removed");
        }

        if (step.OnOwnerRow && ownerRows.Count == 0)
        {
            // "in the row for Order 1043" on a page that marks no rows: the owner's line stands for its row.
            besideOwner.UnionWith(g.Page.Items.Where(i => owners.Any(w => w.Element.Id != i.Element.Id && Gap(w, i) is not null)).Select(i => i.Element.Id));
        }

        // "Delete the third todo with its ×": an owner named only by its place is the row counted by its box; the control
        // must sit on that row's line, never on another row's.
        PageItem? countedRow = null;
        if (step.ContextIsOwner && owner.Count == 0 && step.Context is { } place
            && g.Find(new Search(place, i => i.IsCheckable && !i.IsHidden) { KindCounts = true }) is { } counted && counted.IsAtLeast(Min) && counted.Best!.How == "role")
        {
            countedRow = counted.Best.Item;
        }

        // "Remove the third person in the table": with no boxes to count, the table's third body row.
        var countedTableRow = step.ContextIsOwner && owner.Count == 0 && countedRow is null && step.Context is { } nth ? NthTableRow(g.Page, nth) : null;

        bool OnRow(PageItem i) => countedTableRow is { } tr ? i.Element.Row == tr
            : countedRow is null || (i.Element.Bounds.Y < countedRow.Element.Bounds.Bottom && countedRow.Element.Bounds.Y < i.Element.Bounds.Bottom);
        // With the owner pinned: beside it, or naming it itself. Not "anywhere on its line": a row of tabs is one line,
        // and every tab's × would count.
        bool ByOwner(PageItem i) => whole.Count > 0
            ? besideOwner.Contains(i.Element.Id) || NamesWhole(i, pinned!)
            : owner.Count == 0 || besideOwner.Contains(i.Element.Id) || owner.Any(t => Surrounds(i, t));
        Search Where(Func<PageItem, bool> also) => new(step.Target, i => ByOwner(i) && OnRow(i) && also(i))
        {
            Alternatives = step.Alternatives,
            VerbHint = step.Role,
            SoftContext = Soft(step),
            ForClick = true,
        };
        var found = g.Find(Where(_ => true));

        // "Double-click the todo "Walk dog" to edit it": a double-click on a box would only tick and untick it; the text
        // beside the box (named by it) is what opens for editing.
        if (step.Kind == StepKind.DoubleClick && found.Best is { Item.IsCheckable: true } box
            && g.Find(Where(i => !i.IsCheckable)) is { } text && text.IsAtLeast(Min) && text.Best!.Score >= box.Score * 0.8)
        {
            found = text;
        }

        // "Open node-1-2", "Collapse node-0": a tree drawn without ARIA shows a node as its line, its switch and its box, all
        // of one name; opening and closing is the switch's work (a click on the line or the box would tick it).
        if ((step.Expands || step.Collapses || step.Opens) && found.IsAtLeast(Min) && found.Best!.Item.Element.Expanded is null
            && g.Find(Where(i => i.Element.Expanded is not null && !i.IsEditable && !i.IsSelectable)) is { } toggle && toggle.IsAtLeast(Min)
            && toggle.Best!.Score >= found.Best.Score * 0.95 && string.Equals(toggle.Best.Item.Display, found.Best.Item.Display, StringComparison.OrdinalIgnoreCase))
        {
            found = toggle;
        }

        if (found.IsAtLeast(Min) && step.Expands && (found.Best!.Item.Element.Expanded == true || found.Best.Item.Element.Submenu == true))
        {
            // "Expand the Billing section" when it is open: clicking would close it.
            return new StepGrounding(GroundingStatus.AlreadyDone, null, found.Best.Confidence, $"{found.Best.Item.RoleWord} '{found.Best.Item.Display}' is already expanded") { Element = found.Best.Item.Element };
        }

        if (step.OpensPlace && !(found.IsAtLeast(Min) && found.Best!.Item.Role == "tab"))
        {
            return new StepGrounding(GroundingStatus.AlreadyDone, null, 1, $"no tab is named '{step.Target}', so the steps placed there act where the page shows them");
        }

        if (found.IsAtLeast(Min) && step is { Kind: StepKind.Click, Role: RoleHint.Tab } && found.Best!.Item is { Role: "tab", Element.Selected: true } open)
        {
            // "On the Movies tab choose …" when the Movies tab is the one shown: opening it is nothing to do.
            return new StepGrounding(GroundingStatus.AlreadyDone, null, found.Best.Confidence, $"tab '{open.Display}' is already open") { Element = open.Element };
        }

        if (found.IsAtLeast(Min) && step.Collapses && found.Best!.Item.Element.Expanded == false)
        {
            // "Collapse node-0" when it is closed: clicking would open it.
            return new StepGrounding(GroundingStatus.AlreadyDone, null, found.Best.Confidence, $"{found.Best.Item.RoleWord} '{found.Best.Item.Display}' is already collapsed") { Element = found.Best.Item.Element };
        }

        if (found.IsAtLeast(Min) && step is { Opens: true, Kind: StepKind.Click } && found.Best!.Item.Element is { Submenu: false } entry && g.Memory?.Pointed.Contains(entry.Id) != true)
        {
            // "Open menu item 1" on a hover menu: pointing at the entry opens its menu; a click would follow its own link.
            return Grounded(new HoverAction(TargetOf(found.Best)), found.Best, "; it holds a hidden menu, so it is pointed at first") with { Points = true };
        }

        if (found.IsAtLeast(Min))
        {
            // "Remove the third person": the row removed is known by its words, which the next rows do not share.
            var rowWords = countedTableRow is { } removed && step is { Removes: true, Reply: null } ? RowWords(g.Page, removed) : null;
            // The owner it was found by is named: the step's place was used ("show code" on the line of "Remove checked …").
            var by = owners.FirstOrDefault(w => w.Element.Id != found.Best!.Item.Element.Id && besideOwner.Contains(found.Best.Item.Element.Id)) is { } shown
                ? $"; on the line of '{shown.Display}'" : null;
            return Grounded(make(TargetOf(found.Best!), found.Best!), found.Best!, by) with
            {
                Repeats = TracksRemoval(step, g) || rowWords is not null,
                RemovedRow = rowWords,
            };
        }

        // "Double-click the second todo": a row counted by its box; the text on the box's line is the row's own (what a
        // double-click opens for editing); a hover may take the box itself.
        if (step.Target is { } rowTarget && g.Find(new Search(rowTarget, i => i.IsCheckable && !i.IsHidden) { KindCounts = true, SoftContext = Soft(step) }) is { } rowBox
            && rowBox.IsAtLeast(Min) && rowBox.Best!.How == "role")
        {
            var rowOf = rowBox.Best.Item;
            var rowText = g.Page.Items.Where(i => !i.IsCheckable && !i.IsHidden && i.Display.Length > 0 && Gap(rowOf, i) is { } gap && gap <= 60
                    && i.Element.Bounds.X >= rowOf.Element.Bounds.X)
                .OrderBy(i => Gap(rowOf, i)).FirstOrDefault();
            var row = step.Kind == StepKind.Hover || rowText is null ? rowBox.Best : new Candidate(rowText, rowBox.Best.Score, "the text of the row counted by its box");
            return Grounded(make(TargetOf(row), row), row);
        }

        // "Click the button to wipe the form" on a page whose button says "Reset": the words failed, the meaning may not.
        return ByMeaning(g, step.Text, i => i.IsInteractive && !i.IsEditable && !i.IsSelectable) is { } m
            ? Grounded(make(TargetOf(m), m), m)
            : NotFound("element", found);
    }

    // Holding the owner in a name of its own. A text beside an unnamed icon (a line read across a strip of tabs, "Acme, inc.
    // × LexCorp plc. ×") names the icon only for finding it, and says nothing of whose it is: every tab's × had it.
    private static bool NamesWhole(PageItem item, string owner) =>
        HoldsWhole(item, owner) && (item.IsEditable || item.Labels.Any(l => l.How is not ("text label" or "nearby text") && !l.IsSynthetic
            && (" " + l.Phrase.Norm + " ").Contains(" " + Phrase.Of(owner).Norm + " ", StringComparison.Ordinal)));

    private static bool ShowsAlone(PageItem item, string owner) =>
        Phrase.Of(owner).Norm is { Length: > 0 } words && item.Labels.Any(l => !l.IsSynthetic && l.Phrase.Norm == words);

    // The words of an owner phrase that single someone or something out: capitalised names, numbers, quoted words.
    private static List<string> Specific(string owner)
    {
        var specific = new List<string>();
        foreach (var raw in owner.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var w = raw.Trim('.', ',', ';', ':', '!', '?', '(', ')');
            if (w.Length > 0 && (w.Any(char.IsDigit) || char.IsUpper(w[0]) || raw.Contains('"', StringComparison.Ordinal)))
            {
                specific.AddRange(Phrase.Of(w).Tokens);
            }
        }

        return specific.Where(t => !TextMatch.IsStopWord(t)).ToList();
    }

    // On the same line, just after or before the owner ("Proin dolor ×" in a tab strip), and nearer to it than to any
    // other named element there (the × after "Nunc tincidunt" is that tab's, though "Proin dolor" follows it closely).
    private static bool Beside(PageItem owner, PageItem item, IReadOnlyList<PageItem> all)
    {
        if (owner.Element.Id == item.Element.Id || Gap(owner, item) is not { } gap || gap > 40)
        {
            return false;
        }

        return !all.Any(other => other.Element.Id != owner.Element.Id && other.Element.Id != item.Element.Id && !other.IsHidden
            && other.Element.Label.Length > 0 && other.Element.Label != item.Element.Label && Gap(other, item) is { } g && g < gap);
    }

    // Horizontal gap between two elements on the same line; null when they are not on one line.
    private static double? Gap(PageItem x, PageItem y)
    {
        var a = x.Element.Bounds;
        var b = y.Element.Bounds;
        if (!(a.Y < b.Bottom && b.Y < a.Bottom))
        {
            return null;
        }

        return b.X >= a.X + a.Width ? b.X - (a.X + a.Width) : a.X >= b.X + b.Width ? a.X - (b.X + b.Width) : 0;
    }

    private static bool Surrounds(PageItem item, string token) =>
        item.Context.Contains(token) || item.Labels.Any(l => l.Phrase.Tokens.Contains(token));

    // Something on the page is the owner a common noun names: an element of that role, or with the word in its name.
    private static bool OwnerShown(PageIndex page, string owner)
    {
        var word = TextMatch.Normalize(owner);
        return page.Items.Any(i => !i.IsHidden && (i.Role == word || i.Element.Tag == word || i.Labels.Any(l => l.Phrase.Tokens.Contains(word))));
    }

    [GeneratedRegex(@"^(?:the\s+)?(?<owner>[a-z][a-z-]+)'s\s+own\s+\S", RegexOptions.IgnoreCase)]
    private static partial Regex OwnersOwn();
}
