using ActionAgent.Models.Cost;
using ActionAgent.Models.Deciders;
using ActionAgent.Models.Providers;
using ActionAgent.Models.Tests.Support;

namespace ActionAgent.Models.Tests.Deciders;

[TestClass]
public sealed class ModelDeciderFactoryTests
{
    [TestMethod]
    public void Create_Auto_BuildsARouterOverInterpreterSmallAndLarge()
    {
        using var factory = new ModelDeciderFactory(new ChatClientFactory(TestModels.Options(null)), new RunBudget());

        var decider = factory.Create("auto", new ScriptedDecider("step-interpreter"), new RoutingOptions { SmallModel = "openai:gpt-4.1-mini", LargeModel = "anthropic:claude-sonnet-4-5" });

        Assert.IsInstanceOfType<RoutingDecider>(decider);
        Assert.AreEqual("auto(step-interpreter|openai:gpt-4.1-mini|anthropic:claude-sonnet-4-5)", decider.Name);
        Assert.AreEqual("act-v3", ((RoutingDecider)decider).Versions["prompt"]);
    }

    [TestMethod]
    public void Create_UnknownProvider_ThrowsAConfigurationError()
    {
        using var factory = new ModelDeciderFactory(new ChatClientFactory(TestModels.Options(null)), new RunBudget());

        Assert.ThrowsExactly<ModelConfigurationException>(() => factory.Create("gemini:pro"));
    }
}
