using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace ActionAgent.Eval;

/// <summary>
/// Runs the real ActionAgent CLI (`actionagent run … --cdp`) in the harness's page, as a user would,
/// bounded by --max-steps, --step-timeout and a wall timeout after which the process tree is killed.
/// </summary>
public sealed class CliAgent(EvalOptions options) : IEvalAgent
{
    /// <inheritdoc />
    public string Name => "actionagent";

    /// <inheritdoc />
    public async Task<AgentRun> RunAsync(EvalTask task, IPage page, string cdpUrl, CancellationToken cancellationToken = default)
    {
        var recordings = Path.Combine(options.WorkFolder, "recordings");
        Directory.CreateDirectory(recordings);
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = options.RepoRoot,
        };
        string[] args =
        [
            options.CliPath, "run", task.Instruction,
            "--cdp", cdpUrl,
            "--json", "--yes",
            "--policy", options.PolicyPath,
            "--perception", "dom",
            "--recordings", recordings,
            "--run-id", $"eval-{task.Id}",
            "--audit", Path.Combine(options.WorkFolder, "audit.jsonl"),
            "--max-steps", options.MaxSteps.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--step-timeout", options.StepTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ];
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (stdout) { stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var wall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wall.CancelAfter(TimeSpan.FromSeconds(options.TaskTimeoutSeconds));
        try
        {
            await process.WaitForExitAsync(wall.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            return new AgentRun("Timeout", null, $"killed after the {options.TaskTimeoutSeconds} s wall timeout", clock.Elapsed.TotalSeconds);
        }

        // WaitForExit without a timeout flushes the redirected streams.
        process.WaitForExit();
        string output;
        lock (stdout)
        {
            output = stdout.ToString();
        }

        return Parse(output, process.ExitCode, clock.Elapsed.TotalSeconds, stderr.ToString());
    }

    private static AgentRun Parse(string output, int exitCode, double seconds, string stderr)
    {
        var line = output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith('{'));
        if (line is null)
        {
            var why = (stderr.Trim().Split('\n').LastOrDefault() ?? "").Trim();
            return new AgentRun("", exitCode, $"no JSON on stdout. {why}".Trim(), seconds);
        }

        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            return new AgentRun(
                root.TryGetProperty("status", out var s) ? s.GetString() ?? "" : "",
                exitCode,
                root.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "",
                seconds,
                root.TryGetProperty("steps", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetInt32() : null,
                root.TryGetProperty("recording", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null);
        }
        catch (JsonException)
        {
            return new AgentRun("", exitCode, $"unreadable JSON: {line}", seconds);
        }
    }
}
