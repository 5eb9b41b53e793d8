using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ActionAgent.TestKit;

/// <summary>
/// A throw-away PostgreSQL cluster for one test class: initdb in a temp folder, started with pg_ctl on a free loopback
/// port (trust authentication, fsync off), stopped and deleted on dispose. initdb refuses to run as root, so as root it
/// runs as the <c>postgres</c> user. <see cref="StartAsync"/> returns null with the reason when PostgreSQL is missing
/// (scripts/setup.sh installs it): tests then say Inconclusive, never pass.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _dir;
    private readonly bool _asPostgres;

    private PostgresServer(string bin, string dir, int port, bool asPostgres)
    {
        _bin = bin;
        _dir = dir;
        Port = port;
        _asPostgres = asPostgres;
    }

    /// <summary>The port it listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>A <c>--store</c> URL for database <c>postgres</c>.</summary>
    public string StoreUrl => string.Create(CultureInfo.InvariantCulture, $"postgres://postgres@127.0.0.1:{Port}/postgres");

    /// <summary>Starts a cluster, or returns the reason it cannot.</summary>
    public static async Task<(PostgresServer? Server, string? Reason)> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (bin is null)
        {
            return (null, "PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb missing); run scripts/setup.sh, which apt-get installs postgresql");
        }

        var asPostgres = Environment.UserName == "root";
        var dir = Path.Combine(Path.GetTempPath(), "aa-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        if (asPostgres)
        {
            var chown = await RunAsync("chown", false, "postgres", dir);
            if (chown.Exit != 0)
            {
                return (null, "cannot hand the temp folder to user postgres: " + chown.Output);
            }
        }

        var port = FreePort();
        var server = new PostgresServer(bin, dir, port, asPostgres);
        var init = await RunAsync(Path.Combine(bin, "initdb"), asPostgres, "-D", Path.Combine(dir, "data"), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8");
        if (init.Exit != 0)
        {
            return (null, "initdb failed: " + init.Output);
        }

        var options = string.Create(CultureInfo.InvariantCulture, $"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off");
        var start = await RunAsync(Path.Combine(bin, "pg_ctl"), asPostgres, "-D", Path.Combine(dir, "data"), "-o", options, "-l", Path.Combine(dir, "log"), "-w", "start");
        if (start.Exit != 0)
        {
            return (null, "pg_ctl start failed: " + start.Output);
        }

        return (server, null);
    }

    /// <summary>Stops the cluster at once and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        await RunAsync(Path.Combine(_bin, "pg_ctl"), _asPostgres, "-D", Path.Combine(_dir, "data"), "-m", "immediate", "-w", "stop");
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, bool asPostgres, params string[] args)
    {
        var psi = new ProcessStartInfo(asPostgres ? "runuser" : file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/tmp" };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file })
            {
                psi.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, (await o + await e).Trim());
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
