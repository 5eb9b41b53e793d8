using System.Text.Json.Serialization;

namespace ActionAgent.Core.Perception;

/// <summary>
/// One thing on screen a person could act on or read: its role, accessible name, state and box (CSS pixels).
/// <see cref="Id"/> is stable within a run for the same DOM node, so a recorded step can name it.
/// </summary>
public sealed record UiElement
{
    /// <summary>Numeric id, unique within an observation.</summary>
    public required int Id { get; init; }

    /// <summary>ARIA-style role: button, link, textbox, checkbox, radio, combobox, option, heading, text, image, canvas…</summary>
    public required string Role { get; init; }

    /// <summary>Accessible name (label, aria-label, alt, button text).</summary>
    public string Name { get; init; } = "";

    /// <summary>Visible text content, when different from the name.</summary>
    public string? Text { get; init; }

    /// <summary>Current value of an input, textarea or select.</summary>
    public string? Value { get; init; }

    /// <summary>Placeholder text of an input.</summary>
    public string? Placeholder { get; init; }

    /// <summary>Text near the element (a preceding label, legend or heading) that a person would read as its label.</summary>
    public string? NearbyText { get; init; }

    /// <summary>HTML tag name, lower case, when it came from the DOM.</summary>
    public string? Tag { get; init; }

    /// <summary>The input's type attribute (text, password, email, date, number, submit…), when any.</summary>
    public string? InputType { get; init; }

    /// <summary>The link target, for links.</summary>
    public string? Href { get; init; }

    /// <summary>Checked state for checkboxes, radios and switches; null when not checkable.</summary>
    public bool? Checked { get; init; }

    /// <summary>Selected state (options, tabs).</summary>
    public bool? Selected { get; init; }

    /// <summary>
    /// Open state of a disclosure (an accordion header, a menu button, a <c>summary</c>: <c>aria-expanded</c> or its
    /// details' <c>open</c>); null when the element opens nothing.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Expanded { get; init; }

    /// <summary>
    /// A menu entry that holds a nested menu (a link or button whose list item also holds a list of links, or that says
    /// <c>aria-haspopup</c> with <c>aria-expanded</c>): false while that menu is hidden, true while it shows; null for
    /// anything else. Pointing at a hover menu's entry opens it, where a click would follow the entry's own link.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Submenu { get; init; }

    /// <summary>
    /// The table row, grid row or list item the element sits in, the same number for every element in it (a text cell and
    /// the controls at the far end of its row); null outside any. Only comparable within one observation.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Row { get; init; }

    /// <summary>
    /// For a tab (a wizard's step, a tab box's tab): the tab list it belongs to, the same number for every tab of that list;
    /// null for anything else. Only comparable within one observation.
    /// </summary>
    public int? TabList { get; init; }

    /// <summary>A heading's level (1 for <c>h1</c>, or its <c>aria-level</c>); null for anything else.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Level { get; init; }

    /// <summary>True when <see cref="Row"/> is a table's (or grid's) body row, not a list item or a heading row.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool InTableRow { get; init; }

    /// <summary>
    /// Words the control's icon says by its class names ("close" for <c>ui-icon-close</c>, "delete" for <c>fa-trash</c>),
    /// for icon-only buttons whose text is hidden or missing; null when it shows no known icon.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Icon { get; init; }

    /// <summary>
    /// The element's id (or test id) when it reads as words ("toggle-all", "newTodo": letters, hyphens and underscores
    /// only, so generated ids are left out): QA engineers name controls by it ("the toggle-all control"). Null otherwise.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? HtmlId { get; init; }

    /// <summary>True when the element is disabled.</summary>
    public bool Disabled { get; init; }

    /// <summary>True when pressing it submits a form (a submit button inside a form).</summary>
    public bool SubmitsForm { get; init; }

    /// <summary>True for a submit button of a form that uses GET (a search, a filter, opening a form): it only navigates.</summary>
    public bool SubmitsGetForm { get; init; }

    /// <summary>True for a single-line field of a form that posts: pressing Enter in it submits the form.</summary>
    public bool EnterSubmits { get; init; }

    /// <summary>True when the element has the keyboard focus.</summary>
    public bool IsFocused { get; init; }

    /// <summary>Option labels of a select or listbox.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>Bounding box in CSS pixels of the top-level viewport.</summary>
    public required ScreenRect Bounds { get; init; }

    /// <summary>Where the element was perceived.</summary>
    public ElementSource Source { get; init; } = ElementSource.Dom;

    /// <summary>Confidence 0..1 (1 for DOM elements; OCR and pixel proposals carry their own).</summary>
    public double Confidence { get; init; } = 1;

    /// <summary>Frame path ("" for the main frame, otherwise the iframe chain), for the executor and reports.</summary>
    public string FramePath { get; init; } = "";

    /// <summary>True when the element is a password or otherwise secret field whose pixels must be masked.</summary>
    public bool IsSecret { get; init; }

    /// <summary>
    /// True when the element is on the page but outside the viewport (below the fold, or scrolled away): the executor
    /// scrolls it into view before acting, and grounding prefers an element in view.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool IsOffscreen { get; init; }

    /// <summary>The best single label a person would use for this element.</summary>
    [JsonIgnore]
    public string Label =>
        !string.IsNullOrWhiteSpace(Name) ? Name
        : !string.IsNullOrWhiteSpace(Text) ? Text!
        : !string.IsNullOrWhiteSpace(Placeholder) ? Placeholder!
        : NearbyText ?? "";

    /// <inheritdoc />
    public override string ToString() => $"[{Id}] {Role} \"{Label}\" {Bounds}";
}
