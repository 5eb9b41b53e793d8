using System.CommandLine;

namespace ActionAgent.Cli.Commands;

/// <summary><c>actionagent run "&lt;task&gt;" --url …</c>: carry out a task on a page.</summary>
public static class RunCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var task = new Argument<string>("task") { Description = "The task, in plain English (explicit steps for the offline interpreter)" };
        var url = new Option<string?>("--url", "-u") { Description = "Start URL (omit with --cdp to act in the already-open page)" };
        var skills = new Option<string?>("--skills") { Description = $"Folder of skills (flows with parameters:) picked by meaning for a goal-style task (default: {Skills.SkillRouting.DefaultFolder}/ when it exists)" };
        var noSkills = new Option<bool>("--no-skills") { Description = "Do not pick a skill: read the task as explicit steps" };
        var common = new CommonOptions();
        var models = new ModelCliOptions();
        var command = new Command("run", "Carry out a task on a web page") { task, url, skills, noSkills };
        common.AddTo(command);
        models.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            Hosting.CliSettings settings;
            try
            {
                settings = common.Read(result);
            }
            catch (ArgumentException e)
            {
                return RunExecution.Error(new Hosting.CliSettings(), Output.ExitCodes.BadInput, e.Message);
            }

            var start = result.GetValue(url);
            if (start is null && settings.CdpUrl is null)
            {
                return RunExecution.Error(settings, Output.ExitCodes.BadInput, "--url is required (or --cdp to act in an already-open page)");
            }

            if (string.IsNullOrWhiteSpace(result.GetValue(task)))
            {
                return RunExecution.Error(settings, Output.ExitCodes.BadInput, "the task is empty: say what to do, e.g. actionagent run \"Click Orders\" --url http://…");
            }

            // The start URL is checked before any browser starts: a missing scheme or a host the policy refuses is bad input.
            if (start is not null)
            {
                try
                {
                    if ((Hosting.UrlCheck.Problem(start) ?? Hosting.UrlCheck.PolicyProblem(start, Hosting.PipelineFactory.LoadPolicy(settings))) is { } problem)
                    {
                        return RunExecution.Error(settings, Output.ExitCodes.BadInput, "--url: " + problem);
                    }
                }
                catch (Approvals.Policies.PolicyLoadException)
                {
                    // Reported with its file:line:col messages by RunExecution below.
                }
            }

            // Skills: the interpreter and auto try a confident, complete skill match first (auto then hands anything
            // less to the model); a model decider sees the skills as one-call actions (run_skill).
            var useSkills = !result.GetValue(noSkills);
            var offline = models.IsInterpreter(result);
            var auto = string.Equals(result.GetValue(models.Model)?.Trim(), "auto", StringComparison.OrdinalIgnoreCase);
            Func<Microsoft.Extensions.Logging.ILoggerFactory, (Core.Decision.IDecider, IDisposable?)> decider = loggers =>
                models.Create(result, loggers, useSkills ? (model, interpreter) => Skills.SkillTools.Wrap(model, interpreter, result.GetValue(skills), loggers) : null);
            if (useSkills && (offline || auto)
                && await Skills.SkillRouting.TryRunAsync(settings, result.GetValue(task)!, start, result.GetValue(skills), loggers => models.Create(result, loggers), ct, handOver: auto) is { } skillExit)
            {
                return skillExit;
            }

            return await RunExecution.ExecuteAsync(settings, result.GetValue(task)!, start, decider, ct);
        });
        return command;
    }
}
