using System.Text;
using ActionAgent.Approvals.Audit;
using ActionAgent.SampleApp;
using ActionAgent.TestKit;

namespace ActionAgent.Cli.Tests.Policy;

/// <summary>The policy, audit and secret parts of the real CLI, run as a process.</summary>
[TestClass]
[DoNotParallelize]
public sealed class PolicyCliTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private string _dir = "";

    [TestInitialize]
    public void Init()
    {
        _dir = CliProcess.NewWorkDir("aa-policycli-");
    }

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [TestMethod]
    public async Task PolicyCheck_BrokenFile_PrintsFileLineColumnAndFails()
    {
        var file = Path.Combine(_dir, "broken.yaml");
        await File.WriteAllTextAsync(file, "version: 1\nname: broken\nactions:\n  submitt: allow\n");

        var r = await CliProcess.RunAsync(_dir, Timeout, "policy", "check", file);

        Assert.AreNotEqual(0, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "broken.yaml:4:3", r.ToString());
        StringAssert.Contains(r.StdErr, "submitt", r.ToString());
    }

    [TestMethod]
    public async Task PolicyCheck_ShippedDefault_PrintsHashAndSucceeds()
    {
        var r = await CliProcess.RunAsync(_dir, Timeout, "policy", "check", Path.Combine(CliProcess.RepoRoot, "policies", "default.yaml"));

        Assert.AreEqual(0, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdOut, "sha256:", r.ToString());
    }

    [TestMethod]
    public async Task Run_BrokenPolicyFile_ExitsTwoBeforeOpeningTheBrowser()
    {
        var file = Path.Combine(_dir, "broken.yaml");
        await File.WriteAllTextAsync(file, "version: 1\nname: broken\nactions:\n  submitt: allow\n");

        var r = await CliProcess.RunAsync(_dir, Timeout, "run", "Click Orders", "--url", "http://127.0.0.1:9/", "--policy", file);

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "broken.yaml:4:3", r.ToString());
    }

    [TestMethod]
    public async Task AuditVerify_TamperedLine_NamesItAndFails()
    {
        var path = Path.Combine(_dir, "audit.jsonl");
        var log = new AuditLog(path);
        await log.AppendAsync("verdict", new { action = "click Submit refund", verdict = "RequireApproval" });
        await log.AppendAsync("approval_decided", new { approved = false, reviewer = "alice" });
        await log.AppendAsync("verdict", new { action = "click Orders", verdict = "Allow" });

        var intact = await CliProcess.RunAsync(_dir, Timeout, "audit", "verify", path);
        var lines = await File.ReadAllLinesAsync(path);
        lines[1] = lines[1].Replace("\"approved\":false", "\"approved\":true", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(path, lines);
        var tampered = await CliProcess.RunAsync(_dir, Timeout, "audit", "verify", path);

        Assert.AreEqual(0, intact.ExitCode, intact.ToString());
        Assert.AreNotEqual(lines[1], (await File.ReadAllLinesAsync(path))[1].Replace("true", "false", StringComparison.Ordinal) + "x", "the edit happened");
        Assert.AreEqual(1, tampered.ExitCode, tampered.ToString());
        StringAssert.Contains(tampered.StdErr, "2", tampered.ToString());
    }

    [TestMethod]
    public async Task Run_SecretReference_SignsInAndValueAppearsInNoRecordingOrLog()
    {
        const string secret = "ops-pass";
        var policy = await SecretPolicyFile.WriteAsync(_dir, "secrets-e2e", secret, guardNetwork: true);
        await using var app = await SampleAppServer.StartAsync();

        var r = await CliProcess.RunAsync(_dir, Timeout, "run", "Sign in with username ops and password {{secret:OPS_PASSWORD}}. Open Order 1042.",
            "--url", app.BaseUrl + "/login", "--policy", policy, "--approver", "none", "--recordings", Path.Combine(_dir, "rec"), "--verbose");

        Assert.AreEqual(0, r.ExitCode, r.ToString());
        Assert.IsFalse(r.StdOut.Contains(secret, StringComparison.Ordinal) || r.StdErr.Contains(secret, StringComparison.Ordinal), "console output holds the secret");
        var files = Directory.GetFiles(Path.Combine(_dir, "rec"), "*", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(_dir, "logs"), "*", SearchOption.AllDirectories))
            .Concat(Directory.GetFiles(Path.Combine(_dir, ".actionagent"), "*", SearchOption.AllDirectories))
            .ToArray();
        Assert.IsTrue(files.Length > 3, string.Join(", ", files));
        foreach (var f in files)
        {
            var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(f));
            Assert.IsFalse(text.Contains(secret, StringComparison.Ordinal), $"{f} holds the secret value");
        }

        var steps = await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(_dir, "rec"), "steps.jsonl", SearchOption.AllDirectories).Single());
        StringAssert.Contains(steps, "{{secret:OPS_PASSWORD}}", "the recording keeps the reference");
    }
}
