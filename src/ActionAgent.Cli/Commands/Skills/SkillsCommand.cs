using System.CommandLine;
using ActionAgent.Cli.Output;
using ActionAgent.Flows.Skills;

namespace ActionAgent.Cli.Commands.Skills;

/// <summary><c>actionagent skills list</c> (and <c>add</c>): the skills a folder holds, or a new skill from a recording.</summary>
public static class SkillsCommand
{
    /// <summary>Variables for loading skills without a site: <c>${baseUrl}</c> stays as written.</summary>
    public static IReadOnlyDictionary<string, string> ListVariables { get; } = new Dictionary<string, string> { ["baseUrl"] = "${baseUrl}" };

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var dir = new Option<string[]>("--dir", "-d") { Description = $"Folders of skill files (default: {SkillRouting.DefaultFolder}/)", AllowMultipleArgumentsPerToken = true };
        var list = new Command("list", "Show the skills (flows with parameters: or examples:) with their parameters") { dir };
        list.SetAction(result => List(result.GetValue(dir) is { Length: > 0 } dirs ? dirs : [SkillRouting.DefaultFolder], Console.Out, Console.Error));
        return new Command("skills", "Skills: flows with parameters that 'run \"task\"' picks by meaning") { list, SkillAddCommand.Create() };
    }

    /// <summary>Prints the skills under <paramref name="folders"/>; a file that does not load is refused with its location (exit 2).</summary>
    public static int List(IReadOnlyList<string> folders, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(folders);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var missing in folders.Where(f => !Directory.Exists(f) && !File.Exists(f)))
        {
            errors.WriteLine($"error: --dir {missing}: no such folder");
            return ExitCodes.BadInput;
        }

        var catalog = SkillCatalog.Load(folders, ListVariables);
        foreach (var error in catalog.Errors)
        {
            errors.WriteLine($"error: {error.Message}");
        }

        if (catalog.Errors.Count > 0)
        {
            return ExitCodes.BadInput;
        }

        if (catalog.Skills.Count == 0)
        {
            output.WriteLine($"no skills in {string.Join(", ", folders)} (a skill is a flow file with parameters: or examples:; see docs/skills.md)");
            return ExitCodes.Success;
        }

        foreach (var skill in catalog.Skills)
        {
            output.WriteLine($"{SkillCatalog.IdOf(skill)}: {skill.Name} ({Path.GetRelativePath(Directory.GetCurrentDirectory(), skill.SourcePath)}, version {SkillCatalog.VersionOf(skill)})");
            if (skill.Description.Length > 0)
            {
                output.WriteLine($"  {skill.Description}");
            }

            foreach (var p in skill.Parameters)
            {
                output.WriteLine($"  - {p.Summary()}");
            }

            foreach (var example in skill.Examples)
            {
                output.WriteLine($"  e.g. {example}");
            }
        }

        return ExitCodes.Success;
    }
}
