namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// One instruction of a task, as the step interpreter understood it: what to do (<see cref="Kind"/>), on what
/// (<see cref="Target"/>, as written) and with what (<see cref="Value"/>). Grounding on a page happens later.
/// </summary>
public sealed record InterpretedStep
{
    /// <summary>1-based position among the task's steps.</summary>
    public required int Number { get; init; }

    /// <summary>The instruction as written ("Check Gift wrap" for the second half of "Check Express and Gift wrap").</summary>
    public required string Text { get; init; }

    /// <summary>What the step asks for.</summary>
    public required StepKind Kind { get; init; }

    /// <summary>The words naming the element ("the Reason list"); quoted names keep their quotes; null when none.</summary>
    public string? Target { get; init; }

    /// <summary>Text to type, option to choose, key chord, URL, text to wait for, or scroll direction; see <see cref="StepKind"/>.</summary>
    public string? Value { get; init; }

    /// <summary>
    /// The target as the task wrote it, when <see cref="Target"/> holds other words for grounding ("the vertically centered
    /// modal", grounded as "the button under vertically centered"): what "it" in a later step refers to.
    /// </summary>
    public string? AsWritten { get; init; }

    /// <summary>Other names the target may go by (the sign-in button of a login step may be called "Submit").</summary>
    public IReadOnlyList<string> Alternatives { get; init; } = [];

    /// <summary>Words naming the part of the page the step is about ("shipping address"), when the task gave one.</summary>
    public string? Context { get; init; }

    /// <summary>
    /// True when <see cref="Context"/> names whom the step acts on ("Delete customer Grace Hopper", "Remove the todo "Call
    /// Bob""): the element must sit by that name, never a look-alike control elsewhere on the page.
    /// </summary>
    public bool ContextIsOwner { get; init; }

    /// <summary>
    /// True for a removing step ("Delete "leaf node 3-1" with its remove button"): when what <see cref="Context"/> names
    /// was on the page at the start, the step is done once it is gone, not once the page changed.
    /// </summary>
    public bool Removes { get; init; }

    /// <summary>True for "expand X", "unfold X": the click must show something new (or mark X expanded) to count.</summary>
    public bool Expands { get; init; }

    /// <summary>True for "collapse X", "fold X": when X is marked collapsed already, a click would open it again.</summary>
    public bool Collapses { get; init; }

    /// <summary>
    /// True for the click that opens the tab later steps are placed on ("On the Actors tab choose …"): when the page shows
    /// no tab of that name (the place is a heading, a panel), there is nothing to open and the step holds.
    /// </summary>
    public bool OpensPlace { get; init; }

    /// <summary>
    /// True for "open X", "navigate to X" and each level of a menu path: when X is a menu entry whose nested menu is hidden,
    /// the step points at X first (a hover menu opens so, where a click would follow X's own link) and clicks only when
    /// pointing showed nothing.
    /// </summary>
    public bool Opens { get; init; }

    /// <summary>
    /// True when the step names the owner's row ("Click Refund in the row for Order 1043"): a control anywhere on that row
    /// is the owner's (its table row or list item; on a page without rows, its line).
    /// </summary>
    public bool OnOwnerRow { get; init; }

    /// <summary>
    /// True when the target was named as part of what the step before opened ("the second Delphi inside it", "its
    /// dropdown"): what that step brought up is searched first and alone.
    /// </summary>
    public bool WithinPrevious { get; init; }

    /// <summary>The kind of element the verb implies ("Open Orders" → a link); words in the target override it.</summary>
    public RoleHint Role { get; init; }

    /// <summary>Names a <see cref="StepKind.Keep"/> step about "the other …" leaves out (what earlier steps of the task acted on), or an <see cref="Every"/> step's exceptions.</summary>
    public IReadOnlyList<string> Except { get; init; } = [];

    /// <summary>
    /// True for the select-all and typing of "change it to …" after opening an editor: they act on the field that has the
    /// focus, so with no field focused there is nothing to edit (typing into the page itself is never the step).
    /// </summary>
    public bool InEditor { get; init; }

    /// <summary>
    /// True for the second and later values of one "add A and B" clause: they go where the first one went (the page may
    /// have redrawn the field in between, so its name alone may now point elsewhere).
    /// </summary>
    public bool Continues { get; init; }

    /// <summary>
    /// True for "tick every todo (except X)": every box of the list is brought to the state, one checked click at a time,
    /// until none is left (the names in <see cref="Except"/> are left as they are).
    /// </summary>
    public bool Every { get; init; }

    /// <summary>
    /// For <see cref="Every"/>: the column the boxes are in ("switch off every notification in the Browser column"), named
    /// by its heading; null for every box of the list.
    /// </summary>
    public string? Column { get; init; }

    /// <summary>
    /// The date a typing step's value means ("29/02/2016 (day first)", "Feb 14th, 2027"): when the field shows a calendar
    /// once typed into, the date is also picked there (a picker may ignore text it does not parse), and only that counts.
    /// </summary>
    public DateTime? DateValue { get; init; }

    /// <summary>
    /// A step for something that may not show ("If a message pops up, OK it"): answered when a dialog shows (a browser
    /// dialog the action before raised, or an element named exactly so); none shown, and the step holds.
    /// </summary>
    public bool IfShown { get; init; }

    /// <summary>
    /// A step that forbids ("Don't notify the customer", "Do not submit the form"): a box of that name is left unticked;
    /// with no such box on the page there is nothing to do, and nothing is done.
    /// </summary>
    public bool Forbids { get; init; }

    /// <summary>The sentence's other reading, grounded when the page has nothing for this one ("Sort by newest": no table, a drop-down).</summary>
    public InterpretedStep? Otherwise { get; init; }

    /// <summary>
    /// A move between two lists the sentence may mean though it never says "list" ("Add the Churn panel to the dashboard",
    /// "Send Diego back to Department"): grounded first, and only, on a page with two list boxes one of which its words
    /// name; on any other page the step is read as it stands.
    /// </summary>
    public InterpretedStep? ListMove { get; init; }

    /// <summary>
    /// "Horizontal form wizard: first name Lena, last name Kovac": the "field value" pairs after the colon. When no field
    /// is called what comes before the colon, each pair is filled in that place, one action each; otherwise the whole
    /// list is that field's value ("Special requests: late arrival, around 11pm").
    /// </summary>
    public IReadOnlyList<string> Pairs { get; init; } = [];

    /// <summary>
    /// The date pattern the task gives for <see cref="DateValue"/> ("mm/dd/yyyy" in "(it shows mm/dd/yyyy as you type)"),
    /// as a .NET format ("MM/dd/yyyy"); a text field's own pattern (its placeholder) comes first.
    /// </summary>
    public string? DateFormat { get; init; }

    /// <summary>
    /// How to answer a JavaScript dialog: on an action step, the answer the task gives to what it raises (the next
    /// step said so); on a <see cref="StepKind.AnswerDialog"/> step, the answer it asks for.
    /// </summary>
    public DialogReply? Reply { get; init; }

    /// <summary>For <see cref="StepKind.AnswerDialog"/>: which of the dialogs the action before raised it answers (0: the first).</summary>
    public int DialogIndex { get; init; }

    /// <summary>For <see cref="StepKind.AnswerDialog"/>: true when it only gives a prompt's text ("type Ann into the prompt"); an OK after it answers the same prompt.</summary>
    public bool TextOnly { get; init; }

    /// <summary>How long to wait, for <see cref="StepKind.Wait"/>.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>True when the step was written without a verb the interpreter knows.</summary>
    public bool IsUnderstood => Kind != StepKind.Implicit;

    /// <inheritdoc />
    public override string ToString() => $"{Number}. {Kind} {Target}{(Value is null ? "" : $" = \"{Value}\"")}";
}
