using System.Diagnostics;
using ActionAgent.SampleApp;
using ActionAgent.TestKit;

namespace ActionAgent.Cli.Tests.Flows;

/// <summary><c>actionagent export --format playwright-csharp</c>: the exported test compiles and passes on the sample app.</summary>
[TestClass]
[DoNotParallelize]
public sealed class FlowExportTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(6);

    [TestMethod]
    public async Task Export_RecordedRefundFlow_ProjectBuildsAndPassesTwiceOnOneApp()
    {
        var dir = CliProcess.NewWorkDir("aa-export-cli-");
        try
        {
            Environment.SetEnvironmentVariable("ACTIONAGENT_SECRET_OPS_PASSWORD", "ops-pass");
            await using var app = await SampleAppServer.StartAsync();
            var run = await CliProcess.RunAsync(dir, Timeout, "test", Path.Combine(FlowCommandTests.FlowsDir, "file-a-refund.yaml"),
                "--var", "baseUrl=" + app.BaseUrl, "--recordings", Path.Combine(dir, "rec"), "--no-cache", "--yes");
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            var project = Path.Combine(dir, "exported", "RefundTests");
            var copy = Path.Combine(dir, "not", "yet", "there", "Refund.cs");

            var export = await CliProcess.RunAsync(dir, Timeout, "export", Directory.GetDirectories(Path.Combine(dir, "rec")).Single(),
                "--format", "playwright-csharp", "--project", project, "-o", copy);

            Assert.AreEqual(0, export.ExitCode, export.ToString());
            Assert.IsTrue(File.Exists(copy), "-o creates its folder");
            var code = File.ReadAllText(Path.Combine(project, "FileARefundTests.cs"));
            Assert.IsFalse(code.Contains("R-0001", StringComparison.Ordinal), "the refund id the server generated is not asserted literally\n" + code);
            StringAssert.Contains(code, "confirmation\\\\?id=R-\\\\d+", code);
            StringAssert.Contains(code, "ToContainTextAsync(\"Refund filed\"", "the flow's expect: lines are assertions\n" + code);
            StringAssert.Contains(code, "ToBeCheckedAsync()", "inline expect: lines too\n" + code);
            Assert.IsFalse(code.Contains(": done", StringComparison.Ordinal), "no '// Step N: done' noise\n" + code);

            var build = await RunAsync(project, new Dictionary<string, string>(), "build", "-v", "q");
            Assert.AreEqual(0, build.ExitCode, "the exported project builds as written\n" + build.Output + "\n" + code);

            var environment = new Dictionary<string, string> { ["ACTIONAGENT_BASE_URL"] = app.BaseUrl };
            var first = await RunAsync(project, environment, "test", "--no-build");
            var second = await RunAsync(project, environment, "test", "--no-build");

            Assert.AreEqual(0, first.ExitCode, "first run\n" + first.Output + "\n" + code);
            Assert.AreEqual(0, second.ExitCode, "second run on the same app (the server generates a new refund id)\n" + second.Output + "\n" + code);
            StringAssert.Matches(second.Output, new System.Text.RegularExpressions.Regex(@"Passed:\s+1\b"), second.Output);
            Assert.AreEqual(3, app.State.Refunds.Count, "the recorded run and both exported runs each filed a refund");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    public async Task Export_OutputFolderMissing_CreatesIt()
    {
        var dir = CliProcess.NewWorkDir("aa-export-o-");
        try
        {
            var recording = await EmptyRecordingAsync(dir);
            var target = Path.Combine(dir, "a", "b", "Test.cs");

            var export = await CliProcess.RunAsync(dir, Timeout, "export", recording, "-o", target);

            Assert.AreEqual(0, export.ExitCode, export.ToString());
            Assert.IsTrue(File.Exists(target));
            Assert.IsFalse(export.StdErr.Contains("   at ", StringComparison.Ordinal), export.ToString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<string> EmptyRecordingAsync(string dir)
    {
        var recorder = new ActionAgent.Core.Recording.JsonRunRecorder(Path.Combine(dir, "rec"));
        var manifest = new ActionAgent.Core.Recording.RunManifest { RunId = "run1", Task = "open the page", StartUrl = "http://127.0.0.1:5000/" };
        await recorder.BeginAsync(manifest);
        await recorder.CompleteAsync(manifest with { Status = ActionAgent.Core.Runtime.RunStatus.Completed });
        return recorder.RunDirectory!;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string dir, Dictionary<string, string> environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (k, v) in environment)
        {
            psi.Environment[k] = v;
        }

        using var process = Process.Start(psi)!;
        var o = process.StandardOutput.ReadToEndAsync();
        var e = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await o + await e);
    }
}
