using ActionAgent.Core.Decision;
using ActionAgent.Flows.Skills;
using ActionAgent.Meaning;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Cli.Commands.Skills;

/// <summary>
/// Gives a model decider of <c>run</c> the skills of a folder as one-call actions (<see cref="SkillDecider"/>): the skill
/// steps are grounded by the same offline interpreter as flows. Without skills the model decider is returned as is.
/// </summary>
public static class SkillTools
{
    /// <summary>
    /// Wraps <paramref name="model"/>; throws <see cref="ArgumentException"/> (exit 2) for a missing <c>--skills</c> folder or
    /// a skill file that does not load.
    /// </summary>
    public static IDecider Wrap(IDecider model, IDecider interpreter, string? folder, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        var dir = folder ?? SkillRouting.DefaultFolder;
        if (!Directory.Exists(dir))
        {
            return folder is null ? model : throw new ArgumentException($"--skills {folder}: no such folder; give a folder of skill files (or leave --skills out)");
        }

        var catalog = SkillCatalog.Load([dir], SkillsCommand.ListVariables);
        if (catalog.Errors.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, catalog.Errors.Select(e => e.Message)) + Environment.NewLine + "fix the skill file(s) above, or run with --no-skills");
        }

        if (catalog.Skills.Count == 0)
        {
            return model;
        }

        var meaning = MiniLmMeaningModel.Instance;
        var filler = new SkillFiller(meaning);
        var picker = new SkillPicker(meaning, mask: (skill, text) => filler.Fill(skill, text).Masked);
        return new SkillDecider(model, interpreter, catalog.Skills, picker, logger: loggers.CreateLogger<SkillDecider>())
        {
            Checker = new ActionAgent.Flows.Expectations.ExpectationChecker(Hosting.Flows.OpenCvFlowImaging.Instance, Hosting.Flows.OpenCvFlowImaging.Instance),
        };
    }
}
