using ActionAgent.Core.Decision;
using ActionAgent.Flows.Definition;

namespace ActionAgent.Flows.Skills;

/// <summary>A skill as a model sees it among its actions (<see cref="SkillTool"/>): id, name, description, typed parameters.</summary>
public static class SkillToolDescription
{
    /// <summary>The tool for <paramref name="skill"/>.</summary>
    public static SkillTool Of(FlowDefinition skill)
    {
        ArgumentNullException.ThrowIfNull(skill);
        return new SkillTool(
            SkillCatalog.IdOf(skill),
            skill.Name,
            skill.Description,
            skill.Parameters.Select(p => new SkillToolParameter(p.Name, p.Type.ToString().ToLowerInvariant(), p.IsRequired)
            {
                Default = p.Default,
                Options = p.Options,
                Description = p.Description,
            }).ToList());
    }
}
