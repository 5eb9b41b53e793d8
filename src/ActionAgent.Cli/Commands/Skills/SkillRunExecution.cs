using ActionAgent.Cli.Commands.Flows;
using ActionAgent.Cli.Hosting;
using ActionAgent.Cli.Hosting.Flows;
using ActionAgent.Cli.Output;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Recording;
using ActionAgent.Flows.Definition;
using ActionAgent.Flows.Expectations;
using ActionAgent.Flows.Running;
using ActionAgent.Flows.Skills;
using Microsoft.Extensions.Logging;
using Serilog.Extensions.Logging;

namespace ActionAgent.Cli.Commands.Skills;

/// <summary>
/// Runs a picked and filled skill for <c>run</c>: its file is loaded again with the filled values (and
/// <c>${baseUrl}</c> = the origin of <c>--url</c>), then run by the same <see cref="FlowRunner"/> and governed pipeline
/// as <c>actionagent test</c> (policy, network guard, approvals, audit, declared secrets, recording). run.json names the
/// skill, its file hash and the values.
/// </summary>
public static class SkillRunExecution
{
    /// <summary>Runs the skill; returns the exit code (0 when every step and expectation passed).</summary>
    public static async Task<int> ExecuteAsync(CliSettings settings, SkillChoice choice, string task, string url, Func<ILoggerFactory, (IDecider Decider, IDisposable? Owner)> decider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choice);
        var fill = choice.Fill ?? throw new ArgumentException("no skill to run", nameof(choice));
        var skill = fill.Skill;
        var values = new Dictionary<string, string>(fill.ValuesWithDefaults(), StringComparer.Ordinal)
        {
            ["baseUrl"] = new Uri(url).GetLeftPart(UriPartial.Authority),
        };
        var record = new SkillRecord
        {
            Id = SkillCatalog.IdOf(skill),
            Name = skill.Name,
            File = skill.SourcePath,
            Version = SkillCatalog.VersionOf(skill),
            Score = Math.Round(choice.Score, 3),
            Parameters = fill.ValuesWithDefaults(),
            Answered = choice.Answered,
        };
        Console.Error.WriteLine($"skill: {record.Id} (\"{skill.Name}\", version {record.Version}, match {choice.Score:0.00}) with {string.Join(", ", record.Parameters.Where(p => p.Value.Length > 0).Select(p => $"{p.Key}={p.Value}"))}");

        await using var serilog = LoggingSetup.Create(Path.Combine(RepoPaths.Root, "logs"), settings.Verbose);
        using var loggerFactory = new SerilogLoggerFactory(serilog);
        try
        {
            var flow = FlowLoader.Load(skill.SourcePath, values) with { Invocation = new SkillInvocation(task, record) };
            var pipeline = await new PipelineFactory(settings, loggerFactory).CreateAsync(cancellationToken);
            var checkedFlows = TestCommand.CheckStartUrls(TestCommand.CheckSecrets(new FlowLoadResult([flow], []), pipeline.Secrets), pipeline.Policy);
            if (checkedFlows.Errors.Count > 0)
            {
                return RunExecution.Error(settings, ExitCodes.BadInput, string.Join(Environment.NewLine, checkedFlows.Errors.Select(e => e.Message)));
            }

            var browser = AgentHost.LoadBrowserSettings(settings);
            var (chosen, owner) = decider(loggerFactory);
            using var ownerScope = owner;
            using var perception = PerceptionFactory.Create(settings.Perception ?? Vision.Perception.PerceptionMode.Dom, loggerFactory, Console.Error);
            var options = new FlowRunnerOptions
            {
                RecordingsRoot = Path.GetFullPath(settings.RecordingsDirectory),
                BaseUrl = values["baseUrl"],
            };
            options.Agent.RecordMarks = settings.RecordMarks;
            var runner = new FlowRunner(
                new PlaywrightFlowSessionFactory(pipeline, browser, loggerFactory, settings.Perception is null ? null : perception, settings.Trace),
                _ => chosen,
                options,
                TimeProvider.System,
                loggerFactory)
            {
                Checker = new ExpectationChecker(OpenCvFlowImaging.Instance, OpenCvFlowImaging.Instance),
            };
            var result = await runner.RunFlowAsync(flow, new FlowProgressDisplay(settings.Output == OutputMode.Json ? OutputMode.Plain : settings.Output, Console.Error), cancellationToken);
            var exit = result.Status switch
            {
                FlowStatus.Passed => ExitCodes.Success,
                FlowStatus.Cancelled => ExitCodes.Cancelled,
                _ => ExitCodes.RunFailed,
            };
            if (settings.Output == OutputMode.Json)
            {
                Console.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
                {
                    type = "result",
                    status = result.Status.ToString(),
                    message = result.Message,
                    skill = record.Id,
                    skillVersion = record.Version,
                    parameters = record.Parameters,
                    recording = result.RecordingPath,
                    exitCode = exit,
                }));
            }
            else
            {
                Console.Out.WriteLine($"{(result.Passed ? "done" : "FAILED")}: skill {record.Id}: {result.Message}");
                if (result.RecordingPath is { } path)
                {
                    Console.Out.WriteLine($"recording: {Path.GetRelativePath(Directory.GetCurrentDirectory(), path)}");
                }
            }

            return exit;
        }
        catch (FlowFormatException e)
        {
            return RunExecution.Error(settings, ExitCodes.BadInput, e.Message);
        }
        catch (Approvals.Policies.PolicyLoadException e)
        {
            return RunExecution.Error(settings, ExitCodes.BadInput, e.Errors.Count > 0 ? string.Join(Environment.NewLine, e.Errors.Select(x => x.ToString())) : e.Message);
        }
        catch (Browser.BrowserSettingsException e)
        {
            return RunExecution.Error(settings, ExitCodes.BadInput, e.Message);
        }
    }
}
