using System.Text.Json;
using ActionAgent.Core.Recording;
using ActionAgent.SampleApp;
using ActionAgent.TestKit;
using ActionAgent.TestKit.FakeServers;

namespace ActionAgent.Cli.Tests.Skills;

/// <summary>
/// The real CLI with a model decider (fake OpenAI-compatible server, real wire format) on the sample app: the model sees
/// the skills as one-call actions (run_skill); a call is checked, then run step by step through the governed pipeline.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class SkillToolRunTests
{
    private const string Key = "sk-test-skills-0123456789";
    private const string Goal = "Refund order 1042 for 15 dollars because it arrived late";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private string _dir = "";

    /// <summary>Set by MSTest.</summary>
    public TestContext TestContext { get; set; } = null!;

    [TestInitialize]
    public void Init()
    {
        _dir = CliProcess.NewWorkDir("aa-skilltools-");
        Environment.SetEnvironmentVariable("ACTIONAGENT_SECRET_OPS_PASSWORD", "ops-pass");
        Directory.CreateDirectory(Path.Combine(_dir, "flows", "skills"));
        File.Copy(Path.Combine(CliProcess.RepoRoot, "flows", "skills", "refund-order.yaml"), Path.Combine(_dir, "flows", "skills", "refund-order.yaml"));
    }

    [TestCleanup]
    public void Cleanup()
    {
        if (TestContext.CurrentTestOutcome == UnitTestOutcome.Passed)
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private Task<CliProcess.Result> RunAsync(SampleAppServer app, FakeOpenAIServer model, string task, params string[] decider) =>
        CliProcess.RunAsync(_dir, Timeout, new Dictionary<string, string?> { ["OPENAI_API_KEY"] = Key, ["ACTIONAGENT_API_KEY"] = Key },
            ["run", task, "--url", app.BaseUrl + "/login", .. decider, "--base-url", model.ApiBaseUrl.ToString(),
             "--json", "--recordings", Path.Combine(_dir, "rec"), "--yes", "--max-steps", "30"]);

    private static string RunSkill(string skill, params (string Name, string Value)[] parameters) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["action"] = "run_skill", ["element_id"] = null, ["x"] = null, ["y"] = null, ["value"] = skill, ["press_enter"] = null,
            ["dx"] = null, ["dy"] = null, ["to_element_id"] = null, ["to_x"] = null, ["to_y"] = null, ["seconds"] = null, ["page"] = null,
            ["params"] = parameters.Select(p => new Dictionary<string, string> { ["name"] = p.Name, ["value"] = p.Value }).ToList(),
            ["reason"] = "the refund skill does this task", ["confidence"] = 0.9,
        });

    private static string Answer(string action, string value) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["action"] = action, ["element_id"] = null, ["x"] = null, ["y"] = null, ["value"] = value, ["press_enter"] = null,
            ["dx"] = null, ["dy"] = null, ["to_element_id"] = null, ["to_x"] = null, ["to_y"] = null, ["seconds"] = null, ["page"] = null,
            ["params"] = null, ["reason"] = "", ["confidence"] = 0.9,
        });

    [TestMethod]
    public async Task Run_ModelAnswersRunSkill_FilesTheRefundInOneModelCallThroughGovernedSteps()
    {
        await using var app = await SampleAppServer.StartAsync();
        await using var model = await FakeOpenAIServer.StartNewAsync();
        model.Responder = _ => FakeOpenAIServer.Completion(RunSkill("refund-order", ("order", "1042"), ("amount", "15"), ("reason", "Late delivery")));

        var r = await RunAsync(app, model, Goal, "--model", "openai-compatible:fake-vision");

        Assert.AreEqual(0, r.ExitCode, r.ToString());
        var refund = app.State.Refunds.Single();
        Assert.AreEqual(("1042", 15.00m, "Late delivery"), (refund.OrderNumber, refund.Amount, refund.Reason));
        Assert.AreEqual(1, model.CallCount, "one model call; the skill's steps are grounded offline");
        var prompt = LabelReadingModel.PromptText(model.Requests[0]);
        StringAssert.Contains(prompt, "SKILLS", "the model sees the skills");
        StringAssert.Contains(prompt, "refund-order", prompt);
        StringAssert.Contains(model.Requests[0].Body, "run_skill", "the answer schema offers run_skill");

        var recording = RunRecording.Load(Directory.GetDirectories(Path.Combine(_dir, "rec")).Single());
        Assert.AreEqual("refund-order", recording.Manifest.Skill?.Id, "run.json names the skill");
        Assert.AreEqual(12, recording.Manifest.Skill!.Version.Length);
        Assert.AreEqual("15.00", recording.Manifest.Skill.Parameters["amount"], "the checked value, not the model's text");
        Assert.IsGreaterThan(5, recording.Steps.Count(s => s.Proposal.Skill?.Id == "refund-order"), "each skill step is a recorded step of its own");
        var submit = recording.Steps.Single(s => s.Target?.Name == "Submit refund");
        Assert.IsTrue(submit.Verdict!.NeedsApproval, "the skill's submit is held for approval like any step");
        Assert.IsTrue(submit.Decision!.IsApproved);
        Assert.AreEqual("refund-order", submit.Proposal.Skill?.Id);
    }

    [TestMethod]
    public async Task Run_ModelRunSkillWithAmountAbc_IsRefusedBackToTheModelAndNothingRuns()
    {
        await using var app = await SampleAppServer.StartAsync();
        await using var model = await FakeOpenAIServer.StartNewAsync();
        var answers = new Queue<string>([
            RunSkill("refund-order", ("order", "1042"), ("amount", "abc"), ("reason", "Late delivery")),
            RunSkill("refund-order", ("order", "1042"), ("amount", "15.00"), ("reason", "Arrived late")),
        ]);
        model.Responder = _ => FakeOpenAIServer.Completion(answers.Count > 0 ? answers.Dequeue() : Answer("ask_human", "How much should be refunded?"));

        var r = await RunAsync(app, model, "Refund order 1042 because it arrived late", "--model", "openai-compatible:fake-vision");

        Assert.AreNotEqual(0, r.ExitCode, r.ToString());
        Assert.IsEmpty(app.State.Refunds, "a refused skill call never runs");
        Assert.AreEqual(3, model.CallCount, r.ToString());
        StringAssert.Contains(LabelReadingModel.PromptText(model.Requests[1]), "amount 'abc' is not an amount of money", "the refusal goes back to the model");
        StringAssert.Contains(LabelReadingModel.PromptText(model.Requests[2]), "reason 'Arrived late' is not one of: Damaged item", "an option that is not listed is refused too");
        var recording = RunRecording.Load(Directory.GetDirectories(Path.Combine(_dir, "rec")).Single());
        Assert.IsFalse(recording.Steps.Any(s => s.Proposal.Skill is not null), "no step ran as part of the skill");
        Assert.IsNull(recording.Manifest.Skill);
    }

    [TestMethod]
    public async Task Run_Auto_ConfidentCompleteSkillMatch_MakesNoModelCall()
    {
        await using var app = await SampleAppServer.StartAsync();
        await using var model = await FakeOpenAIServer.StartNewAsync();
        model.Responder = _ => FakeOpenAIServer.Completion(Answer("fail", "should not be asked"));

        var r = await RunAsync(app, model, Goal, "--model", "auto", "--small-model", "openai-compatible:small", "--large-model", "openai-compatible:large");

        Assert.AreEqual(0, r.ExitCode, r.ToString());
        Assert.AreEqual(0, model.CallCount, "a confident, complete skill match needs no model");
        Assert.AreEqual(15.00m, app.State.Refunds.Single().Amount);
    }

    [TestMethod]
    public async Task Run_Auto_ReasonUnclear_HandsTheTaskToTheModelWithTheSkills()
    {
        await using var app = await SampleAppServer.StartAsync();
        await using var model = await FakeOpenAIServer.StartNewAsync();
        model.Responder = _ => FakeOpenAIServer.Completion(Answer("ask_human", "Which refund reason applies?"));

        var r = await RunAsync(app, model, "Refund order 1042 for 15 dollars, the customer is unhappy", "--model", "auto", "--small-model", "openai-compatible:small", "--large-model", "openai-compatible:large");

        Assert.AreNotEqual(0, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "the model takes the task", r.ToString());
        Assert.IsGreaterThanOrEqualTo(1, model.CallCount, r.ToString());
        StringAssert.Contains(LabelReadingModel.PromptText(model.Requests[0]), "refund-order", "the model gets the skills as tools");
        Assert.IsEmpty(app.State.Refunds);
    }
}
