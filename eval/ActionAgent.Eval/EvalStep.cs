namespace ActionAgent.Eval;

/// <summary>One scripted Playwright step (setup or reference): a verb and its arguments, e.g. fill [#name, Ada].</summary>
public sealed record EvalStep(string Verb, IReadOnlyList<string> Args)
{
    /// <summary>The verbs the step runner knows.</summary>
    public static readonly IReadOnlySet<string> Verbs = new HashSet<string>(StringComparer.Ordinal)
    {
        "click", "dblclick", "hover", "fill", "type", "press", "select", "drag", "js", "wait",
    };

    /// <inheritdoc />
    public override string ToString() => $"{Verb} {string.Join(" | ", Args)}";
}
