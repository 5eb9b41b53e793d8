using ActionAgent.SampleApp;
using ActionAgent.TestKit;
using ActionAgent.TestKit.FakeServers;

namespace ActionAgent.Cli.Tests.Flows;

/// <summary><c>actionagent test --model</c>: a flow step only a model can ground, cached, re-run and healed, on the sample app.</summary>
[TestClass]
[DoNotParallelize]
public sealed class FlowModelCacheTests
{
    private const string Key = "sk-test-flows-0123456789";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);
    private string _dir = "";

    [TestInitialize]
    public void Init()
    {
        _dir = CliProcess.NewWorkDir("aa-flowmodel-");
    }

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [TestMethod]
    public async Task Test_OpenEndedStepWithModel_CachedRerunMakesZeroModelCalls_ThenRenamedButtonHealsAndReportMarksIt()
    {
        await using var app = await SampleAppServer.StartAsync();
        await using var model = await FakeOpenAIServer.StartNewAsync();
        var flow = WriteLookupFlow("""
            expect:
              - the page shows Order 1042
            """);
        Task<CliProcess.Result> RunAsync() => CliProcess.RunAsync(_dir, Timeout, new Dictionary<string, string?> { ["OPENAI_API_KEY"] = Key },
            "test", flow, "--var", "baseUrl=" + app.BaseUrl, "--model", "openai:gpt-4o-mini", "--base-url", model.ApiBaseUrl.ToString(),
            "--cache", Path.Combine(_dir, "cache.json"), "--html", Path.Combine(_dir, "html"));

        model.Responder = SignInAndSearchModel().Respond;
        var first = await RunAsync();
        var afterFirst = model.CallCount;
        var second = await RunAsync();
        var afterSecond = model.CallCount;
        app.AlternateLayout = true;
        model.Responder = new LabelReadingModel(("click", "Find", null)).Respond;
        var healed = await RunAsync();

        Assert.AreEqual(0, first.ExitCode, first.ToString());
        Assert.IsTrue(afterFirst >= 6, $"the interpreter cannot ground the step, so the model decided it ({afterFirst} calls)");
        Assert.AreEqual(0, second.ExitCode, second.ToString());
        Assert.AreEqual(0, afterSecond - afterFirst, "the cached re-run makes zero model calls\n" + second);
        StringAssert.Contains(second.StdOut, " 0 misses", second.ToString());

        Assert.AreEqual(0, healed.ExitCode, healed.ToString());
        StringAssert.Contains(healed.StdOut, "healed: \"Sign in as the operations user and look up order 1042\"", healed.ToString());
        StringAssert.Contains(healed.StdOut, "button \"Search\"", healed.ToString());
        Assert.IsTrue(model.CallCount - afterSecond is > 0 and <= 3, $"only the healed action (and the finish) went to the model: {model.CallCount - afterSecond} calls");
        var html = File.ReadAllText(Path.Combine(_dir, "html", "report.html"));
        StringAssert.Contains(html, "Self-healed steps (1)", "the report marks the healed step");
        StringAssert.Contains(html, "&quot;Find&quot;", "the report names the new target");
    }

    [TestMethod]
    public async Task Test_ModelCallBudgetSpent_FailsTheFlowSayingWhichLimitAndStopsCallingTheModel()
    {
        await using var app = await SampleAppServer.StartAsync();
        await using var model = await FakeOpenAIServer.StartNewAsync();
        var flow = WriteLookupFlow("");
        model.Responder = SignInAndSearchModel().Respond;

        var r = await CliProcess.RunAsync(_dir, Timeout, new Dictionary<string, string?> { ["OPENAI_API_KEY"] = Key },
            "test", flow, "--var", "baseUrl=" + app.BaseUrl, "--model", "openai:gpt-4o-mini", "--base-url", model.ApiBaseUrl.ToString(),
            "--budget-calls", "2", "--no-cache", "--html", Path.Combine(_dir, "html"));

        Assert.AreEqual(1, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdOut, "0 passed, 1 failed", r.ToString());
        StringAssert.Contains(r.StdOut, "budget exceeded", r.ToString());
        StringAssert.Contains(r.StdOut, "2 allowed model calls", r.ToString());
        Assert.AreEqual(2, model.CallCount, "no model call past the budget");
    }

    /// <summary>The model's answers for the lookup step: fill the sign-in form, then search for the order.</summary>
    private static LabelReadingModel SignInAndSearchModel() => new(
        ("type", "Username", "ops"), ("type", "Password", "ops-pass"), ("click", "button:Sign in", null),
        ("type", "Search orders", "1042"), ("click", "button:Search", null));

    /// <summary>A flow whose one step only a model can ground, with <paramref name="tail"/> (YAML) after its steps.</summary>
    private string WriteLookupFlow(string tail)
    {
        var flow = Path.Combine(_dir, "lookup.yaml");
        File.WriteAllText(flow, """
            name: Look up an order
            url: ${baseUrl}/login
            steps:
              - Sign in as the operations user and look up order 1042

            """ + tail);
        return flow;
    }

    [TestMethod]
    [DataRow("--budget-cost", "lots", "--budget-cost must be an amount like 0.50, got \"lots\"")]
    [DataRow("--budget-calls", "-3", "--budget-calls must be a positive number of model calls, got -3")]
    public async Task Test_BadBudgetValue_IsBadInputBeforeAnyFlowRuns(string option, string value, string message)
    {
        var flow = Path.Combine(_dir, "lookup.yaml");
        File.WriteAllText(flow, "name: X\nurl: http://127.0.0.1:9/\nsteps:\n  - Click Search\n");

        var r = await CliProcess.RunAsync(_dir, Timeout, new Dictionary<string, string?> { ["OPENAI_API_KEY"] = Key },
            "test", flow, "--model", "openai:gpt-4o-mini", option, value, "--html", Path.Combine(_dir, "html"));

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, message, r.ToString());
        Assert.IsFalse(Directory.Exists(Path.Combine(_dir, "html")), "nothing ran, no report");
    }
}
