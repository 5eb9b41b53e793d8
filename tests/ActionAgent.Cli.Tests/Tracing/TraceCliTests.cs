using System.IO.Compression;
using System.Net;
using System.Text;
using ActionAgent.Cli.Tests.Policy;
using ActionAgent.Core.Recording;
using ActionAgent.SampleApp;
using ActionAgent.TestKit;
using Microsoft.Playwright;

namespace ActionAgent.Cli.Tests.Tracing;

/// <summary>
/// <c>--trace</c>: a Playwright trace beside the recording that the trace viewer can load (its entries, the step groups,
/// each step's place on the timeline), kept by its mode, and never holding a declared secret in any entry.
/// </summary>
[TestClass]
public sealed class TraceCliTests
{
    private const string Secret = "ops-pass";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private string _dir = "";

    public TestContext TestContext { get; set; } = null!;

    [TestInitialize]
    public void Init() => _dir = Directory.CreateTempSubdirectory("aa-trace-").FullName;

    [TestCleanup]
    public void Cleanup()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task Run_TraceOn_KeepsAViewerReadyTraceWithStepGroups_AndNoSecretInAnyEntry()
    {
        var policy = await SecretPolicyFile.WriteAsync(_dir, "trace-secrets", Secret, guardNetwork: true);
        await using var app = await SampleAppServer.StartAsync();
        var r = await CliProcess.RunAsync(_dir, Timeout,
            "run", "Type ops into Username. Type {{secret:OPS_PASSWORD}} into Password. Click Sign in. Click Order 1042.", "--url", app.BaseUrl + "/login",
            "--policy", policy, "--approver", "none", "--audit", Path.Combine(_dir, "audit.jsonl"), "--recordings", Path.Combine(_dir, "rec"),
            "--perception", "dom", "--trace", "on");

        Assert.AreEqual(0, r.ExitCode, r.ToString());
        var recording = RunRecording.Load(Directory.GetDirectories(Path.Combine(_dir, "rec")).Single());
        var trace = Path.Combine(recording.Directory, "trace.zip");
        StringAssert.Contains(r.StdOut, "npx playwright show-trace", "the run says where its trace is and how to open it");
        Assert.IsTrue(File.Exists(trace), "trace.zip is beside the recording");
        Assert.IsFalse(Directory.GetFiles(recording.Directory).Any(f => f.EndsWith(".raw", StringComparison.Ordinal) || f.EndsWith(".tmp", StringComparison.Ordinal)), "no unredacted or half-written trace is left");

        using var zip = ZipFile.OpenRead(trace);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        CollectionAssert.Contains(names, "trace.trace", "the viewer's action log");
        CollectionAssert.Contains(names, "trace.network", "the viewer's network log");
        var events = Read(zip.GetEntry("trace.trace")!);
        StringAssert.StartsWith(events, "{\"version\":", "a Playwright trace starts with its format version");
        StringAssert.Contains(events, "\"type\":\"context-options\"");
        StringAssert.Contains(events, "\"type\":\"frame-snapshot\"", "DOM snapshots for the viewer");
        StringAssert.Contains(events, "step 3: type \\\"{{secret:OPS_PASSWORD}}\\\"", "the secret step is a group named by its reference");
        StringAssert.Contains(events, "step 4: click", "each step is a group in the viewer");

        // Where each step is on the viewer's timeline: from the start, in order.
        var offsets = recording.Steps.Select(s => s.TraceMs).ToList();
        Assert.IsTrue(offsets.All(o => o is not null), "every step record carries its trace time");
        CollectionAssert.AreEqual(offsets.OrderBy(o => o).ToList(), offsets, "trace times follow the steps");

        // The adversary's look: every entry, decompressed, in every form the value could take on the wire.
        foreach (var entry in zip.Entries)
        {
            var text = Read(entry);
            foreach (var form in new[] { Secret, WebUtility.UrlEncode(Secret), Convert.ToBase64String(Encoding.UTF8.GetBytes(Secret)) })
            {
                Assert.IsFalse(text.Contains(form, StringComparison.Ordinal), $"{entry.FullName} holds the secret ({form})");
            }
        }

        Assert.IsTrue(app.State.Requests.Any(q => q.Path == "/orders/1042"), "the typed secret signed in, so it did pass through the traced page");

        // Playwright's own trace viewer (bundled with the driver) loads it and lists the steps.
        await ShowInViewerAsync(recording.Directory, "step 3: type");
    }

    [TestMethod]
    public async Task TraceShow_FolderWithoutATrace_SaysHowToGetOne()
    {
        var r = await CliProcess.RunAsync(_dir, Timeout, "trace", "show", _dir);

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "holds no trace.zip: run with --trace on");
    }

    private async Task ShowInViewerAsync(string recording, string expected)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "actionagent.dll"), "trace", "show", recording, "--port", "0" })
        {
            start.ArgumentList.Add(a);
        }

        var address = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var printed = new StringBuilder();
        using var viewer = new System.Diagnostics.Process { StartInfo = start };
        viewer.OutputDataReceived += (_, e) =>
        {
            lock (printed)
            {
                printed.AppendLine(e.Data);
            }

            if (e.Data?.StartsWith("trace viewer: ", StringComparison.Ordinal) == true)
            {
                address.TrySetResult(e.Data["trace viewer: ".Length..]);
            }
        };
        viewer.ErrorDataReceived += (_, e) =>
        {
            lock (printed)
            {
                printed.AppendLine(e.Data);
            }
        };
        viewer.Start();
        viewer.BeginOutputReadLine();
        viewer.BeginErrorReadLine();
        try
        {
            var shown = await Task.WhenAny(address.Task, Task.Delay(TimeSpan.FromSeconds(60)));
            var url = shown == address.Task ? await address.Task : null;
            Assert.IsNotNull(url, "trace show printed the viewer's address: " + printed);
            var (playwright, browser) = await TestChromium.LaunchAsync();
            try
            {
                var page = await browser.NewPageAsync();
                await page.GotoAsync(url);
                var step = page.GetByText(expected).First;
                await step.WaitForAsync(new() { Timeout = 30_000 });
                var shot = Path.Combine(_dir, "viewer.png");
                await page.ScreenshotAsync(new() { Path = shot });
                TestContext.AddResultFile(shot);
            }
            finally
            {
                await browser.DisposeAsync();
                playwright.Dispose();
            }
        }
        finally
        {
            viewer.Kill(entireProcessTree: true);
        }
    }

    [TestMethod]
    public async Task Test_DefaultRetainOnFailure_KeepsTheFailedFlowsTraceOnly_AndABadModeIsRefused()
    {
        await using var app = await SampleAppServer.StartAsync();
        var flows = Path.Combine(_dir, "flows");
        Directory.CreateDirectory(flows);
        await File.WriteAllTextAsync(Path.Combine(flows, "good.yaml"), "name: Good\nurl: ${baseUrl}/login\nsteps:\n  - Type ops into Username\nexpect:\n  - the Username field reads ops\n");
        await File.WriteAllTextAsync(Path.Combine(flows, "bad.yaml"), "name: Bad\nurl: ${baseUrl}/login\nsteps:\n  - Type ops into Username\nexpect:\n  - the Username field reads someone-else\n");

        var r = await CliProcess.RunAsync(_dir, Timeout, "test", flows, "--var", "baseUrl=" + app.BaseUrl, "--no-cache", "--recordings", Path.Combine(_dir, "rec"), "--html", Path.Combine(_dir, "html"));

        Assert.AreEqual(1, r.ExitCode, r.ToString());
        var runs = Directory.GetDirectories(Path.Combine(_dir, "rec"));
        var bad = runs.Single(d => d.Contains("-bad-", StringComparison.Ordinal));
        var good = runs.Single(d => d.Contains("-good-", StringComparison.Ordinal));
        Assert.IsTrue(File.Exists(Path.Combine(bad, "trace.zip")), "the failed flow kept its trace");
        Assert.IsFalse(File.Exists(Path.Combine(good, "trace.zip")), "the passing flow's trace was dropped");

        var refused = await CliProcess.RunAsync(_dir, Timeout, "test", flows, "--var", "baseUrl=" + app.BaseUrl, "--trace", "sometimes");
        Assert.AreEqual(2, refused.ExitCode, refused.ToString());
        StringAssert.Contains(refused.StdErr, "--trace must be on, retain-on-failure or off, got \"sometimes\"");
    }

    private static string Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
