using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using ActionAgent.Flows.Definition;

namespace ActionAgent.Flows.Skills;

/// <summary>
/// Checks a model's <c>run_skill</c> call before anything runs: every parameter must be the skill's, of its type (money
/// "abc" is refused), an option one of the skill's options and, when the field's select is on the page, one of the live
/// select's options; every required parameter must be given. The skill file is then loaded with the values. A refusal
/// is one line for the model; nothing is ever run with a guessed value.
/// </summary>
public static class SkillCallCheck
{
    /// <summary>The skill loaded with the call's values (and defaults), or why the call is refused.</summary>
    public static (FlowDefinition? Flow, IReadOnlyDictionary<string, string> Values, string? Refusal) Check(FlowDefinition skill, RunSkillAction call, Observation observation, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(skill);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(observation);
        var id = SkillCatalog.IdOf(skill);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        IReadOnlyDictionary<string, string> None() => new Dictionary<string, string>();
        foreach (var (name, given) in call.Parameters)
        {
            var p = skill.Parameters.FirstOrDefault(x => string.Equals(x.Name, name, StringComparison.OrdinalIgnoreCase));
            if (p is null)
            {
                return (null, None(), $"skill {id} has no parameter \"{name}\"; its parameters are: {string.Join(", ", skill.Parameters.Select(x => x.Name))}");
            }

            if (given.Trim().Length == 0 && !p.IsRequired)
            {
                continue;
            }

            if (SkillParameterValue.Read(p, given) is not { } value)
            {
                return (null, None(), $"{p.Name} \"{given}\" is not {SkillParameterValue.Expected(p)}; give the value the task states, or ask_human");
            }

            if (p.Type == SkillParameterType.Option && LiveOptions(observation, p.Field) is { Count: > 0 } live
                && !live.Any(o => string.Equals(o.Trim(), value, StringComparison.OrdinalIgnoreCase)))
            {
                return (null, None(), $"{p.Name} \"{value}\" is not an option of the {p.Field} field on this page (its options: {string.Join(", ", live)})");
            }

            values[p.Name] = value;
        }

        var missing = skill.Parameters.Where(p => p.IsRequired && !values.ContainsKey(p.Name)).Select(p => p.Name).ToList();
        if (missing.Count > 0)
        {
            return (null, None(), $"skill {id} needs {string.Join(", ", missing)}; give {(missing.Count == 1 ? "it" : "them")} in params if the task states {(missing.Count == 1 ? "it" : "them")}, else ask_human");
        }

        foreach (var p in skill.Parameters.Where(p => !values.ContainsKey(p.Name) && p.Default is not null))
        {
            values[p.Name] = p.Default!;
        }

        try
        {
            var flow = FlowLoader.Load(skill.SourcePath, new Dictionary<string, string>(values, StringComparer.Ordinal) { ["baseUrl"] = baseUrl });
            return (flow, values, null);
        }
        catch (FlowFormatException e)
        {
            return (null, None(), $"skill {id} could not be loaded: {e.Message}");
        }
    }

    /// <summary>The options of the select labelled <paramref name="field"/> on the page; empty when it is not there.</summary>
    private static IReadOnlyList<string> LiveOptions(Observation observation, string? field) =>
        field is null
            ? []
            : observation.Elements.FirstOrDefault(e => e.Options.Count > 0 && string.Equals(e.Label.Trim(), field.Trim(), StringComparison.OrdinalIgnoreCase))?.Options ?? [];
}
