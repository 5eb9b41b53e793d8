using System.Text.Json;
using ActionAgent.SampleApp;
using ActionAgent.TestKit;

namespace ActionAgent.Cli.Tests.Skills;

/// <summary>The real CLI: a goal-style task picks the refund skill, fills it and runs it on the sample app; what is unclear stops the run.</summary>
[TestClass]
[DoNotParallelize]
public sealed class SkillRunTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private static readonly string SkillFile = Path.Combine(CliProcess.RepoRoot, "flows", "skills", "refund-order.yaml");
    private string _dir = "";

    [TestInitialize]
    public void Init()
    {
        _dir = CliProcess.NewWorkDir("aa-skills-");
        Environment.SetEnvironmentVariable("ACTIONAGENT_SECRET_OPS_PASSWORD", "ops-pass");
        Directory.CreateDirectory(Path.Combine(_dir, "flows", "skills"));
        File.Copy(SkillFile, Path.Combine(_dir, "flows", "skills", "refund-order.yaml"));
    }

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [TestMethod]
    public async Task Run_RefundGoal_RunsTheSkillAndRecordsSkillVersionAndValues()
    {
        await using var app = await SampleAppServer.StartAsync();

        var r = await CliProcess.RunAsync(_dir, Timeout, "run", "Refund order 1042 for 15 dollars because it arrived late", "--url", app.BaseUrl + "/login", "--yes", "--perception", "dom", "--recordings", Path.Combine(_dir, "rec"));

        Assert.AreEqual(0, r.ExitCode, r.ToString());
        var refund = app.State.Refunds.Single();
        Assert.AreEqual("1042", refund.OrderNumber);
        Assert.AreEqual(15.00m, refund.Amount);
        Assert.AreEqual("Late delivery", refund.Reason);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(Path.Combine(_dir, "rec"), "run.json", SearchOption.AllDirectories).Single()));
        var skill = manifest.RootElement.GetProperty("skill");
        Assert.AreEqual("refund-order", skill.GetProperty("id").GetString());
        Assert.AreEqual(12, skill.GetProperty("version").GetString()!.Length);
        Assert.AreEqual("15.00", skill.GetProperty("parameters").GetProperty("amount").GetString());
        Assert.AreEqual("Refund order 1042 for 15 dollars because it arrived late", manifest.RootElement.GetProperty("task").GetString());

        // The run becomes a new skill: the typed order and amount are proposed as parameters.
        var recording = Directory.GetDirectories(Path.Combine(_dir, "rec")).Single();
        var add = await CliProcess.RunAsync(_dir, Timeout, "skills", "add", recording, "--name", "Refund learned", "--out", Path.Combine(_dir, "learned"));
        Assert.AreEqual(0, add.ExitCode, add.ToString());
        var learned = File.ReadAllText(Path.Combine(_dir, "learned", "refund-learned.yaml"));
        StringAssert.Contains(learned, "amount: { type: money }", learned);
        StringAssert.Contains(learned, "Refund order {order} for {amount} because it arrived late", learned);
        StringAssert.Contains(learned, "Type ${amount} into Amount", learned);

        // A run that did not complete is refused.
        var failed = Path.Combine(_dir, "failed-run");
        Directory.CreateDirectory(failed);
        File.WriteAllText(Path.Combine(failed, "run.json"), File.ReadAllText(Path.Combine(recording, "run.json")).Replace("\"status\": \"Completed\"", "\"status\": \"Failed\"", StringComparison.Ordinal));
        File.Copy(Path.Combine(recording, "steps.jsonl"), Path.Combine(failed, "steps.jsonl"));
        var refused = await CliProcess.RunAsync(_dir, Timeout, "skills", "add", failed, "--name", "Refund failed", "--out", Path.Combine(_dir, "learned"));
        Assert.AreEqual(2, refused.ExitCode, refused.ToString());
        StringAssert.Contains(refused.StdErr, "only a run that completed becomes a skill", refused.ToString());
    }

    [TestMethod]
    public async Task Run_ReasonNotClear_WithoutTerminal_Exits1NamingItAndFilesNothing()
    {
        await using var app = await SampleAppServer.StartAsync();

        var r = await CliProcess.RunAsync(_dir, Timeout, "run", "Refund order 1042 for 15 dollars, the customer is unhappy", "--url", app.BaseUrl + "/login", "--yes", "--perception", "dom");

        Assert.AreEqual(1, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "needs reason", r.ToString());
        Assert.IsEmpty(app.State.Refunds);
    }

    [TestMethod]
    public async Task Run_TwoSkillsThatMeanTheSame_WithoutTerminal_Exits1ListingBoth()
    {
        await using var app = await SampleAppServer.StartAsync();
        File.WriteAllText(
            Path.Combine(_dir, "flows", "skills", "refund-copy.yaml"),
            File.ReadAllText(SkillFile).Replace("name: Refund an order", "name: Refund an order (copy)", StringComparison.Ordinal));

        var r = await CliProcess.RunAsync(_dir, Timeout, "run", "Refund order 1042 for 15 dollars because it arrived late", "--url", app.BaseUrl + "/login", "--yes", "--perception", "dom");

        Assert.AreEqual(1, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "more than one skill", r.ToString());
        StringAssert.Contains(r.StdErr, "refund-order", r.ToString());
        StringAssert.Contains(r.StdErr, "refund-copy", r.ToString());
        Assert.IsEmpty(app.State.Refunds);
    }

    [TestMethod]
    public async Task Demo_ByDefault_WithYes_FilesTheSecondRefundThroughTheSkillWithItsApproval()
    {
        var r = await CliProcess.RunAsync(_dir, Timeout, "demo", "--yes", "--recordings", Path.Combine(_dir, "rec"));

        Assert.AreEqual(0, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdOut, "recorded 2 refund(s)", r.ToString());
        StringAssert.Contains(r.StdOut, "order 1042 15.00 Late delivery", r.ToString());
        var skillRun = Directory.GetFiles(Path.Combine(_dir, "rec"), "run.json", SearchOption.AllDirectories)
            .Select(f => ActionAgent.Core.Recording.RunRecording.Load(Path.GetDirectoryName(f)!))
            .Single(rec => rec.Manifest.Skill is not null);
        Assert.AreEqual("refund-order", skillRun.Manifest.Skill!.Id);
        var submit = skillRun.Steps.Single(s => s.Target?.Name == "Submit refund");
        Assert.IsTrue(submit.Verdict!.NeedsApproval, "the skill's submit must be held for approval like any run");
        Assert.IsTrue(submit.Decision!.IsApproved);
    }

    [TestMethod]
    public async Task SkillsList_UnknownParameterType_Exit2WithTheLocation()
    {
        var bad = Path.Combine(_dir, "flows", "skills", "refund-order.yaml");
        File.WriteAllText(bad, File.ReadAllText(bad).Replace("amount: { type: money", "amount: { type: currency", StringComparison.Ordinal));

        var r = await CliProcess.RunAsync(_dir, Timeout, "skills", "list");

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "refund-order.yaml:", r.ToString());
        StringAssert.Contains(r.StdErr, "unknown parameter type \"currency\"", r.ToString());
    }
}
