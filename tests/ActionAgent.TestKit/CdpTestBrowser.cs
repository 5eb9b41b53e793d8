using System.Diagnostics;
using System.Text.RegularExpressions;
using ActionAgent.Browser;

namespace ActionAgent.TestKit;

/// <summary>
/// A Chromium started by the test with a DevTools port (as a person would for --cdp): headless, its own profile,
/// port 0 so the OS picks one; the port is read from "DevTools listening on ws://127.0.0.1:PORT/…" on stderr.
/// </summary>
public sealed partial class CdpTestBrowser : IDisposable
{
    private readonly Process process;
    private readonly string profile;

    private CdpTestBrowser(Process process, string profile, int port)
    {
        this.process = process;
        this.profile = profile;
        Port = port;
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    public bool IsRunning => !process.HasExited;

    public int ProcessId => process.Id;

    public static async Task<CdpTestBrowser> StartAsync(string startUrl = "about:blank")
    {
        var profile = Path.Combine(Path.GetTempPath(), "aa-cdp-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(profile);
        var info = new ProcessStartInfo("/usr/bin/chromium")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--headless", "--remote-debugging-port=0", $"--user-data-dir={profile}" }.Concat(BrowserSettings.DefaultArgs).Append(startUrl))
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start /usr/bin/chromium.");
        var found = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line && DevTools().Match(line) is { Success: true } m)
            {
                found.TrySetResult(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var winner = await Task.WhenAny(found.Task, Task.Delay(TimeSpan.FromSeconds(20))).ConfigureAwait(false);
        if (winner != found.Task)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("Chromium did not print its DevTools port within 20 s.");
        }

        return new CdpTestBrowser(process, profile, await found.Task.ConfigureAwait(false));
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        finally
        {
            process.Dispose();
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still hold a file for a moment; the temp folder is cleaned by the OS eventually.
            }
        }
    }

    [GeneratedRegex(@"DevTools listening on ws://127\.0\.0\.1:(\d+)/")]
    private static partial Regex DevTools();
}
