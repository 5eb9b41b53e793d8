using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using ActionAgent.Browser.Tracing;
using ActionAgent.Cli.Output;

namespace ActionAgent.Cli.Commands;

/// <summary>
/// <c>actionagent trace show RECORDING|trace.zip [--port N]</c>: serves Playwright's own trace viewer (the one bundled
/// with the Playwright driver, so no npm install is needed) for a run's or flow's trace, on 127.0.0.1, until Ctrl+C.
/// </summary>
public static class TraceCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var target = new Argument<string>("trace") { Description = "A recording folder (recordings/<run>) or its trace.zip" };
        var port = new Option<int>("--port") { Description = "Port to serve the viewer on (default 9323; 0 for any free port)", DefaultValueFactory = _ => 9323 };
        var show = new Command("show", "Open a run's Playwright trace in the trace viewer (served on 127.0.0.1; open the printed address)") { target, port };
        show.SetAction(async (result, ct) => await ShowAsync(result.GetValue(target)!, result.GetValue(port), ct));
        return new Command("trace", "Work with Playwright traces kept by --trace") { show };
    }

    /// <summary>The trace.zip a path names: the file itself, or the one in a recording folder.</summary>
    public static string? Resolve(string path) =>
        File.Exists(path) ? Path.GetFullPath(path)
        : Directory.Exists(path) && File.Exists(Path.Combine(path, RunTrace.FileName)) ? Path.GetFullPath(Path.Combine(path, RunTrace.FileName))
        : null;

    private static async Task<int> ShowAsync(string path, int port, CancellationToken ct)
    {
        if (Resolve(path) is not { } zip)
        {
            await Console.Error.WriteLineAsync(Directory.Exists(path)
                ? $"{path} holds no {RunTrace.FileName}: run with --trace on (or retain-on-failure, the default of `test`, which keeps it for failures only)"
                : $"{path}: no such file or folder; give a recording folder (recordings/<run>) or its {RunTrace.FileName}");
            return ExitCodes.BadInput;
        }

        if (port is < 0 or > 65535)
        {
            await Console.Error.WriteLineAsync($"--port must be between 0 and 65535, got {port}");
            return ExitCodes.BadInput;
        }

        var driver = Path.Combine(AppContext.BaseDirectory, ".playwright");
        var node = Path.Combine(driver, "node", Rid(), RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "node.exe" : "node");
        var cli = Path.Combine(driver, "package", "cli.js");
        if (!File.Exists(node) || !File.Exists(cli))
        {
            await Console.Error.WriteLineAsync($"the Playwright driver is not next to actionagent ({driver}); rebuild with `bash scripts/setup.sh`, or use `npx playwright show-trace {zip}`");
            return ExitCodes.Environment;
        }

        var start = new ProcessStartInfo(node) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { cli, "show-trace", "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), zip })
        {
            start.ArgumentList.Add(arg);
        }

        // The viewer would try to open a desktop browser tab; there may be none. The address is printed instead.
        start.Environment["BROWSER"] = "none";
        using var viewer = Process.Start(start) ?? throw new InvalidOperationException("could not start the Playwright trace viewer");
        _ = viewer.StandardError.ReadToEndAsync(ct);
        try
        {
            while (await viewer.StandardOutput.ReadLineAsync(ct) is { } line)
            {
                const string listening = "Listening on ";
                if (line.StartsWith(listening, StringComparison.Ordinal))
                {
                    var at = line[listening.Length..].Trim().TrimEnd('/');
                    // The root redirects to the viewer with this trace loaded (and the viewer's socket id).
                    Console.Out.WriteLine($"trace viewer: {at}/");
                    Console.Out.WriteLine("open it in a browser; Ctrl+C stops the viewer");
                }
            }

            await viewer.WaitForExitAsync(ct);
            return viewer.ExitCode == 0 ? ExitCodes.Success : ExitCodes.Environment;
        }
        catch (OperationCanceledException)
        {
            viewer.Kill(entireProcessTree: true);
            return ExitCodes.Success;
        }
    }

    private static string Rid() =>
        (RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "win32_" : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "mac-" : "linux-")
        + (RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "arm64" : "x64");
}
