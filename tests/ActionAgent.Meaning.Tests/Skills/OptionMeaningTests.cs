using ActionAgent.Flows.Definition;
using ActionAgent.Flows.Skills;

namespace ActionAgent.Meaning.Tests.Skills;

/// <summary>
/// Option parameters with meanings (options: { Store credit: [a voucher for the shop] }) and optional defaults: a task
/// that leans to another option than the default never runs with the default silently; a negated word does not count.
/// </summary>
[TestClass]
public sealed class OptionMeaningTests
{
    private const string Skill = """
        name: Refund an order
        url: ${baseUrl}/login
        parameters:
          order: number
          amount: money
          reason:
            type: option
            field: Reason
            options:
              Damaged item: [arrived broken or damaged]
              Late delivery: [arrived late, slow delivery]
              Other: [any other reason]
          method:
            type: option
            field: Refund method
            default: Original payment
            options:
              Original payment: [money back to the card or account they paid with]
              Store credit: [a voucher or gift card for the shop, credit to spend in the store]
          priority:
            type: option
            field: Priority
            default: Normal
            options:
              Normal: [routine]
              High: [urgent]
        examples:
          - Refund order {order} for {amount} because {reason}
        steps:
          - Click the Order ${order} link
          - Type ${amount} into Amount
          - Select ${reason} in Reason
          - Choose the ${method} refund method
          - Click ${priority}
        """;

    private static readonly FlowDefinition Refund = FlowLoader.Parse(Skill, "refund-order.yaml", new Dictionary<string, string> { ["baseUrl"] = "http://127.0.0.1" });
    private static readonly SkillFiller Filler = new(MiniLmMeaningModel.Instance);

    [TestMethod]
    public void Load_OptionsAsMapping_KeepsTheOptionsInOrderAndTheirMeanings()
    {
        var method = Refund.Parameters.Single(p => p.Name == "method");

        CollectionAssert.AreEqual(new[] { "Original payment", "Store credit" }, method.Options.ToArray());
        Assert.AreEqual("a voucher or gift card for the shop", method.OptionMeanings["Store credit"][0]);
    }

    [TestMethod]
    public void Fill_VoucherInsteadOfMoney_NeverKeepsTheDefaultMethodSilently()
    {
        var fill = Filler.Fill(Refund, "Give order 1044 a 10 dollar voucher for the shop instead of money, it was late");

        var method = fill.Values.GetValueOrDefault("method");
        var asked = fill.Questions.Any(q => q.Parameter.Name == "method");
        Assert.IsTrue(method == "Store credit" || asked, $"method {method ?? "(default)"} without a question is a guess");
        Assert.AreNotEqual("Original payment", fill.ValuesWithDefaults()["method"] is var v && !asked ? v : "", "the default must not be run silently");
    }

    [TestMethod]
    public void Fill_PlainRefund_KeepsTheDefaultMethodWithoutAsking()
    {
        var fill = Filler.Fill(Refund, "Refund order 1042 for 15 dollars because it arrived late");

        Assert.IsTrue(fill.IsComplete, string.Join("; ", fill.Questions.Select(q => q.Why)));
        Assert.AreEqual("Original payment", fill.ValuesWithDefaults()["method"]);
        Assert.AreEqual("Late delivery", fill.Values["reason"]);
    }

    [TestMethod]
    public void Fill_OptionMeaningWord_FillsTheOption_ButNotWhenNegated()
    {
        Assert.AreEqual("High", Filler.Fill(Refund, "Refund order 1042 for 15 dollars, it arrived late, this is urgent").ValuesWithDefaults()["priority"]);

        var negated = Filler.Fill(Refund, "Refund order 1042 for 15 dollars, it arrived late, it is not urgent");
        Assert.AreNotEqual("High", negated.Values.GetValueOrDefault("priority"), "\"not urgent\" must not read as urgent");
    }
}
