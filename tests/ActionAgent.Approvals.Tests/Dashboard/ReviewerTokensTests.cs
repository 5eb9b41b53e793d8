using ActionAgent.Approvals.Dashboard;

namespace ActionAgent.Approvals.Tests.Dashboard;

[TestClass]
public sealed class ReviewerTokensTests
{
    [TestMethod]
    public void Parse_NameTokenPairs_AuthenticatesEachReviewer()
    {
        var tokens = ReviewerTokens.Parse(" alice:alice-token-0123456789 , bob:bob-token-0123456789abc ");

        Assert.AreEqual("alice", tokens.Authenticate("alice-token-0123456789"));
        Assert.AreEqual("bob", tokens.Authenticate("bob-token-0123456789abc"));
        Assert.IsNull(tokens.Authenticate("alice-token-012345678"));
        Assert.IsNull(tokens.Authenticate(""));
    }

    [TestMethod]
    [DataRow("", "no reviewer tokens")]
    [DataRow("alice", "is not name:token")]
    [DataRow("alice:short", "shorter than 16 characters")]
    [DataRow("a:aaaaaaaaaaaaaaaaaaaa,a:bbbbbbbbbbbbbbbbbbbbbb", "reviewer a is listed twice")]
    public void Parse_BadSpec_SaysWhatIsWrong(string spec, string message)
    {
        var e = Assert.ThrowsExactly<FormatException>(() => ReviewerTokens.Parse(spec));

        StringAssert.Contains(e.Message, message);
        Assert.IsFalse(e.Message.Contains("aaaaaaaaaaaaaaaa", StringComparison.Ordinal), "messages never echo a whole token");
    }
}
