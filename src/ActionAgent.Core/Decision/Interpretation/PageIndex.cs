using System.Text.RegularExpressions;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>One name an element goes by, with how much it counts and how it was found (label, placeholder…).</summary>
internal readonly record struct LabelText(Phrase Phrase, double Weight, string How)
{
    /// <summary>True for names derived from attributes rather than shown text (input type, submit).</summary>
    public bool IsSynthetic => How is "input type" or "submit button";
}

/// <summary>An element prepared for grounding: its names, the words around it and what can be done with it.</summary>
internal sealed partial class PageItem
{
    public required UiElement Element { get; init; }

    public required int Order { get; init; }

    public required IReadOnlyList<LabelText> Labels { get; init; }

    /// <summary>Words near the element (group heading, nearby text, the row it sits in), for "the Refund button for order 1042".</summary>
    public required IReadOnlyCollection<string> Context { get; init; }

    /// <summary>The nearest heading above the element, when there is one: the section it sits in.</summary>
    public string? Heading { get; init; }

    /// <summary>
    /// The headings of the sections the element sits in, nearest first: <see cref="Heading"/>, then the nearest heading of
    /// a higher level above that one, and so on ("Info" under "Fruits" under "Accordion Example").
    /// </summary>
    public IReadOnlyList<string> Headings { get; init; } = [];

    public string Display => Element.Label.Length > 0 ? Element.Label : Labels.Count > 0 ? Labels[0].Phrase.Raw : "";

    public string Role => Element.Role.ToLowerInvariant();

    public bool IsHidden => Element.Bounds.Width <= 0 || Element.Bounds.Height <= 0;

    public bool IsEditable =>
        Role is "textbox" or "searchbox" or "spinbutton" or "textarea"
        || (Role == "combobox" && Element.Tag != "select" && Element.Options.Count == 0 && !IsCustomDropdown)
        || (Element.Tag is "textarea");

    public bool IsSelectable => ((Role is "combobox" or "listbox" || Element.Tag == "select") && Element.Options.Count > 0) || IsCustomDropdown;

    /// <summary>A drop-down drawn by a script (a span or div with role combobox/listbox): opened by a click, never typed into.</summary>
    public bool IsCustomDropdown =>
        Role is "combobox" or "listbox" && Element.Options.Count == 0 && Element.Tag is not (null or "" or "input" or "textarea" or "select")
        && Element.Source.HasFlag(ElementSource.Dom);

    public bool IsCheckable => Role is "checkbox" or "switch" or "radio" or "menuitemcheckbox" or "menuitemradio" || Element.Checked is not null;

    public bool IsRadio => Role is "radio" or "menuitemradio";

    /// <summary>A label shown for a box the page hides (styled checkboxes and radios): clicking it sets the box.</summary>
    public bool IsBoxLabel => Element.Tag == "label" && Role is "text" or "label" && Element.Checked is null;

    public bool IsInteractive => Role is not ("text" or "statictext" or "heading" or "paragraph" or "label" or "cell" or "generic"
        or "image" or "img" or "canvas" or "listitem" or "row" or "region" or "group" or "none" or "presentation");

    /// <summary>How people call this kind of element, for reasons and messages.</summary>
    public string RoleWord => Role switch
    {
        "textbox" or "searchbox" when Element.Tag == "textarea" => "text area",
        "textbox" => "text field",
        "searchbox" => "search box",
        "spinbutton" => "number field",
        "combobox" or "listbox" when IsSelectable => "select",
        "switch" => "switch",
        "menuitem" => "menu item",
        _ => Role,
    };

    public bool Fits(RoleHint hint) => hint switch
    {
        RoleHint.None => true,
        RoleHint.Field => IsEditable || IsSelectable,
        RoleHint.Button => Role is "button" || Element.InputType is "submit" or "button" or "reset",
        RoleHint.Link => Role is "link",
        RoleHint.Select => IsSelectable || Role is "combobox" or "listbox",
        RoleHint.Checkbox => IsCheckable && !IsRadio,
        RoleHint.Radio => IsRadio,
        RoleHint.Tab => Role is "tab",
        RoleHint.Image => Role is "image" or "img" || Element.Icon is not null,
        RoleHint.Slider => Role is "slider",
        RoleHint.Section => Element.Expanded is not null && Role is not ("combobox" or "listbox" or "textbox" or "searchbox"),
        RoleHint.Dot => IsInteractive && !IsEditable && !IsSelectable && Role is not ("checkbox" or "switch" or "menuitemcheckbox") && Element.Bounds.Width is > 0 and <= 40
            && Element.Bounds.Height is > 0 and <= 40 && DotName().IsMatch(Element.Name.Trim()),
        _ => false,
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:|[•·●○◦]|\d{1,2}|(?:go\s+to\s+)?(?:page|slide|item|image|picture)\s+\d{1,2}(?:\s+of\s+\d{1,2})?)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex DotName();

    public override string ToString() => $"{RoleWord} '{Display}'";
}

/// <summary>
/// The elements of one observation prepared for grounding. Controls without a name take the loose text label to
/// their left or above (as OCR and pixel perception report forms); every element gets the words around it as context.
/// </summary>
internal sealed partial class PageIndex
{
    private static readonly HashSet<string> TextRoles = ["text", "statictext", "label", "paragraph", "generic", "cell"];
    private static readonly HashSet<string> PseudoInputTypes = ["password", "email", "number", "date", "search", "tel", "url", "time", "month", "week", "datetime-local"];

    public PageIndex(Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        Observation = observation;
        var elements = observation.Elements;
        var looseLabels = LooseLabels(elements);
        var headings = elements.Where(h => h.Role.Equals("heading", StringComparison.OrdinalIgnoreCase)).ToList();
        var texts = elements.Where(t => TextRoles.Contains(t.Role.ToLowerInvariant())).ToList();
        var phrases = new Dictionary<string, Phrase>(StringComparer.Ordinal);
        var groups = GroupTitles(elements, texts).Concat(PanelTitles(elements)).Distinct().ToList();
        Items = elements.Select((e, i) => Build(e, i, headings, groups, texts, looseLabels, phrases)).ToArray();
    }

    public Observation Observation { get; }

    public IReadOnlyList<PageItem> Items { get; }

    /// <summary>
    /// Rows that are a list's or table's heading row: two or more of their texts are the column names other rows' elements
    /// go by ("Name", "Author" above an items list built of list items, whose select-all box is no item's). Counting
    /// "the second item" skips them.
    /// </summary>
    public IReadOnlySet<int> HeaderRows => headerRows ??= FindHeaderRows(Observation.Elements);

    private IReadOnlySet<int>? headerRows;

    private static HashSet<int> FindHeaderRows(IReadOnlyList<UiElement> elements)
    {
        var rows = new HashSet<int>();
        var grouped = elements.Where(e => e.Row is not null).GroupBy(e => e.Row!.Value).ToList();
        string[] Texts(IEnumerable<UiElement> row) => row.Where(e => TextRoles.Contains(e.Role.ToLowerInvariant()) && e.Name.Trim().Length > 0).Select(e => e.Name.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        // A value repeated down a column ("24 Hours", "0") is data, however many boxes stand beside it: a header's words
        // are in one row only.
        var rowsWith = grouped.SelectMany(r => Texts(r)).GroupBy(t => t, StringComparer.OrdinalIgnoreCase).ToDictionary(t => t.Key, t => t.Count(), StringComparer.OrdinalIgnoreCase);
        foreach (var row in grouped)
        {
            var names = Texts(row).Where(t => rowsWith[t] == 1).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var named = elements.Where(e => e.Row is { } r && r != row.Key && e.NearbyText is { } near && names.Contains(near.Trim()))
                .Select(e => e.NearbyText!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count();
            if (named >= 2)
            {
                rows.Add(row.Key);
            }
        }

        return rows;
    }

    // The title bar of a panel, a bar one clicks to fold it ("Buttons" over Button 1 … Button 5, "Sliders" over three
    // sliders, an accordion's header over its fields): a short name on a bar at least as wide as every control under it,
    // with two or more controls straight under it, in its width, before the next such bar. It heads them as a group title
    // does, so "the last button in the Buttons panel" counts there (batch 23 clicked the title bar itself and said done).
    private static List<UiElement> PanelTitles(IReadOnlyList<UiElement> elements)
    {
        static bool Interactive(UiElement e) => e.Role.ToLowerInvariant() is "button" or "link" or "checkbox" or "radio" or "switch" or "slider" or "textbox"
            or "combobox" or "listbox" or "spinbutton" or "searchbox" or "menuitem" or "tab";
        var bars = elements.Where(t => t.Row is null && t.Role.Equals("button", StringComparison.OrdinalIgnoreCase) && t.Bounds.Width >= 120 && t.Bounds.Height is > 0 and <= 48
                && t.Name.Trim() is { Length: > 0 } name && name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5)
            .ToList();
        var titles = new List<UiElement>();
        foreach (var t in bars)
        {
            bool InColumn(UiElement e) => e.Bounds.X >= t.Bounds.X - 4 && e.Bounds.Right <= t.Bounds.Right + 4;
            var next = bars.Where(o => o.Id != t.Id && InColumn(o) && o.Bounds.Y > t.Bounds.Bottom - 2).Select(o => o.Bounds.Y).DefaultIfEmpty(double.MaxValue).Min();
            var under = elements.Where(e => e.Id != t.Id && InColumn(e) && e.Bounds.Y >= t.Bounds.Bottom - 2 && e.Bounds.Y < next && e.Bounds.Y <= t.Bounds.Bottom + 800).ToList();
            if (under.Count(Interactive) >= 2 && under.All(e => e.Bounds.Width <= t.Bounds.Width + 1))
            {
                titles.Add(t);
            }
        }

        return titles;
    }

    // The title of a group of boxes drawn as plain text ("Caret" over the radios Blinking, Block, Thick; "Mouse" over
    // its check boxes): a text outside any table row that two or more boxes below it take as their nearby text. It heads
    // the elements below it, within the section of the heading above it, until the next such title.
    // Case is not compared: a title shown in capitals by its style ("RADIO BUTTONS GROUP") is the same words its boxes'
    // nearby text gives ("Radio buttons group").
    private static List<UiElement> GroupTitles(IReadOnlyList<UiElement> elements, List<UiElement> texts)
    {
        var boxes = elements.Where(e => e.Role.ToLowerInvariant() is "checkbox" or "radio" or "switch" && e.NearbyText is { Length: > 0 }).ToList();
        return texts.Where(t => t.Row is null && t.Label.Trim().Length > 0
                && boxes.Count(b => string.Equals(b.NearbyText!.Trim(), t.Label.Trim(), StringComparison.OrdinalIgnoreCase) && b.Bounds.Y >= t.Bounds.Bottom - 2 && Overlaps(t.Bounds, b.Bounds)) >= 2)
            .ToList();
    }

    private static PageItem Build(
        UiElement e, int order, List<UiElement> headings, List<UiElement> groups, List<UiElement> texts, Dictionary<int, UiElement> looseLabels,
        Dictionary<string, Phrase> phrases)
    {
        // Headings and row texts are context for many elements: normalise each text once per page.
        void AddContext(HashSet<string> context, string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return;
            }

            if (!phrases.TryGetValue(text, out var phrase))
            {
                phrases[text] = phrase = Phrase.Of(text);
            }

            foreach (var token in phrase.Tokens)
            {
                if (!TextMatch.IsStopWord(token))
                {
                    context.Add(token);
                }
            }
        }

        var labels = new List<LabelText>();
        var context = new HashSet<string>(StringComparer.Ordinal);
        var role = e.Role.ToLowerInvariant();
        var named = !string.IsNullOrWhiteSpace(e.Name) || !string.IsNullOrWhiteSpace(e.Text) || !string.IsNullOrWhiteSpace(e.Placeholder);
        var how = role is "button" or "link" or "tab" or "menuitem" or "option" ? "text" : "label";

        Add(labels, e.Name, 1, how);
        if (!string.Equals(e.Text, e.Name, StringComparison.Ordinal))
        {
            Add(labels, e.Text, 1, "text");
        }

        Add(labels, e.Placeholder, 1, "placeholder");
        Add(labels, e.Icon, 0.9, "icon");
        Add(labels, IdWords(e.HtmlId), 0.85, "id");

        // A script-drawn drop-down is named after the option it shows ("Yellow"); the text beside it is the field's name.
        var showsItsValue = role is "combobox" or "listbox" && e.Options.Count == 0 && e.Tag is not (null or "" or "input" or "textarea" or "select");

        // An unnamed checkbox or radio is labelled by the text just right of it on its row ("[ ] Feed cat"), not by
        // the row above, whose text is the nearest "left or above".
        var rightLabel = !named && (role is "checkbox" or "radio" || e.Checked is not null) ? RightOf(e, texts) : null;
        if (rightLabel is not null)
        {
            Add(labels, rightLabel.Label, 1, "text label");
            AddContext(context, e.NearbyText);
        }
        else if (!string.IsNullOrWhiteSpace(e.NearbyText))
        {
            if (showsItsValue)
            {
                Add(labels, e.NearbyText, 0.95, "nearby text");
            }
            else if (named)
            {
                AddContext(context, e.NearbyText);
            }
            else
            {
                Add(labels, e.NearbyText, 1, "nearby text");
            }
        }

        if (looseLabels.TryGetValue(e.Id, out var loose))
        {
            if (named || !string.IsNullOrWhiteSpace(e.NearbyText) || rightLabel is not null)
            {
                AddContext(context, loose.Label);
            }
            else
            {
                Add(labels, loose.Label, 0.95, "text label");
            }
        }

        if (e.InputType is { } type && PseudoInputTypes.Contains(type.ToLowerInvariant()))
        {
            Add(labels, type, 0.85, "input type");
        }

        if (e.SubmitsForm)
        {
            Add(labels, "submit", 0.85, "submit button");
        }

        // Context: the nearest heading above and the loose texts on the same row ("Order 1042 … Refund").
        UiElement? heading = null;
        foreach (var h in headings)
        {
            // Above it and over it: a heading in the next column of a two-column page heads another section.
            // A heading that holds the control ("<h3>Select a theme: <select>") heads it too.
            var holds = h.Bounds.X <= e.Bounds.X && h.Bounds.Y <= e.Bounds.Y && h.Bounds.Right >= e.Bounds.Right && h.Bounds.Bottom >= e.Bounds.Bottom;
            if (h.Id != e.Id && (h.Bounds.Bottom <= e.Bounds.Y + 2 || holds) && Overlaps(h.Bounds, e.Bounds) && (heading is null || h.Bounds.Bottom > heading.Bounds.Bottom))
            {
                heading = h;
            }
        }

        if (heading is not null)
        {
            AddContext(context, heading.Label);
        }

        // The sections around the nearest one: "In the "Accordion Example", open Info" means the Info under that h2, though
        // another h3 stands between them.
        var chain = new List<string>();
        for (var current = heading; current is { Level: > 1 };)
        {
            UiElement? up = null;
            foreach (var h in headings)
            {
                if (h.Level < current.Level && h.Bounds.Bottom <= current.Bounds.Y + 2 && Overlaps(h.Bounds, current.Bounds) && (up is null || h.Bounds.Bottom > up.Bounds.Bottom))
                {
                    up = h;
                }
            }

            if (up is null)
            {
                break;
            }

            chain.Add(up.Label);
            AddContext(context, up.Label);
            current = up;
        }

        foreach (var other in texts)
        {
            if (other.Id != e.Id && SameRow(e.Bounds, other.Bounds))
            {
                AddContext(context, other.Label);
            }
        }

        // The group title nearest above it, below the heading it is under: the group is a section within that heading's.
        UiElement? group = null;
        foreach (var t in groups)
        {
            if (t.Id != e.Id && t.Bounds.Bottom <= e.Bounds.Y + 2 && Overlaps(t.Bounds, e.Bounds) && (heading is null || t.Bounds.Y >= heading.Bounds.Bottom - 2)
                && (group is null || t.Bounds.Bottom > group.Bounds.Bottom))
            {
                group = t;
            }
        }

        if (group is not null)
        {
            AddContext(context, group.Label);
        }

        List<string> sections = [.. group is null ? [] : new[] { group.Label }, .. heading is null ? [] : new[] { heading.Label }, .. chain];
        return new PageItem { Element = e, Order = order, Labels = labels, Context = context, Heading = group?.Label ?? heading?.Label, Headings = sections };
    }

    // Whether two boxes share some horizontal extent (one stands over the other, in the same column).
    private static bool Overlaps(ScreenRect a, ScreenRect b) => a.X < b.X + b.Width && b.X < a.X + a.Width;

    // "toggle-all" → "toggle all", "newTodo" → "new Todo".
    private static string? IdWords(string? id) =>
        id is null ? null : CamelBreak().Replace(id.Replace('-', ' ').Replace('_', ' '), "$1 $2");

    private static void Add(List<LabelText> labels, string? text, double weight, string how)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        labels.Add(new LabelText(Phrase.Of(text), weight, how));

        // "Express (next day, €9.90)" is also just "Express"; "Cart (2)" is "Cart".
        var stripped = Parenthetical().Replace(text, " ").Trim();
        if (stripped.Length > 0 && stripped != text.Trim())
        {
            labels.Add(new LabelText(Phrase.Of(stripped), weight * 0.98, how));
        }
    }

    private static bool SameRow(ScreenRect a, ScreenRect b)
    {
        if (a.Height <= 0 || b.Height <= 0)
        {
            return false;
        }

        var (_, ay) = a.Center;
        var (_, by) = b.Center;
        return Math.Abs(ay - by) <= Math.Max(a.Height, b.Height) / 2;
    }

    // For each unnamed control, the loose text that labels it: on its row to the left, else just above it.
    private static Dictionary<int, UiElement> LooseLabels(IReadOnlyList<UiElement> elements)
    {
        var result = new Dictionary<int, UiElement>();
        var texts = elements.Where(t => TextRoles.Contains(t.Role.ToLowerInvariant()) && !string.IsNullOrWhiteSpace(t.Label) && t.Bounds.Width > 0).ToList();
        foreach (var c in elements)
        {
            var role = c.Role.ToLowerInvariant();
            if (TextRoles.Contains(role) || role is "heading" or "image" or "img" || !string.IsNullOrWhiteSpace(c.Name))
            {
                continue;
            }

            UiElement? best = null;
            var bestDistance = double.MaxValue;
            foreach (var t in texts)
            {
                double distance;
                if (SameRow(c.Bounds, t.Bounds) && t.Bounds.Right <= c.Bounds.X + 10 && c.Bounds.X - t.Bounds.Right <= 250)
                {
                    distance = c.Bounds.X - t.Bounds.Right;
                }
                else if (t.Bounds.Bottom <= c.Bounds.Y + 4 && c.Bounds.Y - t.Bounds.Bottom <= 40
                         && (Math.Abs(t.Bounds.X - c.Bounds.X) <= 30 || (t.Bounds.X < c.Bounds.Right && c.Bounds.X < t.Bounds.Right)))
                {
                    distance = 1000 + c.Bounds.Y - t.Bounds.Bottom;
                }
                else if (Encloses(t.Bounds, c.Bounds) && t.Bounds.X + 2 < c.Bounds.X && WordCount(t.Label) <= 6)
                {
                    // "<p>Date: <input></p>": the paragraph's box spans the row and holds the control; its short text
                    // starts left of it and is its label.
                    distance = 500 + c.Bounds.X - t.Bounds.X;
                }
                else
                {
                    continue;
                }

                if (distance < bestDistance)
                {
                    bestDistance = distance;
                    best = t;
                }
            }

            if (best is not null)
            {
                result[c.Id] = best;
            }
        }

        return result;
    }

    // The text starting just right of a box on the same row (within 40 px of its right edge).
    private static UiElement? RightOf(UiElement box, List<UiElement> texts)
    {
        UiElement? best = null;
        foreach (var t in texts)
        {
            var gap = t.Bounds.X - box.Bounds.Right;
            if (t.Id != box.Id && !string.IsNullOrWhiteSpace(t.Label) && gap >= -4 && gap <= 40 && SameRow(box.Bounds, t.Bounds)
                && (best is null || t.Bounds.X < best.Bounds.X))
            {
                best = t;
            }
        }

        return best;
    }

    private static bool Encloses(ScreenRect outer, ScreenRect inner) =>
        outer.X <= inner.X && outer.Y <= inner.Y + 2 && outer.Right >= inner.Right && outer.Bottom + 2 >= inner.Bottom;

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@"\s*\([^)]*\)")]
    private static partial Regex Parenthetical();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex CamelBreak();
}
