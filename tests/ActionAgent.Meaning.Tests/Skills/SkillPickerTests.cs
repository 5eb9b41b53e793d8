using ActionAgent.Flows.Definition;
using ActionAgent.Flows.Skills;

namespace ActionAgent.Meaning.Tests.Skills;

/// <summary>Picking a skill by meaning with the real MiniLM model: the right one, a question when two fit, nothing when none does.</summary>
[TestClass]
public sealed class SkillPickerTests
{
    private static readonly Dictionary<string, string> Base = new() { ["baseUrl"] = "http://127.0.0.1" };

    private static FlowDefinition Skill(string file, string name, string description, string parameter, string type, string example) =>
        FlowLoader.Parse($"""
            name: {name}
            description: {description}
            url: ${"{"}baseUrl{"}"}/
            parameters:
              {parameter}: {type}
            examples:
              - {example}
            steps:
              - Type ${"{"}{parameter}{"}"} into Field
            """, file, Base);

    private static readonly FlowDefinition Refund = Skill("refund-order.yaml", "Refund an order", "File a refund for an order.", "order", "number", "Refund order {order} for the customer");
    private static readonly FlowDefinition Newsletter = Skill("subscribe.yaml", "Subscribe to the newsletter", "Sign an email address up for the newsletter.", "email", "text", "Subscribe {email} to the newsletter");
    private static readonly FlowDefinition RefundCopy = Skill("refund-copy.yaml", "Refund an order", "File a refund for an order.", "order", "number", "Refund order {order} for the customer");

    private static SkillPicker Picker() => new(MiniLmMeaningModel.Instance);

    [TestMethod]
    public void Pick_RefundGoal_PicksTheRefundSkill()
    {
        var pick = Picker().Pick("Give the customer on order 1041 their money back", [Refund, Newsletter]);

        Assert.AreEqual(SkillPickOutcome.Picked, pick.Outcome);
        Assert.AreSame(Refund, pick.Skill);
    }

    [TestMethod]
    public void Pick_TwoSkillsThatMeanTheSame_IsAmbiguousAndNamesBoth()
    {
        var pick = Picker().Pick("Refund order 1042", [Refund, RefundCopy, Newsletter]);

        Assert.AreEqual(SkillPickOutcome.Ambiguous, pick.Outcome);
        Assert.IsNull(pick.Skill);
        CollectionAssert.AreEquivalent(new[] { Refund, RefundCopy }, pick.Tied.Select(t => t.Skill).ToArray());
    }

    [TestMethod]
    public void Pick_UnrelatedTask_IsNoMatchWithTheClosestListed()
    {
        var pick = Picker().Pick("What's the weather in London tomorrow?", [Refund, Newsletter]);

        Assert.AreEqual(SkillPickOutcome.NoMatch, pick.Outcome);
        Assert.HasCount(2, pick.Closest());
    }

    [TestMethod]
    public void Pick_OppositeOfASkill_IsNotPicked()
    {
        var pick = Picker().Pick("Unsubscribe ops@example.com from the newsletter", [Refund, Newsletter]);

        Assert.AreNotEqual(SkillPickOutcome.Picked, pick.Outcome);
    }
}
