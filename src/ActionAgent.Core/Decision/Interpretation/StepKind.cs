namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>What a parsed instruction asks for; the element it works on is found on the page when the step runs.</summary>
public enum StepKind
{
    /// <summary>Click a target ("Click the Submit button", "Open Orders"); <see cref="InterpretedStep.Value"/> names keys held during the click ("Control" for "Ctrl-click Item 5"), or is null.</summary>
    Click,

    /// <summary>Double-click a target.</summary>
    DoubleClick,

    /// <summary>Right-click a target.</summary>
    RightClick,

    /// <summary>Move the mouse over a target.</summary>
    Hover,

    /// <summary>Type <see cref="InterpretedStep.Value"/> into the target field (or where the focus is, without a target).</summary>
    Type,

    /// <summary>A field name and its value in one phrase ("the username ops"); where the name ends is decided on the page.</summary>
    Fill,

    /// <summary>Empty a field.</summary>
    Clear,

    /// <summary>Choose the option <see cref="InterpretedStep.Value"/> in a select (or a radio button of that name).</summary>
    Select,

    /// <summary>Make a checkbox, switch or radio checked; nothing to do when it already is.</summary>
    Check,

    /// <summary>Make a checkbox or switch unchecked; nothing to do when it already is.</summary>
    Uncheck,

    /// <summary>Give a field a value: typed into inputs, chosen in selects, clicked for radio groups.</summary>
    Set,

    /// <summary>Type <see cref="InterpretedStep.Value"/> into the search box and press Enter.</summary>
    Search,

    /// <summary>Press the key or chord in <see cref="InterpretedStep.Value"/> ("Enter", "Control+A").</summary>
    PressKey,

    /// <summary>Scroll: <see cref="InterpretedStep.Value"/> is up, down, left, right, top or bottom; or to a target.</summary>
    Scroll,

    /// <summary>Go to the URL in <see cref="InterpretedStep.Value"/>.</summary>
    Navigate,

    /// <summary>Browser back.</summary>
    GoBack,

    /// <summary>Wait for <see cref="InterpretedStep.Duration"/>.</summary>
    Wait,

    /// <summary>Wait until the text in <see cref="InterpretedStep.Value"/> appears.</summary>
    WaitForText,

    /// <summary>
    /// Drag <see cref="InterpretedStep.Target"/>: onto the element named in <see cref="InterpretedStep.Value"/>, to an edge
    /// ("right", "left", "up", "down": a slider all the way), or — a range input — to a number.
    /// </summary>
    Drag,

    /// <summary>
    /// Leave elements as they are ("leave the other ratings unticked"): nothing is done; the step holds only when the page
    /// shows them so. <see cref="InterpretedStep.Value"/> is unchecked, checked, empty or unchanged.
    /// </summary>
    Keep,

    /// <summary>No verb was recognised; the sentence is tried as "field: value" and as the name of a button or link.</summary>
    Implicit,

    /// <summary>
    /// Page a date picker's calendar until it shows the month in <see cref="InterpretedStep.Value"/> ("2015-03"): with its
    /// month and year drop-downs when it has them, else its previous/next control, one month per action, each checked.
    /// </summary>
    ShowMonth,

    /// <summary>
    /// Click a day in the calendar shown: <see cref="InterpretedStep.Value"/> is a date ("2019-06-03": in that month), a day
    /// of the month shown ("14"), or the nth weekday of it ("3 Friday").
    /// </summary>
    PickDay,

    /// <summary>Select words (<see cref="InterpretedStep.Value"/>) inside a field or an editor, in the place named by the context.</summary>
    SelectText,

    /// <summary>
    /// Sort a table by a column (<see cref="InterpretedStep.Target"/>) in a direction (<see cref="InterpretedStep.Value"/>:
    /// asc, desc, young, old or null for either): its header is clicked until the column's cells read in that order.
    /// </summary>
    Sort,

    /// <summary>
    /// Click a control again and again until the page shows something: <see cref="InterpretedStep.Value"/> "#3" (the third
    /// step of a wizard is the current one) or a name ("Forth Step": the tab of that name is selected, or its heading shows).
    /// <see cref="InterpretedStep.Target"/> is the control; none named: Next (or Previous to go back).
    /// </summary>
    ClickUntil,

    /// <summary>
    /// Answer what the page asks (<see cref="InterpretedStep.Reply"/>): a browser dialog the action before raised was
    /// answered while it ran (checked here), one open now is answered, else an in-page dialog's button named exactly
    /// <see cref="InterpretedStep.Target"/> or an alternative is clicked (a prompt's text, <see cref="InterpretedStep.Value"/>, typed first).
    /// </summary>
    AnswerDialog,

    /// <summary>
    /// Give a rating widget a value: <see cref="InterpretedStep.Value"/> "3", "2.5" or "4/10" (out of ten); the widget is
    /// the one <see cref="InterpretedStep.Target"/> (or the context) names, a row of like stars, squares or bars (the Nth is
    /// clicked) or one star bar (clicked at the value's place along it).
    /// </summary>
    Rate,
}
