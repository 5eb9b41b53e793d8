using ActionAgent.Cli.Hosting;
using ActionAgent.Cli.Output;
using ActionAgent.Core.Decision;
using ActionAgent.Flows.Skills;
using ActionAgent.Meaning;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Cli.Commands.Skills;

/// <summary>
/// The skills step of <c>run</c>: with skills in the folder (default <c>flows/</c>), the task is matched against them
/// by meaning; a picked skill with its values runs through <see cref="SkillRunExecution"/>, no match falls back to the
/// explicit-step run (null), and anything unclear is asked on a terminal or stops with exit 1.
/// </summary>
public static class SkillRouting
{
    /// <summary>The default skills folder, relative to the current folder.</summary>
    public const string DefaultFolder = "flows";

    /// <summary>
    /// Runs the task as a skill and returns the exit code, or null to run it as explicit steps. With
    /// <paramref name="handOver"/> (<c>--model auto</c>) only a confident, complete match runs; anything else (no match,
    /// ambiguous, a value missing or unclear) returns null without asking, for the model to take with the skills as tools.
    /// </summary>
    public static async Task<int?> TryRunAsync(CliSettings settings, string task, string? url, string? folder, Func<ILoggerFactory, (IDecider Decider, IDisposable? Owner)> decider, CancellationToken cancellationToken, bool handOver = false)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (ExplicitSteps.Are(task))
        {
            return null;
        }

        var dir = folder ?? DefaultFolder;
        if (!Directory.Exists(dir))
        {
            return folder is null ? null : RunExecution.Error(settings, ExitCodes.BadInput, $"--skills {folder}: no such folder; give a folder of skill files (or leave --skills out)");
        }

        var catalog = SkillCatalog.Load([dir], SkillsCommand.ListVariables);
        if (catalog.Errors.Count > 0)
        {
            return RunExecution.Error(settings, ExitCodes.BadInput, string.Join(Environment.NewLine, catalog.Errors.Select(e => e.Message)) + Environment.NewLine + "fix the skill file(s) above, or run with --no-skills");
        }

        if (catalog.Skills.Count == 0)
        {
            return null;
        }

        var model = MiniLmMeaningModel.Instance;
        var filler = new SkillFiller(model);
        var picker = new SkillPicker(model, mask: (skill, text) => filler.Fill(skill, text).Masked);
        var interactive = !Console.IsInputRedirected && settings.Output != OutputMode.Json;
        var selector = new SkillSelector(picker, filler, handOver ? TextWriter.Null : Console.Error, interactive && !handOver ? Prompt : null);
        var choice = selector.Choose(task, catalog.Skills);
        if (handOver && (choice.FallBack || choice.ExitCode is not null))
        {
            Console.Error.WriteLine($"no confident, complete skill match ({(choice.FallBack ? "no skill close enough" : choice.Message)}); the model takes the task, with the skills as tools");
            return null;
        }
        if (choice.FallBack)
        {
            return null;
        }

        if (choice.ExitCode is { } code)
        {
            return RunExecution.Error(settings, code, choice.Message);
        }

        if (url is null)
        {
            return RunExecution.Error(settings, ExitCodes.BadInput, $"skill {SkillCatalog.IdOf(choice.Fill!.Skill)} needs --url: its origin is the skill's ${{baseUrl}}");
        }

        return await SkillRunExecution.ExecuteAsync(settings, choice, task, url, decider, cancellationToken);
    }

    private static string? Prompt(string question)
    {
        Console.Error.Write(question);
        return Console.ReadLine();
    }
}
