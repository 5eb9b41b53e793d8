using System.Text.Json;
using ActionAgent.Cli.Hosting;
using ActionAgent.Cli.Output;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Runtime;
using Microsoft.Extensions.Logging;
using Serilog.Extensions.Logging;

namespace ActionAgent.Cli.Commands;

/// <summary>Runs one task through <see cref="AgentHost"/> and turns the result (or the failure) into output and an exit code.</summary>
public static class RunExecution
{
    /// <summary>Runs and reports; never throws for expected failures.</summary>
    public static Task<int> ExecuteAsync(CliSettings settings, string task, string? url, Func<IDecider> decider, CancellationToken cancellationToken) =>
        ExecuteAsync(settings, task, url, _ => (decider(), null), cancellationToken);

    /// <summary>Runs and reports with a decider built from the run's logger factory (models need it); the owner is disposed after the run.</summary>
    public static async Task<int> ExecuteAsync(CliSettings settings, string task, string? url, Func<ILoggerFactory, (IDecider Decider, IDisposable? Owner)> decider, CancellationToken cancellationToken)
    {
        await using var serilog = LoggingSetup.Create(Path.Combine(RepoPaths.Root, "logs"), settings.Verbose);
        using var loggerFactory = new SerilogLoggerFactory(serilog);
        try
        {
            var (chosen, owner) = decider(loggerFactory);
            using var ownerScope = owner;
            var result = await new AgentHost(settings, loggerFactory).RunAsync(task, url, chosen, cancellationToken);
            var exit = ExitCodes.For(result);
            if (settings.Output == OutputMode.Json)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    type = "result",
                    runId = result.RunId,
                    status = result.Status.ToString(),
                    failure = result.Failure == Core.Execution.FailureKind.None ? null : result.Failure.ToString(),
                    message = result.Message,
                    steps = result.Steps,
                    tokens = result.Tokens,
                    cost = result.Cost,
                    recording = result.RecordingPath,
                    trace = result.TracePath,
                    exitCode = exit,
                }));
            }
            else if (result.RecordingPath is { } path)
            {
                Console.Out.WriteLine($"recording: {Path.GetRelativePath(Directory.GetCurrentDirectory(), path)}");
                if (result.TracePath is { } trace)
                {
                    var shown = Path.GetRelativePath(Directory.GetCurrentDirectory(), trace);
                    Console.Out.WriteLine($"trace: {shown} (open it with: npx playwright show-trace {shown})");
                }
            }

            return exit;
        }
        catch (Approvals.Policies.PolicyLoadException e)
        {
            return Error(settings, ExitCodes.BadInput, e.Errors.Count > 0 ? string.Join(Environment.NewLine, e.Errors.Select(x => x.ToString())) : e.Message);
        }
        catch (Exception e) when (IsBadInput(e))
        {
            return Error(settings, ExitCodes.BadInput, e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Error(settings, ExitCodes.Cancelled, "cancelled before the run started");
        }
        catch (Exception e)
        {
            loggerFactory.CreateLogger("ActionAgent").LogDebug(e, "run could not start");
            return Error(settings, ExitCodes.Environment, e.Message);
        }
    }

    /// <summary>Prints an error (to stderr, or as JSON) and returns the exit code.</summary>
    public static int Error(CliSettings settings, int exitCode, string message)
    {
        if (settings.Output == OutputMode.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new { status = "Error", message, exitCode }));
        }
        else
        {
            Console.Error.WriteLine($"error: {Core.Perception.InertText.Line(message)}");
        }

        return exitCode;
    }

    private static bool IsBadInput(Exception e) => e is ArgumentException or InvalidDataException or FormatException or JsonException or Browser.BrowserSettingsException or Models.Providers.ModelConfigurationException or Vision.Ocr.OcrModelsNotFoundException;
}
