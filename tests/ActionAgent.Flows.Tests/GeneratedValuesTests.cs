using System.Text.RegularExpressions;

namespace ActionAgent.Flows.Tests;

[TestClass]
public sealed class GeneratedValuesTests
{
    [TestMethod]
    public void PatternFor_RefundIdTheRunNeverTyped_MatchesTheNextIdToo()
    {
        var values = new GeneratedValues(["1042", "42.00", "2025-01-15"]);

        var pattern = values.PatternFor("/refund/confirmation?id=R-0002");

        Assert.IsNotNull(pattern);
        Assert.IsTrue(Regex.IsMatch("/refund/confirmation?id=R-0003", "^" + pattern + "$"), pattern);
        Assert.IsFalse(Regex.IsMatch("/refund/confirmation?id=X-0003", "^" + pattern + "$"), "the literal parts stay literal: " + pattern);
    }

    [TestMethod]
    public void PatternFor_OrderNumberTheRunTyped_StaysLiteral() =>
        Assert.IsNull(new GeneratedValues(["Type 1042 into Search orders"]).PatternFor("/orders/1042"));

    [TestMethod]
    public void PatternFor_GuidAndTimestamp_BecomePatterns()
    {
        var pattern = new GeneratedValues([]).PatternFor("/jobs/3f2504e0-4f89-11d3-9a0c-0305e82c3301?at=20260104T101500Z")!;

        Assert.IsTrue(Regex.IsMatch("/jobs/9b2d1a77-0000-4c3e-8e2f-aa00bb11cc22?at=20270101T000000Z", "^" + pattern + "$"), pattern);
    }

    [TestMethod]
    public void PatternFor_NoDigits_IsNull() =>
        Assert.IsNull(new GeneratedValues([]).PatternFor("/refund/confirmation"));

    [TestMethod]
    public void Equivalent_OtherGeneratedIdButSameTypedOrder_TrueThenFalse()
    {
        var values = new GeneratedValues(["Type 1042 into Search orders"]);

        Assert.IsTrue(values.Equivalent("/refund/confirmation?id=R-0002", "/refund/confirmation?id=R-0003"));
        Assert.IsFalse(values.Equivalent("/orders/1042", "/orders/1043"), "a number the run typed must match exactly");
        Assert.IsFalse(values.Equivalent("/refund/confirmation?id=R-0002", "/refund?id=R-0003"));
    }
}
