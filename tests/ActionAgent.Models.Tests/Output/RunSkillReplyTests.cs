using System.Text.Json;
using ActionAgent.Core.Decision;
using ActionAgent.Models.Output;
using ActionAgent.Models.Prompting;
using ActionAgent.TestKit.FakeServers;

namespace ActionAgent.Models.Tests.Output;

/// <summary>run_skill answers: accepted only when skills are offered, and only naming an offered skill and its parameters.</summary>
[TestClass]
public sealed class RunSkillReplyTests
{
    private static readonly SkillTool Refund = new("refund-order", "Refund an order", "File a refund",
    [
        new SkillToolParameter("order", "number", true),
        new SkillToolParameter("amount", "money", true),
        new SkillToolParameter("reason", "option", true) { Options = ["Damaged item", "Late delivery"] },
    ]);

    private static string Call(string skill, string paramsJson) =>
        $$"""{"action":"run_skill","value":"{{skill}}","params":{{paramsJson}},"reason":"the skill does it","confidence":0.9}""";

    [TestMethod]
    public void Parse_RunSkillWithListedSkill_IsARunSkillActionWithItsParameters()
    {
        var reply = ActionReplyParser.Parse(Call("refund-order", """[{"name":"order","value":"1042"},{"name":"Amount","value":"15.00"}]"""), SampleObservations.RefundForm(), 1, [Refund]);

        Assert.IsTrue(reply.IsAction, reply.Error);
        var action = (RunSkillAction)reply.Action!;
        Assert.AreEqual("refund-order", action.Skill);
        Assert.AreEqual("15.00", action.Parameters["amount"], "parameter names are the skill's spelling");
        Assert.AreEqual("1042", action.Parameters["order"]);
    }

    [TestMethod]
    public void Parse_RunSkillWithoutSkillsOffered_IsAnUnknownAction()
    {
        var reply = ActionReplyParser.Parse(Call("refund-order", "[]"), SampleObservations.RefundForm());

        Assert.IsFalse(reply.IsAction);
        StringAssert.Contains(reply.Error, "unknown action \"run_skill\"");
    }

    [TestMethod]
    public void Parse_RunSkillNamingAnUnlistedSkill_IsRefusedNamingTheListedOnes()
    {
        var reply = ActionReplyParser.Parse(Call("delete-customer", "[]"), SampleObservations.RefundForm(), 1, [Refund]);

        Assert.IsFalse(reply.IsAction);
        StringAssert.Contains(reply.Error, "\"delete-customer\" is not one of the listed skills (refund-order)");
    }

    [TestMethod]
    public void Parse_RunSkillWithAParameterTheSkillDoesNotHave_IsRefused()
    {
        var reply = ActionReplyParser.Parse(Call("refund-order", """[{"name":"discount","value":"5"}]"""), SampleObservations.RefundForm(), 1, [Refund]);

        Assert.IsFalse(reply.IsAction);
        StringAssert.Contains(reply.Error, "has no parameter \"discount\"");
    }

    [TestMethod]
    public void SchemaWithSkills_AddsRunSkillAndParams_AndTheDefaultSchemaIsUnchanged()
    {
        using var plain = JsonDocument.Parse(ActionSchema.Text);
        using var skills = JsonDocument.Parse(ActionSchema.TextWithSkills);

        Assert.IsFalse(plain.RootElement.GetProperty("properties").TryGetProperty("params", out _), "without skills the schema has no params");
        Assert.IsFalse(ActionSchema.Actions.Contains("run_skill"));
        Assert.IsTrue(skills.RootElement.GetProperty("properties").GetProperty("action").GetProperty("enum").EnumerateArray().Any(e => e.GetString() == "run_skill"));
        Assert.IsTrue(skills.RootElement.GetProperty("required").EnumerateArray().Any(e => e.GetString() == "params"), "strict mode needs every property required");
    }

    [TestMethod]
    public void UserText_WithSkills_ListsThemWithTypedParameters()
    {
        var context = SampleObservations.RefundContext() with { Skills = [Refund] };

        var (text, _) = new PromptBuilder().RenderUserText(context);

        StringAssert.Contains(text, "- refund-order: Refund an order - File a refund");
        StringAssert.Contains(text, "params: order number*; amount money*; reason one of [Damaged item | Late delivery]*");
        Assert.IsFalse(new PromptBuilder().RenderUserText(SampleObservations.RefundContext()).Text.Contains("SKILLS", StringComparison.Ordinal), "no skills, no SKILLS section");
    }
}
