using ActionAgent.Flows.Definition;
using ActionAgent.Flows.Skills;

namespace ActionAgent.Flows.Tests.Definition;

[TestClass]
public sealed class SkillLoaderTests
{
    private const string Skill = """
        name: Refund an order
        url: ${baseUrl}/login
        parameters:
          order: { type: number }
          amount: money
          reason: { type: option, field: Reason, options: [Damaged item, Late delivery] }
          notes: { type: text, required: false }
        examples:
          - Refund order {order} for {amount} because {reason}
        steps:
          - Click the Order ${order} link
          - Type ${amount} into Amount
          - Select ${reason} in Reason
          - Type ${notes} into Notes
        """;

    private static readonly Dictionary<string, string> Base = new() { ["baseUrl"] = "http://127.0.0.1:5000" };

    [TestMethod]
    public void Parse_Skill_ReadsParametersExamplesAndSkipsTheStepOfAnEmptyOptionalParameter()
    {
        var flow = FlowLoader.Parse(Skill, "skills/refund.yaml", new Dictionary<string, string>(Base) { ["order"] = "1042", ["amount"] = "15.00", ["reason"] = "Late delivery" });

        Assert.IsTrue(flow.IsSkill);
        CollectionAssert.AreEqual(new[] { "order", "amount", "reason", "notes" }, flow.Parameters.Select(p => p.Name).ToArray());
        Assert.AreEqual(SkillParameterType.Money, flow.Parameters[1].Type);
        Assert.IsTrue(flow.Parameters[0].IsRequired);
        Assert.IsFalse(flow.Parameters[3].IsRequired);
        Assert.AreEqual("Reason", flow.Parameters[2].Field);
        CollectionAssert.AreEqual(new[] { "Click the Order 1042 link", "Type 15.00 into Amount", "Select Late delivery in Reason" }, flow.Steps.Select(s => s.Text).ToArray());
        Assert.AreEqual("Refund order {order} for {amount} because {reason}", flow.Examples.Single());
    }

    [TestMethod]
    public void Parse_OptionalParameterGiven_KeepsItsStep()
    {
        var flow = FlowLoader.Parse(Skill, "skills/refund.yaml", new Dictionary<string, string>(Base) { ["notes"] = "called twice" });

        Assert.AreEqual("Type called twice into Notes", flow.Steps[^1].Text);
    }

    [TestMethod]
    public void Parse_UnknownParameterType_IsRefusedAtTheType()
    {
        var e = Assert.ThrowsExactly<FlowFormatException>(() => FlowLoader.Parse(Skill.Replace("amount: money", "amount: currency"), "skills/refund.yaml", Base));

        StringAssert.StartsWith(e.Message, "skills/refund.yaml:5:11: unknown parameter type \"currency\"");
    }

    [TestMethod]
    public void Parse_ParameterUsedInNoStep_IsRefusedAtItsName()
    {
        var e = Assert.ThrowsExactly<FlowFormatException>(() => FlowLoader.Parse(Skill.Replace("  - Type ${notes} into Notes", "  - Click Submit"), "skills/refund.yaml", Base));

        Assert.AreEqual("skills/refund.yaml:7:3: parameter notes is used in no step; write ${notes} where its value goes, or remove it", e.Message);
    }

    [TestMethod]
    public void Parse_ExampleNamingNoParameter_IsRefusedAtTheExample()
    {
        var e = Assert.ThrowsExactly<FlowFormatException>(() => FlowLoader.Parse(Skill.Replace("Refund order {order} for {amount} because {reason}", "Refund an order"), "skills/refund.yaml", Base));

        StringAssert.StartsWith(e.Message, "skills/refund.yaml:9:5: example \"Refund an order\" names no parameter");
    }

    [TestMethod]
    public void Parse_ExampleNamingAnUnknownPlaceholder_IsRefusedAtThePlaceholder()
    {
        var e = Assert.ThrowsExactly<FlowFormatException>(() => FlowLoader.Parse(Skill.Replace("for {amount}", "for {sum}"), "skills/refund.yaml", Base));

        StringAssert.StartsWith(e.Message, "skills/refund.yaml:9:30: example names {sum}, which is not a parameter");
    }

    [TestMethod]
    public void Parse_OptionParameterWithoutOptions_IsRefused()
    {
        var e = Assert.ThrowsExactly<FlowFormatException>(() => FlowLoader.Parse(Skill.Replace(", options: [Damaged item, Late delivery]", ""), "skills/refund.yaml", Base));

        StringAssert.Contains(e.Message, "option parameter reason needs options");
    }

    [TestMethod]
    public void Load_SampleSkill_IsASkillWithTheRefundParameters()
    {
        var flow = FlowLoader.Load(Path.Combine(RepoRoot(), "flows", "skills", "refund-order.yaml"), Base);

        CollectionAssert.IsSubsetOf(new[] { "order", "amount", "reason" }, flow.Parameters.Where(p => p.IsRequired).Select(p => p.Name).ToArray());
        CollectionAssert.Contains(flow.Parameters.Single(p => p.Name == "reason").Options.ToArray(), "Late delivery");
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ActionAgent.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
