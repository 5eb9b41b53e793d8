using System.CommandLine;
using System.Net.Sockets;
using ActionAgent.Cli.Output;
using ActionAgent.SampleApp;

namespace ActionAgent.Cli.Commands;

/// <summary>
/// <c>actionagent sample-app</c>: serves the Ops Portal sample app on 127.0.0.1 until Ctrl+C or SIGTERM, so flows and
/// runs have something to work on; prints its base URL first.
/// </summary>
public static class SampleAppCommand
{
    /// <summary>The port used when --port is not given (the flows' and README's <c>http://127.0.0.1:5000</c>).</summary>
    public const int DefaultPort = 5000;

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var port = new Option<int>("--port", "-p") { Description = $"TCP port on 127.0.0.1 (0: any free port, printed)", DefaultValueFactory = _ => DefaultPort };
        var alternate = new Option<bool>("--alternate-layout") { Description = "Serve the alternate layout (moved and relabelled elements), for self-healing tests" };
        var command = new Command("sample-app", "Serve the Ops Portal sample app on 127.0.0.1 until Ctrl+C (sign in as ops / ops-pass)") { port, alternate };
        command.SetAction(async (result, ct) =>
        {
            var requested = result.GetValue(port);
            if (requested is < 0 or > 65535)
            {
                Console.Error.WriteLine($"error: --port must be between 0 (any free port) and 65535, got {requested}");
                return ExitCodes.BadInput;
            }

            SampleAppServer app;
            try
            {
                app = await SampleAppServer.StartAsync(new SampleAppOptions { Port = requested, AlternateLayout = result.GetValue(alternate) }, ct);
            }
            catch (Exception e) when (IsPortInUse(e))
            {
                Console.Error.WriteLine($"error: port {requested} on 127.0.0.1 is already in use: stop what uses it, or pick another with --port N (--port 0 takes any free port)");
                return ExitCodes.Environment;
            }

            await using (app)
            {
                Console.Out.WriteLine($"Ops Portal running at {app.BaseUrl} (sign in as ops / ops-pass){(app.AlternateLayout ? ", alternate layout" : "")}");
                Console.Out.WriteLine($"try: actionagent test flows/ --var baseUrl={app.BaseUrl}");
                Console.Out.WriteLine("press Ctrl+C to stop");
                Console.Out.Flush();
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C or SIGTERM: the normal way to stop the app.
                }
            }

            Console.Out.WriteLine("Ops Portal stopped");
            return ExitCodes.Success;
        });
        return command;
    }

    // Kestrel reports a taken port as an IOException wrapping "address already in use".
    private static bool IsPortInUse(Exception e) =>
        e is IOException { InnerException: SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } }
        || e is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }
        || (e is IOException && e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase));
}
