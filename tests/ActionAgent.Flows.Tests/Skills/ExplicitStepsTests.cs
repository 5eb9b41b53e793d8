using ActionAgent.Flows.Skills;

namespace ActionAgent.Flows.Tests.Skills;

[TestClass]
public sealed class ExplicitStepsTests
{
    [TestMethod]
    public void Are_DemoStyleSteps_True()
    {
        Assert.IsTrue(ExplicitSteps.Are("Sign in with username ops and password ops-pass. Open Order 1042. Click File a refund. Enter 42.00 into Amount."));
    }

    [TestMethod]
    [DataRow("Refund order 1042 for 15 dollars because it arrived late")]
    [DataRow("Put through a 30 dollar refund for order 1046, they sent the wrong size")]
    [DataRow("Refund $18.75 on 1043, the customer says it doesn't fit")]
    public void Are_Goal_False(string task)
    {
        Assert.IsFalse(ExplicitSteps.Are(task));
    }
}
