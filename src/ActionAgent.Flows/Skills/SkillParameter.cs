using ActionAgent.Flows.Definition;

namespace ActionAgent.Flows.Skills;

/// <summary>
/// One <c>parameters:</c> entry of a skill file: a value the task must supply (or that has a default), used in the
/// steps as <c>${name}</c>.
/// </summary>
public sealed record SkillParameter(string Name, SkillParameterType Type, SourceLocation Location)
{
    /// <summary>What the value means, for <c>skills list</c> and for questions ("the order number").</summary>
    public string Description { get; init; } = "";

    /// <summary>The value used when the task gives none; null when the parameter is required.</summary>
    public string? Default { get; init; }

    /// <summary>True when a run cannot start without a value from the task (or an answer).</summary>
    public bool IsRequired => Default is null;

    /// <summary>For <see cref="SkillParameterType.Option"/>: the label of the field the value goes into (the Reason select).</summary>
    public string? Field { get; init; }

    /// <summary>For <see cref="SkillParameterType.Option"/>: the values the field offers.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>
    /// For <see cref="SkillParameterType.Option"/>: what an option means in the skill author's words (written
    /// <c>options: { Damaged item: [broken on arrival, scratched] }</c>), matched by meaning beside the option itself.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> OptionMeanings { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>For <see cref="SkillParameterType.Text"/>: a regular expression whose <c>value</c> group (or whole match) is the value.</summary>
    public string? Pattern { get; init; }

    /// <summary>One line for <c>skills list</c>: <c>reason (option of Reason: Damaged item | Late delivery)</c>.</summary>
    public string Summary()
    {
        var type = Type.ToString().ToLowerInvariant();
        if (Type == SkillParameterType.Option)
        {
            type = $"option{(Field is null ? "" : $" of {Field}")}{(Options.Count == 0 ? "" : $": {string.Join(" | ", Options)}")}";
        }

        var required = IsRequired ? "required" : Default!.Length == 0 ? "optional" : $"default {Default}";
        return $"{Name} ({type}; {required}){(Description.Length > 0 ? $" - {Description}" : "")}";
    }
}
