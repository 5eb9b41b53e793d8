namespace ActionAgent.Models.Tests.Deciders;

[TestClass]
public sealed class ModelFailuresTests
{
    [TestMethod]
    [DataRow("model call failed: openai:gpt-4o: the provider rejected the API key (401 Unauthorized); check OPENAI_API_KEY", 3)]
    [DataRow("model call failed: openai:gpt-4o: the API key may not use this model or endpoint (403 Forbidden: no access); check", 3)]
    [DataRow("budget exceeded: the run has made 10 of its 10 allowed model calls", 4)]
    [DataRow("model call failed: openai:gpt-4o: could not reach http://127.0.0.1:1/v1 after 4 attempts (Connection refused)", 5)]
    [DataRow("model call failed: openai:gpt-4o: still rate limited (429) after 4 attempts", 5)]
    [DataRow("invalid model output: openai:gpt-4o gave no valid action in 3 attempts; last problem: it was not JSON", 6)]
    [DataRow("the order A-1001 does not exist", 1)]
    [DataRow(null, 1)]
    public void SuggestedExitCode_MapsEachFailureKind(string? reason, int code)
    {
        Assert.AreEqual(code, ModelFailures.SuggestedExitCode(reason));
    }
}
