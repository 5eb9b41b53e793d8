using System.Diagnostics;
using ActionAgent.TestKit;

namespace ActionAgent.Cli.Tests.DayOne;

/// <summary>
/// The set-up's tool step (<c>scripts/install-tool.sh</c>, what <c>scripts/setup.sh</c> runs) packs the CLI and installs
/// it as a .NET tool: the installed <c>actionagent</c> runs and knows its commands. Installed into a temporary tool
/// path, so the test leaves the user's global tools alone.
/// </summary>
[TestClass]
public sealed class ToolInstallTests
{
    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public async Task InstallTool_PacksAndInstalls_TheInstalledCommandRunsWithItsCommands()
    {
        var dir = Directory.CreateTempSubdirectory("aa-tool-").FullName;
        try
        {
            var tools = Path.Combine(dir, "tools");
            var install = await RunAsync("bash", Path.Combine(CliProcess.RepoRoot, "scripts", "install-tool.sh"), "--tool-path", tools, "--feed", Path.Combine(dir, "feed"));
            Assert.AreEqual(0, install.Exit, install.Output);
            StringAssert.StartsWith(install.StdOut.Trim(), "0.1.0-local.", "the script prints the version it installed");

            var actionagent = Path.Combine(tools, "actionagent");
            Assert.IsTrue(File.Exists(actionagent), "the tool's command is in the tool path: " + install.Output);
            var help = await RunAsync(actionagent, "--help");
            Assert.AreEqual(0, help.Exit, help.Output);
            foreach (var command in new[] { "run", "demo", "test", "sample-app", "init", "trace", "approvals" })
            {
                StringAssert.Contains(help.StdOut, $"  {command} ", $"the installed tool offers `{command}`");
            }

            // It carries its browser driver: `trace show` finds it (bad input here, so it stops at once, exit 2).
            var trace = await RunAsync(actionagent, "trace", "show", dir);
            Assert.AreEqual(2, trace.Exit, trace.Output);
            StringAssert.Contains(trace.StdErr, "holds no trace.zip");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<(int Exit, string StdOut, string StdErr, string Output)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var (o, e) = (await stdout, await stderr);
        return (process.ExitCode, o, e, $"exit {process.ExitCode}\n--- stdout\n{o}\n--- stderr\n{e}");
    }
}
