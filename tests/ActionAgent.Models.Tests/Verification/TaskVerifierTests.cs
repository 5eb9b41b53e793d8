using ActionAgent.Models.Cost;
using ActionAgent.Models.Providers;
using ActionAgent.Models.Tests.Support;
using ActionAgent.Models.Verification;
using ActionAgent.TestKit.FakeServers;

namespace ActionAgent.Models.Tests.Verification;

[TestClass]
public sealed class TaskVerifierTests
{
    private const string Task = "Request a refund for order A-1001";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Verify_PageShowsConfirmation_ClaimedDoneVerified()
    {
        await using var server = await FakeOpenAIServer.StartNewAsync();
        server.EnqueueCompletion("""{"verified":true,"reason":"the page says Refund R-77 requested for order A-1001"}""", promptTokens: 1500, completionTokens: 30);
        var final = SampleObservations.RefundForm() with { Title = "Refund requested", VisibleText = "Refund R-77 requested for order A-1001." };

        var result = await Verifier(server).VerifyAsync(Task, final, "refund R-77 requested", TestContext.CancellationToken);

        Assert.AreEqual(VerificationStatus.Verified, result.Status);
        Assert.AreEqual("claimed done, verified: the page says Refund R-77 requested for order A-1001", result.Summary);
        Assert.AreEqual(1500, result.Usage.InputTokens);
        var body = server.Requests.Single().Body;
        StringAssert.Contains(body, "\"name\":\"task_verification\"");
        StringAssert.Contains(body, "\"image_url\":{\"url\":\"data:image/");
        StringAssert.Contains(body, "The agent claimed: refund R-77 requested");
        StringAssert.Contains(body, "Refund R-77 requested for order A-1001.");
    }

    [TestMethod]
    public async Task Verify_PageStillShowsTheForm_ClaimedDoneNotVerified()
    {
        await using var server = await FakeOpenAIServer.StartNewAsync();
        server.EnqueueCompletion("""{"verified":false,"reason":"the refund form is still shown with an empty order number"}""");

        var result = await Verifier(server).VerifyAsync(Task, SampleObservations.RefundForm(), "done", TestContext.CancellationToken);

        Assert.IsFalse(result.IsVerified);
        StringAssert.StartsWith(result.Summary, "claimed done, not verified: the refund form is still shown");
    }

    [TestMethod]
    public async Task Verify_NoValidVerdict_CouldNotVerify()
    {
        await using var server = await FakeOpenAIServer.StartNewAsync();
        server.EnqueueCompletion("Looks good to me!");
        server.EnqueueCompletion("""{"reason":"forgot the verdict"}""");

        var result = await Verifier(server).VerifyAsync(Task, SampleObservations.RefundForm(), "done", TestContext.CancellationToken);

        Assert.AreEqual(VerificationStatus.Unavailable, result.Status);
        Assert.AreEqual(2, server.CallCount);
        StringAssert.Contains(result.Summary, "could not verify");
        StringAssert.Contains(result.Summary, "\"verified\" (true or false) is missing");
    }

    [TestMethod]
    public async Task Verify_BudgetSpent_CouldNotVerifyWithoutCalling()
    {
        await using var server = await FakeOpenAIServer.StartNewAsync();
        var budget = new RunBudget(new Budget { MaxCalls = 0 });

        var result = await Verifier(server, budget).VerifyAsync(Task, SampleObservations.RefundForm(), "done", TestContext.CancellationToken);

        Assert.AreEqual(0, server.CallCount);
        StringAssert.Contains(result.Reason, "budget exceeded");
    }

    private static TaskVerifier Verifier(FakeOpenAIServer server, RunBudget? budget = null) =>
        new(new ChatClientFactory(TestModels.Options(server.ApiBaseUrl)).Create(ModelSpec.Parse("openai:gpt-4.1"), budget), "openai:gpt-4.1");
}
