using System.Diagnostics;
using System.Text;

namespace ActionAgent.TestKit;

/// <summary>Runs the real <c>actionagent</c> CLI (the built dll) as a child process, the way a user or CI would.</summary>
public static class CliProcess
{
    /// <summary>What the process printed and its exit code.</summary>
    public sealed record Result(int ExitCode, string StdOut, string StdErr)
    {
        /// <summary>Both streams, for assertion messages.</summary>
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StdOut}\n--- stderr\n{StdErr}";
    }

    /// <summary>Runs <c>dotnet actionagent.dll args…</c> with stdin closed, in <paramref name="workingDirectory"/>.</summary>
    public static Task<Result> RunAsync(string workingDirectory, TimeSpan timeout, params string[] args) =>
        RunAsync(workingDirectory, timeout, new Dictionary<string, string?>(), args);

    /// <summary>Runs the CLI with extra (or removed, when null) environment variables.</summary>
    public static Task<Result> RunAsync(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        RunAsync(workingDirectory, timeout, environment, whileRunning: null, args);

    /// <summary>
    /// Runs the CLI and, while it runs, calls <paramref name="whileRunning"/> with its process id (e.g. to send it a
    /// signal once its recording has started).
    /// </summary>
    public static async Task<Result> RunAsync(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?> environment, Func<int, Task>? whileRunning, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "actionagent.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                psi.Environment.Remove(name);
            }
            else
            {
                psi.Environment[name] = value;
            }
        }

        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var o = process.StandardOutput.ReadToEndAsync();
        var e = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            if (whileRunning is not null)
            {
                await whileRunning(process.Id);
            }

            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"actionagent {string.Join(' ', args)} did not finish within {timeout}");
        }

        return new Result(process.ExitCode, await o, await e);
    }

    /// <summary>A new temporary working folder for one CLI run, holding a copy of the repository's playwright.config.json.</summary>
    public static string NewWorkDir(string prefix)
    {
        var dir = Directory.CreateTempSubdirectory(prefix).FullName;
        File.Copy(Path.Combine(RepoRoot, "playwright.config.json"), Path.Combine(dir, "playwright.config.json"));

        // The folder is the CLI's repository root there: its default policy (which declares the sample app's secret) comes along.
        var policies = Directory.CreateDirectory(Path.Combine(dir, "policies")).FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot, "policies"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(policies, Path.GetFileName(file)));
        }

        return dir;
    }

    /// <summary>The repository root (folder with ActionAgent.sln), for the real playwright.config.json.</summary>
    public static string RepoRoot
    {
        get
        {
            for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "ActionAgent.sln")))
                {
                    return d.FullName;
                }
            }

            throw new DirectoryNotFoundException("ActionAgent.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
