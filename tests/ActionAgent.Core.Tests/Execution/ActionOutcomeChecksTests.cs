using ActionAgent.Core.Execution;

namespace ActionAgent.Core.Tests.Execution;

/// <summary>The one "[checked: …]" format the verifiers write and the interpreter reads back.</summary>
[TestClass]
public sealed class ActionOutcomeChecksTests
{
    [TestMethod]
    public void WithChecks_ASecondVerifierExtendsTheFirst_TheMessageNamesEveryCheckOnce()
    {
        var pixels = ActionOutcome.Success("typed into #5").WithChecks(["the field shows new text"]);
        var both = pixels.WithChecks([.. pixels.Checks!, "Amount reads \"42\""]);

        Assert.AreEqual("typed into #5 [checked: the field shows new text; Amount reads \"42\"]", both.Message);
        CollectionAssert.AreEqual(new[] { "the field shows new text", "Amount reads \"42\"" }, both.Checks!.ToArray());
        Assert.AreEqual("typed into #5", both.WithoutChecks().Message);
        Assert.IsNull(both.WithoutChecks().Checks);
    }

    [TestMethod]
    public void WithChecks_NoneAndABracketInTheMessage_LeaveTheMessageAlone()
    {
        var plain = ActionOutcome.Success("clicked \"[x]\"");

        Assert.AreEqual("clicked \"[x]\"", plain.WithChecks([]).Message);
        Assert.AreEqual("clicked \"[x]\"", plain.WithoutChecks().Message, "no checks: nothing to take off, even if it ends in ]");
    }
}
