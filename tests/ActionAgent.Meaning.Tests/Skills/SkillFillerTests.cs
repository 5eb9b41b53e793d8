using ActionAgent.Flows.Definition;
using ActionAgent.Flows.Skills;

namespace ActionAgent.Meaning.Tests.Skills;

/// <summary>Filling the refund skill from tasks with the real MiniLM model: right values, and questions instead of guesses.</summary>
[TestClass]
public sealed class SkillFillerTests
{
    private const string Refund = """
        name: Refund an order
        url: ${baseUrl}/login
        parameters:
          order: number
          amount: money
          reason: { type: option, field: Reason, options: [Damaged item, Wrong size, Late delivery, Other] }
          date: { type: date, required: false }
        examples:
          - Refund order {order} for {amount} because {reason}
        steps:
          - Click the Order ${order} link
          - Type ${amount} into Amount
          - Type ${date} into Refund date
          - Select ${reason} in Reason
        """;

    private static readonly FlowDefinition Skill = FlowLoader.Parse(Refund, "refund-order.yaml", new Dictionary<string, string> { ["baseUrl"] = "http://127.0.0.1" });
    private static readonly SkillFiller Filler = new(MiniLmMeaningModel.Instance);

    [TestMethod]
    public void Fill_GoalTask_ReadsOrderAmountAndDescribedReason()
    {
        var fill = Filler.Fill(Skill, "Refund order 1042 for 15 dollars because it arrived late");

        Assert.IsTrue(fill.IsComplete, string.Join("; ", fill.Questions.Select(q => q.Why)));
        Assert.AreEqual("1042", fill.Values["order"]);
        Assert.AreEqual("15.00", fill.Values["amount"]);
        Assert.AreEqual("Late delivery", fill.Values["reason"]);
        Assert.IsFalse(fill.Values.ContainsKey("date"));
    }

    [TestMethod]
    [DataRow("Refund 15 on order 1042, it arrived late")]
    [DataRow("Order 1042: refund 15, it arrived late")]
    [DataRow("Refund $15 on 1042, it arrived late")]
    public void Fill_AmountAndOrderId_AreNeverSwapped(string task)
    {
        var fill = Filler.Fill(Skill, task);

        Assert.AreEqual("1042", fill.Values["order"], task);
        Assert.AreEqual("15.00", fill.Values["amount"], task);
    }

    [TestMethod]
    public void Fill_TwoBareNumbers_AsksForBothInsteadOfGuessing()
    {
        var fill = Filler.Fill(Skill, "Refund 1042 15, it arrived late");

        Assert.IsFalse(fill.Values.ContainsKey("order"));
        Assert.IsFalse(fill.Values.ContainsKey("amount"));
        CollectionAssert.IsSubsetOf(new[] { "order", "amount" }, fill.Questions.Select(q => q.Parameter.Name).ToArray());
    }

    [TestMethod]
    [DataRow("Refund order 1042 for 15 dollars, the customer is unhappy")]
    [DataRow("Refund order 1042 for 15 dollars, customer changed their mind")]
    [DataRow("Refund order 1042 for 15 dollars")]
    public void Fill_ReasonNotClear_IsAskedNeverGuessed(string task)
    {
        var fill = Filler.Fill(Skill, task);

        Assert.IsFalse(fill.Values.ContainsKey("reason"), $"guessed {fill.Values.GetValueOrDefault("reason")} for: {task}");
        Assert.AreEqual("reason", fill.Questions.Single().Parameter.Name);
    }

    [TestMethod]
    public void Fill_MissingAmount_IsAQuestionNamingIt()
    {
        var fill = Filler.Fill(Skill, "Refund order 1042 because it arrived late");

        var question = fill.Questions.Single();
        Assert.AreEqual("amount", question.Parameter.Name);
        Assert.IsTrue(question.IsMissing);
    }

    [TestMethod]
    public void Fill_DateInWords_FillsTheOptionalDate()
    {
        var fill = Filler.Fill(Skill, "On 1 April 2025 refund order 1040 for 10 dollars, it arrived late");

        Assert.AreEqual("2025-04-01", fill.Values["date"]);
        Assert.AreEqual("1040", fill.Values["order"]);
        Assert.AreEqual("10.00", fill.Values["amount"]);
    }
}
