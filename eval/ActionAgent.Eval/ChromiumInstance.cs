using System.Diagnostics;

namespace ActionAgent.Eval;

/// <summary>A headless Chromium with a fresh profile and a DevTools port, started for one task and killed after it.</summary>
public sealed class ChromiumInstance : IDisposable
{
    private static readonly string[] Flags =
    [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--remote-debugging-address=127.0.0.1", "--window-size=1280,720", "--hide-scrollbars", "--mute-audio",
    ];

    private readonly Process process;
    private readonly string profile;

    private ChromiumInstance(Process process, string profile, int port)
    {
        this.process = process;
        this.profile = profile;
        CdpUrl = $"http://127.0.0.1:{port}";
    }

    /// <summary>The DevTools endpoint to pass as --cdp or to ConnectOverCDPAsync.</summary>
    public string CdpUrl { get; }

    /// <summary>Starts Chromium at about:blank and waits until its DevTools endpoint answers.</summary>
    public static async Task<ChromiumInstance> StartAsync(string executable, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(executable))
        {
            throw new InvalidDataException($"Chromium not found at {executable}; install chromium or pass --chromium PATH");
        }

        var port = StaticFileServer.FreePort();
        var profile = Directory.CreateTempSubdirectory("aa-eval-profile-").FullName;
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var flag in Flags)
        {
            info.ArgumentList.Add(flag);
        }

        info.ArgumentList.Add($"--remote-debugging-port={port}");
        info.ArgumentList.Add($"--user-data-dir={profile}");
        info.ArgumentList.Add("about:blank");
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {executable}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var instance = new ChromiumInstance(process, profile, port);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                break;
            }

            try
            {
                using var reply = await http.GetAsync($"{instance.CdpUrl}/json/version", cancellationToken);
                if (reply.IsSuccessStatusCode)
                {
                    return instance;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // One probe timed out; try again.
            }

            await Task.Delay(100, cancellationToken);
        }

        instance.Dispose();
        throw new InvalidOperationException($"Chromium at {executable} did not open its DevTools port {port} within 20 s");
    }

    /// <inheritdoc />
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
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // A crashed renderer may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
