using ActionAgent.Flows.Expectations;

namespace ActionAgent.Flows.Definition;

/// <summary>A QA flow read from a YAML file: where it starts, what to do in plain English and what must then be true.</summary>
public sealed record FlowDefinition
{
    /// <summary>The flow's name (test case name in reports).</summary>
    public required string Name { get; init; }

    /// <summary>Optional description.</summary>
    public string Description { get; init; } = "";

    /// <summary>The absolute or relative start URL, variables substituted (<c>${baseUrl}/login</c> resolved).</summary>
    public required string Url { get; init; }

    /// <summary>Tags for <c>--tag</c> selection.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Variable values after defaults and overrides were applied.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>Names used in <c>{{secret:NAME}}</c> references; the executor resolves them, the flow never holds values.</summary>
    public IReadOnlyList<string> SecretNames { get; init; } = [];

    /// <summary>Time the whole flow may take; null means the runner's default.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Instructions and in-between expectations, in order.</summary>
    public IReadOnlyList<FlowStep> Steps { get; init; } = [];

    /// <summary>Expectations checked after the last step.</summary>
    public IReadOnlyList<Expectation> Expectations { get; init; } = [];

    /// <summary>The skill's parameters (<c>parameters:</c>), filled from a task by <c>run</c>; empty for a plain flow.</summary>
    public IReadOnlyList<Skills.SkillParameter> Parameters { get; init; } = [];

    /// <summary>Phrasings of the task with <c>{name}</c> placeholders (<c>examples:</c>), matched by meaning against a task.</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];

    /// <summary>True when the flow is a skill: it declares parameters or examples and <c>run "task"</c> may pick it.</summary>
    public bool IsSkill => Parameters.Count > 0 || Examples.Count > 0;

    /// <summary>Set when the flow runs as a skill picked for a task: the task and the skill's record for run.json.</summary>
    public SkillInvocation? Invocation { get; init; }

    /// <summary>The file the flow was read from ("" when parsed from text).</summary>
    public string SourcePath { get; init; } = "";

    /// <summary>True when the flow has any of the tags (case-insensitive); true for an empty tag list.</summary>
    public bool HasAnyTag(IReadOnlyCollection<string> tags) =>
        tags.Count == 0 || Tags.Any(t => tags.Contains(t, StringComparer.OrdinalIgnoreCase));

    /// <inheritdoc />
    public override string ToString() => Name;
}
