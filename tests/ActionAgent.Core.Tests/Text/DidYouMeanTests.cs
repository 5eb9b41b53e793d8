using ActionAgent.Core.Text;

namespace ActionAgent.Core.Tests.Text;

[TestClass]
public sealed class DidYouMeanTests
{
    private static readonly string[] Commands = ["run", "demo", "graph", "policy", "approvals", "audit", "test", "replay", "report", "export", "sample-app", "init"];

    [TestMethod]
    [DataRow("tset", "test")]
    [DataRow("sampleapp", "sample-app")]
    [DataRow("repaly", "replay")]
    [DataRow("approval", "approvals")]
    public void Closest_MistypedCommand_SuggestsIt(string typed, string expected) =>
        Assert.AreEqual(expected, DidYouMean.Closest(typed, Commands));

    [TestMethod]
    public void Closest_CaseOnlyDifference_SuggestsTheRightSpelling() =>
        Assert.AreEqual("baseUrl", DidYouMean.Closest("baseURL", ["baseUrl", "variables"]));

    [TestMethod]
    [DataRow("publish")]
    [DataRow("x")]
    public void Closest_NothingNear_IsNull(string typed) =>
        Assert.IsNull(DidYouMean.Closest(typed, Commands));

    [TestMethod]
    public void Suffix_Near_SaysDidYouMean() =>
        Assert.AreEqual("; did you mean \"--workers\"?", DidYouMean.Suffix("--workrs", ["--workers", "--tag", "--junit"]));
}
