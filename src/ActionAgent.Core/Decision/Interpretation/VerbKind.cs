namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>The verb families the parser knows; several words map to one family (press, hit, tap, push…).</summary>
internal enum VerbKind
{
    Click,
    DoubleClick,
    RightClick,
    Press,
    Focus,
    Hover,
    Type,
    Fill,
    Clear,
    Select,
    Check,
    Uncheck,
    Accept,
    Turn,
    Switch,
    Set,
    MakeSure,
    Dont,
    Back,
    Go,
    Load,
    Scroll,
    Wait,
    Search,
    Filter,
    Login,

    /// <summary>"Use the X toggle to …": click X.</summary>
    Use,

    /// <summary>"Remove X with its close icon", "Delete the todo X": click the remove control of X.</summary>
    Remove,

    /// <summary>"Add the todo "X"": type X into the new-entry field and press Enter; "Add to cart" is a button.</summary>
    Add,

    /// <summary>"Rename X to Y": edit X in place (double-click, select all, type Y, Enter).</summary>
    Rename,

    /// <summary>"Show only the Active todos": click the filter (named by the first words, the rest says what is filtered).</summary>
    ShowOnly,

    /// <summary>"Ctrl-click Item 5", "Shift+click Row 3": a click with a key held.</summary>
    ModifierClick,

    /// <summary>"Leave the other ratings unticked", "keep the rest as they are": a state to keep, no action.</summary>
    Leave,
    Drag,
}
