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
}
