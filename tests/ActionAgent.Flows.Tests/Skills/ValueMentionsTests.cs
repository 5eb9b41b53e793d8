using ActionAgent.Flows.Skills;

namespace ActionAgent.Flows.Tests.Skills;

[TestClass]
public sealed class ValueMentionsTests
{
    [TestMethod]
    [DataRow("Refund $15 on order 1042", "15.00")]
    [DataRow("Refund 15 dollars on order 1042", "15.00")]
    [DataRow("Refund 15.00 on order 1042", "15.00")]
    [DataRow("Refund USD 15 on order 1042", "15.00")]
    [DataRow("Refund $1,250.00 on order 1045", "1250.00")]
    [DataRow("Refund fifteen dollars on order 1042", "15.00")]
    [DataRow("Refund twenty five dollars", "25.00")]
    [DataRow("Refund 3 dollars 50 cents on order 1049", "3.50")]
    [DataRow("refund them 5 bucks", "5.00")]
    [DataRow("Refund $7.5 on order 1049", "7.50")]
    public void Money_SeveralFormats_ReadAsTwoDecimals(string task, string expected)
    {
        var found = MoneyMentions.Find(task);

        Assert.AreEqual(expected, found.Single().Value, task);
        Assert.IsTrue(found.Single().IsCertain);
    }

    [TestMethod]
    public void Money_OrderIdAlone_IsNotAnAmount()
    {
        Assert.IsEmpty(MoneyMentions.Find("Refund order 1042 because it arrived late"));
    }

    [TestMethod]
    [DataRow("dated 2025-01-15", "2025-01-15")]
    [DataRow("on 01/15/2025", "2025-01-15")]
    [DataRow("on Jan 15 2025", "2025-01-15")]
    [DataRow("on 15 January 2025", "2025-01-15")]
    [DataRow("date March 22, 2025", "2025-03-22")]
    [DataRow("on the 5th of April 2025", "2025-04-05")]
    [DataRow("backdate to 2025/03/15", "2025-03-15")]
    public void Date_SeveralFormats_ReadAsIso(string task, string expected)
    {
        Assert.AreEqual(expected, DateMentions.Find(task).Single().Value, task);
    }

    [TestMethod]
    public void Date_Impossible_IsLeftOut()
    {
        Assert.IsEmpty(DateMentions.Find("refund on 2025-02-30"));
    }

    [TestMethod]
    public void Number_NamedByTheParameter_IsCertain_OthersAreNot()
    {
        var found = NumberMentions.Find("Refund 40 on order #1048", "order");

        Assert.AreEqual(2, found.Count);
        Assert.IsFalse(found.Single(f => f.Value == "40").IsCertain);
        Assert.IsTrue(found.Single(f => f.Value == "1048").IsCertain);
        Assert.IsTrue(NumberMentions.Find("Go to 1044's order page", "order").Single().IsCertain);
    }

    [TestMethod]
    public void OppositeWords_Unsubscribe_IsTheOppositeOfSubscribe()
    {
        Assert.AreEqual("unsubscribe", OppositeWords.Find("Unsubscribe ops@example.com from the newsletter", ["Subscribe {email} to the newsletter"]));
        Assert.IsNull(OppositeWords.Find("Subscribe ops@example.com to the newsletter", ["Subscribe {email} to the newsletter"]));
    }
}
