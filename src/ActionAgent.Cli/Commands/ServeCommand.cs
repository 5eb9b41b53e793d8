using System.CommandLine;
using ActionAgent.Cli.Hosting;
using ActionAgent.Cli.Output;
using ActionAgent.Approvals.Store;
using ActionAgent.Serve.Store;
using ActionAgent.Serve.Web;

namespace ActionAgent.Cli.Commands;

/// <summary>
/// <c>actionagent serve</c>: the task service (JSON API, queue and task pages, approval dashboard) with one in-process
/// worker by default. Exit codes: 0 stopped with Ctrl+C, 2 bad input (tokens file, --store, newer store schema),
/// 3 the store cannot be reached or the port is taken.
/// </summary>
public static class ServeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (default 5290; 0 picks a free one)", DefaultValueFactory = _ => 5290 };
        var tokens = new Option<string?>("--tokens") { Description = "File of \"ROLE NAME TOKEN\" lines (ROLE: operator, reviewer or admin); required" };
        var workers = new Option<int>("--workers") { Description = "Tasks this process runs at once (default 1; 0 only serves, workers run elsewhere)", DefaultValueFactory = _ => 1 };
        var policies = new Option<string?>("--policies") { Description = "Folder of the policies a task may name (default: policies/ in the repository)" };
        var queue = new QueueCliOptions();
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log Information and above to the console (warnings always; everything to logs/)" };
        var command = new Command("serve", "Start the task service: submit tasks over HTTP, watch them run, approve held steps; Ctrl+C stops it") { port, tokens, workers, policies, verbose };
        queue.AddTo(command);
        command.SetAction(async (r, ct) =>
        {
            var options = new ServeOptions { Port = r.GetValue(port), Workers = r.GetValue(workers), PoliciesDirectory = Path.GetFullPath(r.GetValue(policies) ?? Path.Combine(RepoPaths.Root, "policies")) };
            try
            {
                if (r.GetValue(tokens) is not { } file)
                {
                    throw new ArgumentException("--tokens FILE is required: one \"ROLE NAME TOKEN\" line per person (see docs/serve.md)");
                }

                if (!File.Exists(file))
                {
                    throw new ArgumentException($"--tokens {file}: no such file");
                }

                if (options.Workers < 0 || options.Port is < 0 or > 65535)
                {
                    throw new ArgumentException("--workers must be 0 or more and --port 0-65535");
                }

                options.Tokens = ServeTokens.Parse(await File.ReadAllTextAsync(file, ct), file);
                options.Store = queue.ReadStore(r);
                options.Worker = queue.ReadWorker(r, options.Workers);
                options.Runner = queue.ReadRunner(r);
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                return Fail(ExitCodes.BadInput, e.Message);
            }

            await using var serilog = LoggingSetup.Create(Path.Combine(RepoPaths.Root, "logs"), r.GetValue(verbose));
            using var loggerFactory = new Serilog.Extensions.Logging.SerilogLoggerFactory(serilog);
            ServeApp app;
            try
            {
                app = await ServeApp.StartAsync(options, loggerFactory, cancellationToken: ct);
            }
            catch (Exception e) when (e is StoreSchemaException or InvalidDataException)
            {
                return Fail(ExitCodes.BadInput, e.Message);
            }
            catch (Exception e) when (e is StoreUnavailableException or ApprovalStoreUnavailableException)
            {
                return Fail(ExitCodes.Environment, e.Message);
            }
            catch (IOException e)
            {
                return Fail(ExitCodes.Environment, $"cannot listen on 127.0.0.1:{options.Port}: {e.Message} (choose another port with --port)");
            }

            await using (app)
            {
                Console.Out.WriteLine($"ActionAgent serve on {app.Url} (store {options.Store.Display}, {options.Workers} worker{(options.Workers == 1 ? "" : "s")} here)");
                Console.Out.WriteLine($"Tasks: {app.Url}tasks#token=YOUR_TOKEN · API: {app.Url}api/tasks · Approvals: {app.Url}approvals?token=YOUR_TOKEN; Ctrl+C stops it.");
                await app.RunUntilCancelledAsync(ct);
            }

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
