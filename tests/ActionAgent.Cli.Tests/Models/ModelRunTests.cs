using System.Text.Json;
using ActionAgent.Core.Recording;
using ActionAgent.SampleApp;
using ActionAgent.TestKit;
using ActionAgent.TestKit.FakeServers;

namespace ActionAgent.Cli.Tests.Models;

/// <summary>Whole runs of the real CLI on the sample app with a model decider served by a fake OpenAI-compatible server.</summary>
[TestClass]
[DoNotParallelize]
public sealed class ModelRunTests
{
    private const string Key = "sk-test-0123456789abcdef-SECRET";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private string _dir = "";

    private static readonly (string, string, string?)[] SignInAndOpenOrder =
    [
        ("type", "Username", "ops"), ("type", "Password", "ops-pass"), ("click", "Sign in", null), ("click", "Order 1042", null),
    ];

    [TestInitialize]
    public void Init()
    {
        _dir = CliProcess.NewWorkDir("aa-model-");
    }

    /// <summary>Set by MSTest.</summary>
    public TestContext TestContext { get; set; } = null!;

    [TestCleanup]
    public void Cleanup()
    {
        // A failed run's recording is kept for diagnosis; its path is in the assertion message.
        if (TestContext.CurrentTestOutcome == UnitTestOutcome.Passed)
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    // --yes: the default policy holds every form submit (signing in too); these tests are about the model, not approval.
    private Task<CliProcess.Result> RunAsync(FakeOpenAIServer model, SampleAppServer app, params string[] extra) =>
        CliProcess.RunAsync(_dir, Timeout, new Dictionary<string, string?> { ["OPENAI_API_KEY"] = Key, ["ACTIONAGENT_API_KEY"] = Key },
            ["run", "Sign in and open order 1042", "--url", app.BaseUrl + "/login", "--model", "openai-compatible:fake-vision",
             "--base-url", model.ApiBaseUrl.ToString(), "--json", "--recordings", Path.Combine(_dir, "rec"), "--yes", .. extra]);

    private static JsonElement Json(CliProcess.Result r) => JsonDocument.Parse(r.StdOut.Trim().Split('\n')[^1]).RootElement;

    [TestMethod]
    public async Task Run_WithModel_CompletesAndRequestsCarryImageAndSchemaButNoSecret()
    {
        await using var app = await SampleAppServer.StartAsync();
        await using var model = await FakeOpenAIServer.StartNewAsync();
        model.Responder = new LabelReadingModel(SignInAndOpenOrder).Respond;

        var r = await RunAsync(model, app);

        Assert.AreEqual(0, r.ExitCode, r.ToString());
        var recording = RunRecording.Load(Json(r).GetProperty("recording").GetString()!);
        Assert.IsTrue(recording.Steps.Any(s => s.Observation.Url.EndsWith("/orders/1042", StringComparison.Ordinal)), "the model's clicks reached the order page");
        Assert.AreEqual("act-v3", recording.Manifest.Versions.GetValueOrDefault("prompt"), "the prompt version is recorded");
        Assert.IsTrue(recording.Manifest.Tokens > 0, "token usage is accounted");
        Assert.IsTrue(model.CallCount >= 5);
        foreach (var request in model.Requests)
        {
            StringAssert.Contains(request.Body, "data:image/", "every step sends the screenshot");
            StringAssert.Contains(request.Body, "json_schema", "every step sends the action schema");
            Assert.IsFalse(request.Body.Contains(Key, StringComparison.Ordinal), "the API key must never be in a request body");
            Assert.IsFalse(request.HeadersExcept("Authorization", "api-key", "x-api-key").Contains(Key, StringComparison.Ordinal));
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(_dir, "rec"), "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".png", StringComparison.Ordinal)))
        {
            Assert.IsFalse(File.ReadAllText(file).Contains(Key, StringComparison.Ordinal), $"the API key leaked into {file}");
        }
    }

    [TestMethod]
    public async Task Run_WithAnthropic_CompletesOverTheMessagesApiWithImageAndNoSecret()
    {
        await using var app = await SampleAppServer.StartAsync();
        await using var model = await FakeAnthropicServer.StartNewAsync();
        model.Responder = new LabelReadingModel(SignInAndOpenOrder) { Reply = text => FakeAnthropicServer.Message(text) }.Respond;

        var r = await CliProcess.RunAsync(_dir, Timeout, new Dictionary<string, string?> { ["ANTHROPIC_API_KEY"] = Key },
            "run", "Sign in and open order 1042", "--url", app.BaseUrl + "/login", "--model", "anthropic:claude-fake",
            "--base-url", model.BaseUrl.ToString(), "--json", "--recordings", Path.Combine(_dir, "rec"), "--yes");

        Assert.AreEqual(0, r.ExitCode, r.ToString());
        var recording = RunRecording.Load(Json(r).GetProperty("recording").GetString()!);
        Assert.IsTrue(recording.Steps.Any(s => s.Observation.Url.EndsWith("/orders/1042", StringComparison.Ordinal)), "the model's clicks reached the order page");
        Assert.IsTrue(recording.Manifest.Tokens > 0, "token usage from the Messages API is accounted");
        foreach (var request in model.Requests)
        {
            StringAssert.Contains(request.Body, "\"type\":\"image\"", "every step sends the screenshot as an image block");
            Assert.IsFalse(request.Body.Contains(Key, StringComparison.Ordinal), "the API key must never be in a request body");
        }
    }

    [TestMethod]
    public async Task Run_ServerErrorsThenSuccess_RetriesAndCompletes()
    {
        await using var app = await SampleAppServer.StartAsync();
        await using var model = await FakeOpenAIServer.StartNewAsync();
        model.EnqueueError(500);
        model.EnqueueError(429, "slow down", "rate_limit", new Dictionary<string, string> { ["Retry-After"] = "0" });
        model.Responder = new LabelReadingModel(SignInAndOpenOrder).Respond;

        var r = await RunAsync(model, app);

        Assert.AreEqual(0, r.ExitCode, r.ToString());
    }

    [TestMethod]
    public async Task Run_BudgetOfTwoCalls_StopsWithBudgetExitCode()
    {
        await using var app = await SampleAppServer.StartAsync();
        await using var model = await FakeOpenAIServer.StartNewAsync();
        model.Responder = new LabelReadingModel(SignInAndOpenOrder).Respond;

        var r = await RunAsync(model, app, "--budget-calls", "2");

        Assert.AreEqual(7, r.ExitCode, r.ToString());
        StringAssert.Contains(Json(r).GetProperty("message").GetString(), "budget exceeded");
        Assert.AreEqual(2, model.CallCount, "the budget is enforced before the third call");
    }

    [TestMethod]
    public async Task Run_ModelAnswersProse_FailsAsInvalidOutputAfterRetries()
    {
        await using var app = await SampleAppServer.StartAsync();
        await using var model = await FakeOpenAIServer.StartNewAsync();
        model.Responder = _ => FakeOpenAIServer.Completion("I think you should click the blue button.");

        var r = await RunAsync(model, app);

        Assert.AreEqual(6, r.ExitCode, r.ToString());
        StringAssert.Contains(Json(r).GetProperty("message").GetString(), "invalid model output");
        Assert.AreEqual(3, model.CallCount, "one call and two retries with the validation error fed back");
        StringAssert.Contains(LabelReadingModel.PromptText(model.Requests[1]), "click the blue button", "the retry shows the model its invalid answer");
        Assert.IsTrue(LabelReadingModel.PromptText(model.Requests[1]).Length > LabelReadingModel.PromptText(model.Requests[0]).Length, "the retry adds the validation error");
    }

    [TestMethod]
    public async Task Run_OpenAiWithoutKey_ExitsTwoNamingTheVariable()
    {
        var r = await CliProcess.RunAsync(_dir, Timeout, new Dictionary<string, string?> { ["OPENAI_API_KEY"] = null, ["ACTIONAGENT_API_KEY"] = null },
            "run", "Click Orders", "--url", "http://127.0.0.1:9/", "--model", "openai:gpt-4.1-mini");

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "OPENAI_API_KEY", r.ToString());
    }

    [TestMethod]
    public async Task Run_UnknownProvider_ExitsTwo()
    {
        var r = await CliProcess.RunAsync(_dir, Timeout, "run", "Click Orders", "--url", "http://127.0.0.1:9/", "--model", "frobnitz:large");

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "frobnitz", r.ToString());
    }

    [TestMethod]
    public async Task Run_Auto_InterpreterHandlesGroundableStepsAndModelOnlyTheRest()
    {
        await using var app = await SampleAppServer.StartAsync();
        await using var model = await FakeOpenAIServer.StartNewAsync();
        model.Responder = new LabelReadingModel(("click", "Order 1042", null)).Respond;

        var r = await CliProcess.RunAsync(_dir, Timeout, new Dictionary<string, string?> { ["ACTIONAGENT_API_KEY"] = Key, ["OPENAI_API_KEY"] = Key },
            "run", "Sign in with username ops and password ops-pass. Then find the order of Alan Turing.", "--url", app.BaseUrl + "/login",
            "--model", "auto", "--small-model", "openai-compatible:small", "--large-model", "openai-compatible:large",
            "--base-url", model.ApiBaseUrl.ToString(), "--json", "--recordings", Path.Combine(_dir, "rec"), "--max-steps", "12", "--yes");

        var recording = RunRecording.Load(Directory.GetDirectories(Path.Combine(_dir, "rec")).Single());
        var deciders = recording.Steps.Select(s => s.Proposal.DecidedBy).ToList();
        Assert.IsTrue(deciders.Contains("step-interpreter"), "groundable steps go to the offline interpreter: " + string.Join(",", deciders));
        Assert.IsTrue(deciders.Any(d => d.Contains("small", StringComparison.Ordinal)), "the vague step goes to the small model: " + string.Join(",", deciders));
        Assert.IsTrue(model.Requests.All(q => q.Body.Contains("\"small\"", StringComparison.Ordinal) || q.Body.Contains("\"large\"", StringComparison.Ordinal)));
        Assert.IsTrue(recording.Steps.Any(s => s.Observation.Url.EndsWith("/orders/1042", StringComparison.Ordinal)), r.ToString());
    }

    [TestMethod]
    public async Task Run_VerifyPass_ReportsVerifiedOrFailsWhenNotVerified()
    {
        await using var app = await SampleAppServer.StartAsync();
        await using var model = await FakeOpenAIServer.StartNewAsync();
        model.Responder = new LabelReadingModel(SignInAndOpenOrder).Respond;
        var verdicts = new Queue<string>(["""{"verified": false, "reason": "the page shows the orders list, not order 1042"}"""]);
        var inner = model.Responder;
        model.Responder = q => q.Body.Contains("task_verification", StringComparison.Ordinal)
            ? FakeOpenAIServer.Completion(verdicts.Count > 0 ? verdicts.Dequeue() : """{"verified": true, "reason": "order 1042 is shown"}""")
            : inner(q);

        var notVerified = await RunAsync(model, app, "--verify");
        Assert.AreEqual(1, notVerified.ExitCode, notVerified.ToString());
        StringAssert.Contains(Json(notVerified).GetProperty("message").GetString(), "claimed done, not verified");

        var fresh = new LabelReadingModel(SignInAndOpenOrder);
        model.Responder = q => q.Body.Contains("task_verification", StringComparison.Ordinal)
            ? FakeOpenAIServer.Completion("""{"verified": true, "reason": "order 1042 is shown"}""")
            : fresh.Respond(q);
        var verified = await RunAsync(model, app, "--verify");
        Assert.AreEqual(0, verified.ExitCode, verified.ToString());
        StringAssert.Contains(Json(verified).GetProperty("message").GetString(), "claimed done, verified");
    }
}
