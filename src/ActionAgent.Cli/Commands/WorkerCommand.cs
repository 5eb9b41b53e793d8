using System.CommandLine;
using ActionAgent.Approvals.Store;
using ActionAgent.Cli.Output;
using ActionAgent.Serve.Queue;
using ActionAgent.Serve.Web;
using ActionAgent.Serve.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;

namespace ActionAgent.Cli.Commands;

/// <summary>
/// <c>actionagent worker --store …</c>: takes tasks from the shared queue and runs each as <c>actionagent run</c>.
/// Exit codes: 0 stopped with Ctrl+C, 2 bad input (--store, newer store schema), 3 the store cannot be reached.
/// </summary>
public static class WorkerCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var concurrency = new Option<int>("--concurrency") { Description = "Tasks this worker runs at once, one Chromium each (default 1)", DefaultValueFactory = _ => 1 };
        var queue = new QueueCliOptions();
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log Information and above to the console (warnings always; everything to logs/)" };
        var command = new Command("worker", "Run tasks from the serve queue (same store as actionagent serve); Ctrl+C stops it") { concurrency, verbose };
        queue.AddTo(command);
        command.SetAction(async (r, ct) =>
        {
            StoreLocation location;
            WorkerOptions worker;
            RunnerOptions runner;
            try
            {
                if (r.GetValue(concurrency) < 1)
                {
                    throw new ArgumentException($"--concurrency must be at least 1, got {r.GetValue(concurrency)}");
                }

                location = queue.ReadStore(r);
                worker = queue.ReadWorker(r, r.GetValue(concurrency));
                runner = queue.ReadRunner(r);
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                return Fail(ExitCodes.BadInput, e.Message);
            }

            TaskStore store;
            IApprovalDatabase approvals;
            try
            {
                store = await TaskStore.OpenAsync(location, cancellationToken: ct);
                approvals = await ApprovalStores.OpenAsync(runner.ApprovalsDb, cancellationToken: ct);
                await ServeApp.CheckAuditAsync(Approvals.Audit.AuditLog.Open(runner.AuditPath), ct);
            }
            catch (Exception e) when (e is StoreSchemaException or InvalidDataException)
            {
                return Fail(ExitCodes.BadInput, e.Message);
            }
            catch (Exception e) when (e is StoreUnavailableException or ApprovalStoreUnavailableException)
            {
                return Fail(ExitCodes.Environment, e.Message);
            }

            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            await using var serilog = Hosting.LoggingSetup.Create(Path.Combine(Hosting.RepoPaths.Root, "logs"), r.GetValue(verbose));
            builder.Logging.AddSerilog(serilog, dispose: false);
            builder.Services.AddTaskQueue(store, approvals, worker, runner, worker.Concurrency);
            using var host = builder.Build();
            Console.Out.WriteLine($"ActionAgent worker {worker.Name} on {location.Display}, {worker.Concurrency} at once; Ctrl+C stops it.");
            await host.StartAsync(ct);
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
            }

            await host.StopAsync(CancellationToken.None);
            return ExitCodes.Success;
        });
        return command;
    }

    private static int Fail(int code, string message)
    {
        Console.Error.WriteLine($"error: {Core.Perception.InertText.Line(message)}");
        return code;
    }
}
