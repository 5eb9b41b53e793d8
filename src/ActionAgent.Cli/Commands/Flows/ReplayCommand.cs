using System.CommandLine;
using ActionAgent.Cli.Hosting;
using ActionAgent.Cli.Hosting.Flows;
using ActionAgent.Cli.Output;
using ActionAgent.Core.Recording;
using ActionAgent.Flows.Replay;
using ActionAgent.Flows.Reporting;
using Serilog.Extensions.Logging;

namespace ActionAgent.Cli.Commands.Flows;

/// <summary><c>actionagent replay recordings/&lt;run&gt;</c>: re-runs a recording without a model and reports drift per step.</summary>
public static class ReplayCommand
{
    // The replay compares a screen per step (and again while it waits for the recorded one): no diff pictures.
    private static readonly OpenCvFlowImaging ReplayImaging = new(diffImages: false);

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var recording = new Argument<string>("recording") { Description = "A recording folder (recordings/<run>)" };
        var baseUrl = new Option<string?>("--base-url") { Description = "Replace the recorded origin (scheme://host:port) with this one" };
        var output = new Option<string?>("--output", "-o") { Description = "Replay report file (default: <recording>/replay.html)" };
        var common = new FlowCommandOptions();
        var command = new Command("replay", "Replay a recorded run without a model and report drift per step") { recording, baseUrl, output };
        common.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            var dir = result.GetValue(recording)!;
            if (!Directory.Exists(dir))
            {
                Console.Error.WriteLine($"error: {dir}: no such recording folder");
                return ExitCodes.BadInput;
            }

            var (settle, settleError) = common.GetSettle(result);
            if (settleError is not null)
            {
                Console.Error.WriteLine($"error: {settleError}");
                return ExitCodes.BadInput;
            }

            await using var serilog = LoggingSetup.Create(Path.Combine(RepoPaths.Root, "logs"), result.GetValue(common.Verbose));
            using var loggerFactory = new SerilogLoggerFactory(serilog);
            try
            {
                var recorded = RunRecording.Load(dir);
                var browser = common.LoadBrowser(result);
                // The same governed pipeline as run: policy, approver, network guard, audit, declared secrets only.
                var pipeline = await new PipelineFactory(common.ReadGovernance(result), loggerFactory).CreateAsync(ct);

                // Like test: a secret the replay would type but cannot stops it here, before any browser starts.
                var secretProblems = RecordingSecrets.NamesIn(recorded).Select(pipeline.Secrets.Check).OfType<string>().ToList();
                if (secretProblems.Count > 0)
                {
                    Console.Error.WriteLine($"error: {dir}: {string.Join("; ", secretProblems)}");
                    return ExitCodes.BadInput;
                }

                // Like run: a start URL the policy refuses (a recording is a file anyone with the folder can edit) stops here.
                if (recorded.Manifest.StartUrl is { Length: > 0 } recordedStart
                    && new UrlRebaser(recordedStart, result.GetValue(baseUrl)).Rebase(recordedStart) is var start
                    && (UrlCheck.Problem(start) ?? UrlCheck.PolicyProblem(start, pipeline.Policy)) is { } startProblem)
                {
                    Console.Error.WriteLine($"error: {dir}: run.json startUrl: {startProblem}");
                    return ExitCodes.BadInput;
                }

                var runner = new ReplayRunner(
                    new PlaywrightFlowSessionFactory(pipeline, browser, loggerFactory),
                    new ReplayOptions { Settle = settle, BaseUrl = result.GetValue(baseUrl), RecordingsRoot = Path.GetFullPath(result.GetValue(common.Recordings) ?? "recordings") },
                    TimeProvider.System,
                    loggerFactory)
                {
                    // Screens are compared by pixels (small rendering noise ignored); targets with only an image are found by template matching.
                    Comparer = ReplayImaging,
                    Matcher = ReplayImaging,
                };
                var report = await runner.RunAsync(recorded, ct);
                foreach (var (step, index) in report.Steps.Select((s, i) => (s, i + 1)))
                {
                    // Flow recordings number their "done" steps too, so the recorded numbers run 1, 3, 5…: say both.
                    var line = $"step {index}: {Core.Perception.InertText.Line(step.Action)} (recorded step {step.OriginalStep}) -> drift {step.Severity.ToString().ToLowerInvariant()}";
                    Console.Out.WriteLine(step.Differences.Count == 0 ? line : $"{line}: {Core.Perception.InertText.Line(string.Join("; ", step.Differences))}");
                }

                var path = result.GetValue(output) ?? Path.Combine(dir, "replay.html");
                HtmlReportWriter.WriteReplay(report, path);
                Console.Out.WriteLine(report.Summary);
                Console.Out.WriteLine($"report: {path}");
                return report.Passed ? ExitCodes.Success : report.Failure == Core.Execution.FailureKind.None ? ExitCodes.RunFailed : ExitCodes.For(report.Failure);
            }
            catch (Approvals.Policies.PolicyLoadException e)
            {
                Console.Error.WriteLine($"error: {(e.Errors.Count > 0 ? string.Join(Environment.NewLine, e.Errors.Select(x => x.ToString())) : e.Message)}");
                return ExitCodes.BadInput;
            }
            catch (Exception e) when (e is ArgumentException or InvalidDataException or FileNotFoundException or Browser.BrowserSettingsException or System.Text.Json.JsonException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.BadInput;
            }
            catch (Browser.BrowserSessionException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.Environment;
            }
        });
        return command;
    }
}
