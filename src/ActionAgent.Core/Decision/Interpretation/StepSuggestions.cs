namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// A rewrite to offer when a step matches nothing: the closest elements on the page by name (or, when nothing is
/// close, the first of the kind the verb needs), written as steps the interpreter understands, and the --model option.
/// </summary>
internal static class StepSuggestions
{
    private const int Count = 3;

    public static string For(InterpretedStep step, PageIndex page)
    {
        var wantsField = step.Kind is StepKind.Type or StepKind.Fill or StepKind.Clear or StepKind.Set or StepKind.Search or StepKind.Select;
        var usable = page.Items.Where(i => i.IsInteractive && !i.IsHidden && !i.Element.Disabled && i.Display.Length > 0).ToList();
        var grounder = new Grounder(page, new HashSet<int>());
        var words = step.Target ?? step.Text;
        var ranked = grounder.Find(new Search(words, i => usable.Contains(i))).Ranked
            .Where(c => c.Score > 0.2)
            .Select(c => c.Item);
        var picks = ranked
            .Concat(usable.Where(i => Suits(i, wantsField)).OrderBy(i => i.Element.IsOffscreen).ThenBy(i => i.Order))
            .Distinct()
            .Take(Count)
            .Select(i => Step(i, step))
            .ToList();
        var tries = picks.Count == 0 ? "" : $"The page has, for example: {string.Join("; ", picks)}. Rewrite the step with one of these names, or ";
        return $"{tries}{(tries.Length == 0 ? "R" : "r")}un with --model <provider:model> to let a model read the page.";
    }

    private static bool Suits(PageItem item, bool wantsField) => wantsField ? item.IsEditable || item.IsSelectable : !item.IsEditable && !item.IsSelectable;

    private static string Step(PageItem item, InterpretedStep step)
    {
        var name = item.Display.Length > 40 ? item.Display[..37] + "…" : item.Display;
        var value = step.Value ?? "…";
        if (item.IsSelectable)
        {
            return $"Select \"{value}\" from \"{name}\" ({item.RoleWord})";
        }

        if (item.IsEditable)
        {
            return $"Type \"{value}\" into \"{name}\" ({item.RoleWord})";
        }

        return item.IsCheckable && !item.IsRadio ? $"Check \"{name}\" ({item.RoleWord})" : $"Click \"{name}\" ({item.RoleWord})";
    }
}
