using System.Security.Cryptography;
using ActionAgent.Flows.Definition;

namespace ActionAgent.Flows.Skills;

/// <summary>
/// The skills under a folder: every flow file that declares <c>parameters:</c> or <c>examples:</c>. Files that do not
/// load are errors (file:line:col) and keep the catalog from being used; plain flows are ignored.
/// </summary>
public sealed record SkillCatalog(IReadOnlyList<FlowDefinition> Skills, IReadOnlyList<FlowLoadError> Errors)
{
    /// <summary>Loads the skills under <paramref name="folders"/> (*.yaml, *.yml, recursively).</summary>
    public static SkillCatalog Load(IEnumerable<string> folders, IReadOnlyDictionary<string, string>? variables = null)
    {
        var loaded = FlowLoader.LoadAll(folders, variables);
        return new SkillCatalog(loaded.Flows.Where(f => f.IsSkill).ToList(), loaded.Errors);
    }

    /// <summary>The id a task names a skill by: its file name without extension ("refund-order").</summary>
    public static string IdOf(FlowDefinition skill) => Path.GetFileNameWithoutExtension(skill.SourcePath);

    /// <summary>The skill's version: the first 12 hex digits of the SHA-256 of its file (changes with every edit).</summary>
    public static string VersionOf(FlowDefinition skill)
    {
        ArgumentNullException.ThrowIfNull(skill);
        return File.Exists(skill.SourcePath)
            ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(skill.SourcePath)))[..12]
            : "";
    }
}
