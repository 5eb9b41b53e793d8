namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// Table rows and list items (<see cref="Perception.UiElement.Row"/>): the row that shows an owner's words, the table's
/// Nth body row, the words a row shows (to tell when it is gone), and the one box on a named row.
/// </summary>
internal sealed partial class StepResolver
{
    // Rows whose cells together show every word ("Easer" and "Dragoo" in two cells of one row).
    private static HashSet<int> RowsShowing(PageIndex page, IReadOnlyCollection<string> words) =>
        page.Items.Where(i => i.Element.Row is not null && !i.IsHidden).GroupBy(i => i.Element.Row!.Value)
            .Where(row => words.All(t => row.Any(i => i.Labels.Any(l => l.Phrase.Tokens.Contains(t)))))
            .Select(row => row.Key).ToHashSet();

    // The words a table row shows (its cells' texts): the row is gone when no row shows them all.
    private static IReadOnlyList<string> RowWords(PageIndex page, int row) =>
        page.Items.Where(i => i.Element.Row == row && !i.IsHidden).SelectMany(i => i.Labels.Where(l => !l.IsSynthetic).SelectMany(l => l.Phrase.Tokens))
            .Distinct(StringComparer.Ordinal).ToList();

    // "the third person", "the last row": a table body row counted in page order (an ordinal and nothing else named).
    private static int? NthTableRow(PageIndex page, string place)
    {
        // Only a place that is an ordinal and at most one noun ("the third person", "the last row"): a name says more.
        if (TargetQuery.Read(place).FirstOrDefault(r => r.Ordinal is not null) is not { Ordinal: { } n } reading || reading.Main.Content.Length > 1)
        {
            return null;
        }

        var rows = page.Items.Where(i => i.Element is { InTableRow: true, Row: not null } && !i.IsHidden).OrderBy(i => i.Order)
            .Select(i => i.Element.Row!.Value).Distinct().ToList();
        var index = n < 0 ? rows.Count + n : n - 1;
        return index >= 0 && index < rows.Count ? rows[index] : null;
    }

    // The one box on the row (table row or list item) whose own text shows the name whole; null unless exactly one.
    private static Candidate? RowBox(Grounder g, string name)
    {
        var rows = g.Page.Items.Where(i => !i.IsHidden && !i.IsCheckable && i.Element.Row is not null && HoldsWhole(i, name)).Select(i => i.Element.Row!.Value).ToHashSet();
        var boxes = rows.Count == 0 ? [] : g.Page.Items.Where(i => i.IsCheckable && i.Element.Row is { } r && rows.Contains(r)).ToList();
        return boxes.Count == 1 ? new Candidate(boxes[0], 0.8, $"the box on the row that shows '{name}'") : null;
    }
}
