using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Channels;

namespace ActionAgent.TestKit;

/// <summary>
/// The real <c>actionagent</c> CLI running in the background (e.g. <c>sample-app</c>): read its output lines as they
/// come, then stop it with SIGTERM the way Ctrl+C or a service manager would. Disposing kills it if still running.
/// </summary>
public sealed class BackgroundCli : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private BackgroundCli(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (_stdout)
                {
                    _stdout.AppendLine(line);
                }

                _lines.Writer.TryWrite(line);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (_stderr)
                {
                    _stderr.AppendLine(line);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The process id (e.g. to match a worker name, which ends in it).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Kills the process and its children with SIGKILL, as a machine dying would, and waits for the exit.</summary>
    public async Task KillTreeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Everything printed on stdout so far.</summary>
    public string StdOut
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    /// <summary>Everything printed on stderr so far.</summary>
    public string StdErr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts <c>dotnet actionagent.dll args…</c> in <paramref name="workingDirectory"/> with stdin closed.</summary>
    public static BackgroundCli Start(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "actionagent.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        var process = Process.Start(psi)!;
        process.StandardInput.Close();
        return new BackgroundCli(process);
    }

    /// <summary>Waits for the first stdout line matching <paramref name="pattern"/> and returns the match; throws with the output on timeout or exit.</summary>
    public async Task<Match> WaitForLineAsync(Regex pattern, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var read = _lines.Reader.ReadAsync(cts.Token).AsTask();
                var exited = _process.WaitForExitAsync(cts.Token);
                if (await Task.WhenAny(read, exited) == exited && !read.IsCompleted)
                {
                    await Task.Delay(200, CancellationToken.None); // let the last lines arrive
                    throw new InvalidOperationException($"the CLI exited ({_process.ExitCode}) before printing a line like {pattern}\n--- stdout\n{StdOut}\n--- stderr\n{StdErr}");
                }

                var match = pattern.Match(await read);
                if (match.Success)
                {
                    return match;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no line like {pattern} within {timeout}\n--- stdout\n{StdOut}\n--- stderr\n{StdErr}");
        }
    }

    /// <summary>Sends SIGTERM and waits for the exit code; throws when the process does not stop within <paramref name="timeout"/>.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the CLI did not stop within {timeout} of SIGTERM\n--- stdout\n{StdOut}\n--- stderr\n{StdErr}");
        }

        return _process.ExitCode;
    }

    /// <summary>Kills the process (and its children) if it is still running.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
