using System.Text.Json.Serialization;

namespace ActionAgent.Core.Decision;

// The action space is a closed hierarchy that is read (and serialised) as a whole, so its records share this file.

/// <summary>One mouse, keyboard or navigation action, or a terminal decision (done, fail, ask a human).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ClickAction), "click")]
[JsonDerivedType(typeof(HoverAction), "hover")]
[JsonDerivedType(typeof(TypeTextAction), "type")]
[JsonDerivedType(typeof(PressKeyAction), "press")]
[JsonDerivedType(typeof(ScrollAction), "scroll")]
[JsonDerivedType(typeof(DragAction), "drag")]
[JsonDerivedType(typeof(SelectOptionAction), "select")]
[JsonDerivedType(typeof(SelectTextAction), "select_text")]
[JsonDerivedType(typeof(UploadFileAction), "upload")]
[JsonDerivedType(typeof(NavigateAction), "navigate")]
[JsonDerivedType(typeof(GoBackAction), "go_back")]
[JsonDerivedType(typeof(WaitAction), "wait")]
[JsonDerivedType(typeof(DoneAction), "done")]
[JsonDerivedType(typeof(FailAction), "fail")]
[JsonDerivedType(typeof(AskHumanAction), "ask_human")]
[JsonDerivedType(typeof(RunSkillAction), "run_skill")]
public abstract record BrowserAction
{
    /// <summary>Short name of the action kind, as in recordings ("click", "type", …).</summary>
    [JsonIgnore]
    public abstract string Kind { get; }

    /// <summary>The element or point the action works on, when it has one.</summary>
    [JsonIgnore]
    public virtual ActionTarget? PrimaryTarget => null;

    /// <summary>True for done, fail and ask_human: the run stops deciding after it.</summary>
    [JsonIgnore]
    public virtual bool IsTerminal => false;

    /// <summary>One line for people: <c>click #12 "Submit refund"</c>.</summary>
    public abstract string Describe();

    /// <summary>
    /// How to answer a JavaScript dialog this action raises ("Click Delete and answer the confirmation with Cancel");
    /// null accepts it, as an approved action's own consequence.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DialogReply? OnDialog { get; init; }
}

/// <summary>Mouse buttons.</summary>
public enum MouseButtonKind
{
    /// <summary>Left button.</summary>
    Left,

    /// <summary>Right button (context menu).</summary>
    Right,

    /// <summary>Middle button.</summary>
    Middle,
}

/// <summary>Click, double-click or right-click on a target.</summary>
public sealed record ClickAction(ActionTarget Target, MouseButtonKind Button = MouseButtonKind.Left, int ClickCount = 1) : BrowserAction
{
    /// <summary>Keys held during the click, joined by '+' ("Control", "Shift", "Control+Shift"); null for a plain click.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Modifiers { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => ClickCount == 2 ? "double_click" : Button == MouseButtonKind.Right ? "right_click" : "click";

    /// <inheritdoc />
    [JsonIgnore]
    public override ActionTarget? PrimaryTarget => Target;

    /// <inheritdoc />
    public override string Describe() => Modifiers is { Length: > 0 } m ? $"{m}+{Kind} {Target}" : $"{Kind} {Target}";
}

/// <summary>Move the mouse over a target.</summary>
public sealed record HoverAction(ActionTarget Target) : BrowserAction
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "hover";

    /// <inheritdoc />
    [JsonIgnore]
    public override ActionTarget? PrimaryTarget => Target;

    /// <inheritdoc />
    public override string Describe() => $"hover {Target}";
}

/// <summary>Type text, into a target (clicked first) or wherever focus is. Text may hold <c>{{secret:NAME}}</c> references.</summary>
public sealed record TypeTextAction(ActionTarget? Target, string Text, bool ClearFirst = true, bool PressEnter = false) : BrowserAction
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "type";

    /// <inheritdoc />
    [JsonIgnore]
    public override ActionTarget? PrimaryTarget => Target;

    /// <inheritdoc />
    public override string Describe() => $"type \"{Text}\"{(Target is null ? "" : $" into {Target}")}{(PressEnter ? " + Enter" : "")}";
}

/// <summary>Press a key or chord in Playwright notation: "Enter", "Control+A", "Shift+Tab".</summary>
public sealed record PressKeyAction(string Keys) : BrowserAction
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "press";

    /// <inheritdoc />
    public override string Describe() => $"press {Keys}";
}

/// <summary>Scroll by a delta in CSS pixels, over a target or the page.</summary>
public sealed record ScrollAction(double DeltaX, double DeltaY, ActionTarget? Target = null) : BrowserAction
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "scroll";

    /// <inheritdoc />
    [JsonIgnore]
    public override ActionTarget? PrimaryTarget => Target;

    /// <inheritdoc />
    public override string Describe() => FormattableString.Invariant($"scroll {DeltaX:0},{DeltaY:0}{(Target is null ? "" : $" over {Target}")}");
}

/// <summary>Press on one target, move to another and release.</summary>
public sealed record DragAction(ActionTarget From, ActionTarget To) : BrowserAction
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "drag";

    /// <inheritdoc />
    [JsonIgnore]
    public override ActionTarget? PrimaryTarget => From;

    /// <inheritdoc />
    public override string Describe() => $"drag {From} to {To}";
}

/// <summary>Choose an option (by its label or value) in a select.</summary>
public sealed record SelectOptionAction(ActionTarget Target, string Option) : BrowserAction
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "select";

    /// <inheritdoc />
    [JsonIgnore]
    public override ActionTarget? PrimaryTarget => Target;

    /// <inheritdoc />
    public override string Describe() => $"select \"{Option}\" in {Target}";
}

/// <summary>
/// Select the words <see cref="Text"/> inside a target (a text field, a rich-text editor or a block of text), as a person
/// drags over them; a key pressed or text typed next acts on that selection (Control+B makes it bold, typing replaces it).
/// </summary>
public sealed record SelectTextAction(ActionTarget Target, string Text) : BrowserAction
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "select_text";

    /// <inheritdoc />
    [JsonIgnore]
    public override ActionTarget? PrimaryTarget => Target;

    /// <inheritdoc />
    public override string Describe() => $"select the text \"{Text}\" in {Target}";
}

/// <summary>Set a file input's file; the path must lie in an allow-listed upload folder.</summary>
public sealed record UploadFileAction(ActionTarget Target, string FilePath) : BrowserAction
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "upload";

    /// <inheritdoc />
    [JsonIgnore]
    public override ActionTarget? PrimaryTarget => Target;

    /// <inheritdoc />
    public override string Describe() => $"upload {FilePath} to {Target}";
}

/// <summary>Go to a URL; relative URLs resolve against the current page.</summary>
public sealed record NavigateAction(string Url) : BrowserAction
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "navigate";

    /// <inheritdoc />
    public override string Describe() => $"navigate {Url}";
}

/// <summary>Browser back.</summary>
public sealed record GoBackAction : BrowserAction
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "go_back";

    /// <inheritdoc />
    public override string Describe() => "go back";
}

/// <summary>Wait for a time, or until some text appears (bounded by the time).</summary>
public sealed record WaitAction(TimeSpan Duration, string? UntilText = null) : BrowserAction
{
    /// <summary>
    /// Text on the page that does not count as <see cref="UntilText"/> appearing: the instruction's own sentence ("You
    /// should see "Thanks""), in case the page shows the task it is given (a help panel, a ticket).
    /// </summary>
    public string? Besides { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "wait";

    /// <inheritdoc />
    public override string Describe() => UntilText is null
        ? FormattableString.Invariant($"wait {Duration.TotalSeconds:0.#}s")
        : FormattableString.Invariant($"wait up to {Duration.TotalSeconds:0.#}s for \"{UntilText}\"");
}

/// <summary>The task is complete; <see cref="Result"/> is what the agent reports.</summary>
public sealed record DoneAction(string Result) : BrowserAction
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "done";

    /// <inheritdoc />
    [JsonIgnore]
    public override bool IsTerminal => true;

    /// <inheritdoc />
    public override string Describe() => $"done: {Result}";
}

/// <summary>The task cannot be completed; <see cref="Reason"/> says why.</summary>
public sealed record FailAction(string Reason) : BrowserAction
{
    /// <summary>Why the decider gives up, as a value (model failures set it; the default is that the task failed).</summary>
    [JsonIgnore]
    public Execution.FailureKind Failure { get; init; } = Execution.FailureKind.TaskFailed;

    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "fail";

    /// <inheritdoc />
    [JsonIgnore]
    public override bool IsTerminal => true;

    /// <inheritdoc />
    public override string Describe() => $"fail: {Reason}";
}

/// <summary>The agent needs a person's answer to go on.</summary>
public sealed record AskHumanAction(string Question) : BrowserAction
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "ask_human";

    /// <inheritdoc />
    [JsonIgnore]
    public override bool IsTerminal => true;

    /// <inheritdoc />
    public override string Describe() => $"ask human: {Question}";
}

/// <summary>
/// Run a skill (a flow with parameters) in one call: a model decider's answer that the skills layer checks and expands
/// into the skill's steps, each then governed like any step. It is never executed itself.
/// </summary>
public sealed record RunSkillAction(string Skill, IReadOnlyDictionary<string, string> Parameters) : BrowserAction
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "run_skill";

    /// <inheritdoc />
    public override string Describe() =>
        $"run_skill {Skill}({string.Join(", ", Parameters.Select(p => $"{p.Key}={p.Value}"))})";
}
