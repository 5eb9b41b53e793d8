using ActionAgent.Flows.Definition;

namespace ActionAgent.Flows.Skills;

/// <summary>
/// The parameters of a skill read from a task: the values found (by name), and the questions left (missing or
/// unclear parameters). A skill runs only when <see cref="IsComplete"/>; questions are asked, never guessed.
/// </summary>
public sealed record SkillFill(FlowDefinition Skill, IReadOnlyDictionary<string, string> Values, IReadOnlyList<ParameterQuestion> Questions)
{
    /// <summary>The task with each value found replaced by its parameter's name ("Refund order order for amount"), for picking.</summary>
    public string Masked { get; init; } = "";

    /// <summary>True when every required parameter has a value and nothing is unclear.</summary>
    public bool IsComplete => Questions.Count == 0;

    /// <summary>The values to run with: found values, then defaults for the rest.</summary>
    public IReadOnlyDictionary<string, string> ValuesWithDefaults()
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in Skill.Parameters)
        {
            if (Values.TryGetValue(p.Name, out var v))
            {
                all[p.Name] = v;
            }
            else if (p.Default is not null)
            {
                all[p.Name] = p.Default;
            }
        }

        return all;
    }

    /// <summary>A copy with <paramref name="name"/> answered (by the user), its question removed.</summary>
    public SkillFill Answer(string name, string value)
    {
        var values = new Dictionary<string, string>(Values, StringComparer.Ordinal) { [name] = value };
        return this with { Values = values, Questions = Questions.Where(q => q.Parameter.Name != name).ToList() };
    }
}
