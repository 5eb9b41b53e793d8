using System.Diagnostics;
using System.Text.Json;
using ActionAgent.Approvals.Audit;
using ActionAgent.Approvals.Reviewers;
using ActionAgent.Approvals.Secrets;
using ActionAgent.Approvals.Store;
using ActionAgent.Serve.Tasks;

namespace ActionAgent.Serve.Queue;

/// <summary>
/// Runs a task as a child <c>actionagent run … --approver web --json</c>: the very command an operator would type, so
/// the run has the same policy, guard, secrets, audit and approvals as any other, and each run owns its Chromium.
/// Only the secrets the task names are passed on (<c>ACTIONAGENT_SECRET_*</c> of other names are removed); the approval store
/// and audit log go by <c>ACTIONAGENT_APPROVALS_DB</c> and <c>ACTIONAGENT_AUDIT</c>, so a database password is never on the command line.
/// Cancelling sends SIGTERM (the run ends Cancelled and closes its recording), then kills after the grace period.
/// </summary>
public sealed class ChildProcessTaskRunner(RunnerOptions options) : ITaskRunner
{
    private const string SecretPrefix = "ACTIONAGENT_SECRET_";

    /// <inheritdoc />
    public async Task<TaskOutcome> RunAsync(ServeTask task, string runId, CancellationToken cancellationToken = default)
    {
        var psi = StartInfo(task, runId);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {options.FileName}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ask the run to stop the way Ctrl+C would, so it ends Cancelled with its recording closed.
            _ = Terminate(process.Id);
            using var grace = new CancellationTokenSource(options.StopGrace);
            try
            {
                await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }

        return Outcome(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    /// <summary>How the child of one attempt is started: its arguments, and an environment with only the task's secrets.</summary>
    public ProcessStartInfo StartInfo(ServeTask task, string runId)
    {
        ArgumentNullException.ThrowIfNull(task);
        var psi = new ProcessStartInfo(options.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = options.WorkingDirectory ?? Directory.GetCurrentDirectory(),
        };
        foreach (var a in Arguments(task, runId))
        {
            psi.ArgumentList.Add(a);
        }

        // Database URLs may carry a password: by environment, which only the same user (and root) can read, never in argv,
        // which every user of the machine sees in ps and /proc/PID/cmdline.
        psi.Environment[ApprovalStoreLocation.EnvironmentVariable] = options.ApprovalsDb;
        psi.Environment[AuditLogLocation.EnvironmentVariable] = options.AuditPath;
        // Who asked: the approval store refuses this operator's own decision on the run's held steps, on every channel.
        psi.Environment[StoreApproverOptions.RequestedByVariable] = task.Owner;
        // The policy's secrets file holds values for every task; the run is told which names this task may resolve.
        psi.Environment[SecretResolver.GivenEnvironmentVariable] = string.Join(',', task.Submission.Secrets);
        foreach (var name in psi.Environment.Keys.Where(k => k.StartsWith(SecretPrefix, StringComparison.Ordinal)).ToList())
        {
            if (!task.Submission.Secrets.Contains(name[SecretPrefix.Length..], StringComparer.Ordinal))
            {
                psi.Environment.Remove(name);
            }
        }

        return psi;
    }

    /// <summary>The <c>actionagent run</c> arguments for one attempt.</summary>
    public IReadOnlyList<string> Arguments(ServeTask task, string runId)
    {
        ArgumentNullException.ThrowIfNull(task);
        var args = new List<string>(options.PrefixArguments)
        {
            "run", "--url", task.Submission.Url, "--policy", task.PolicyPath,
            "--approver", "web",
            "--recordings", options.RecordingsDirectory, "--run-id", runId, "--json",
        };
        if (task.Submission.Model is { Length: > 0 } model && model != "interpreter")
        {
            args.AddRange(["--model", model]);
        }

        if (options.ConnectUrl is { } connect)
        {
            args.AddRange(["--connect", connect]);
        }

        // The operator's text goes last, after "--": a task such as "--yes" or "@file" (a response file the parser would
        // expand into options) is then the task's words, never options of the run.
        args.AddRange(["--", task.Submission.Task]);
        return args;
    }

    /// <summary>Reads the run's JSON result line (or its error line) into an outcome; the exit code decides the status.</summary>
    public static TaskOutcome Outcome(int exitCode, string stdout, string stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        var status = exitCode switch { 0 => ServeTaskStatus.Completed, 130 => ServeTaskStatus.Cancelled, _ => ServeTaskStatus.Failed };
        var line = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith('{'));
        if (line is not null)
        {
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                int? steps = root.TryGetProperty("steps", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : null;
                var recording = root.TryGetProperty("recording", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
                return new TaskOutcome(status, exitCode, message ?? status.ToString().ToLowerInvariant(), steps, recording);
            }
            catch (JsonException)
            {
                // Not the result line: fall through to stderr.
            }
        }

        var error = (stderr ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return new TaskOutcome(status, exitCode, error ?? $"actionagent run exited with {exitCode} without a result");
    }

    // .NET has no API for SIGTERM; kill(1) is on every Linux and macOS.
    private static bool Terminate(int pid)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false });
        kill?.WaitForExit();
        return kill?.ExitCode == 0;
    }
}
