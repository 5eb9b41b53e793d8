using ActionAgent.Flows.Definition;
using ActionAgent.Flows.Expectations;

namespace ActionAgent.Flows.Tests.Definition;

[TestClass]
public sealed class FlowLoaderTests
{
    private const string Refund = """
        name: File a refund
        url: ${baseUrl}/login
        tags: [refund, smoke]
        timeout: 1m30s
        variables:
          order: "1042"
          amount: "42.00"
        steps:
          - Type ops into Username
          - Type {{secret:OPS_PASSWORD}} into Password
          - Click Sign in
          - expect: the URL ends with /orders
          - Type ${order} into Search orders
          - Click Order ${order}
        expect:
          - the page shows Refund filed
          - the Amount field reads ${amount}
        """;

    private static readonly Dictionary<string, string> Base = new() { ["baseUrl"] = "http://127.0.0.1:5000" };

    [TestMethod]
    public void Parse_RefundFlow_ResolvesVariablesAndKeepsSecretReferences()
    {
        var flow = FlowLoader.Parse(Refund, "flows/refund.yaml", Base);

        Assert.AreEqual("File a refund", flow.Name);
        Assert.AreEqual("http://127.0.0.1:5000/login", flow.Url);
        CollectionAssert.AreEqual(new[] { "refund", "smoke" }, flow.Tags.ToArray());
        Assert.AreEqual(TimeSpan.FromSeconds(90), flow.Timeout);
        Assert.AreEqual(6, flow.Steps.Count);
        Assert.AreEqual("Type {{secret:OPS_PASSWORD}} into Password", flow.Steps[1].Instruction);
        Assert.AreEqual("Type 1042 into Search orders", flow.Steps[4].Instruction);
        CollectionAssert.AreEqual(new[] { "OPS_PASSWORD" }, flow.SecretNames.ToArray());
        var inline = flow.Steps[3].Expectation as UrlExpectation;
        Assert.IsNotNull(inline);
        Assert.AreEqual(UrlMatchKind.EndsWith, inline.Match);
        Assert.AreEqual("/orders", inline.Value);
        Assert.AreEqual(12, flow.Steps[3].Location.Line);
        Assert.AreEqual("42.00", ((FieldValueExpectation)flow.Expectations[1]).Value);
    }

    [TestMethod]
    public void Parse_VariableOverride_WinsOverDefault()
    {
        var vars = new Dictionary<string, string>(Base) { ["order"] = "2001" };

        var flow = FlowLoader.Parse(Refund, "flows/refund.yaml", vars);

        Assert.AreEqual("Type 2001 into Search orders", flow.Steps[4].Instruction);
        Assert.AreEqual("2001", flow.Variables["order"]);
    }

    [TestMethod]
    public void Parse_MisspelledKey_ReportsLineColumnAndExpectedKeys()
    {
        const string yaml = """
            name: Broken
            url: /login
            stpes:
              - Click Sign in
            """;

        var e = Assert.ThrowsExactly<FlowFormatException>(() => FlowLoader.Parse(yaml, "flows/refund.yaml"));

        StringAssert.StartsWith(e.Message, "flows/refund.yaml:3:1: unknown key \"stpes\" (expected: name, url, tags, variables, steps, expect, timeout");
        StringAssert.Contains(e.Message, "did you mean \"steps\"?");
    }

    [TestMethod]
    public void Parse_BadIndentation_ReportsYamlPosition()
    {
        const string yaml = "name: Broken\nurl: /login\nsteps:\n  - Click Sign in\n - Click Search\n";

        var e = Assert.ThrowsExactly<FlowFormatException>(() => FlowLoader.Parse(yaml, "flows/bad.yaml"));

        Assert.AreEqual(5, e.Location.Line, e.Message);
        StringAssert.StartsWith(e.Message, "flows/bad.yaml:5:");
    }

    [TestMethod]
    public void Parse_UnknownVariable_NamesFlowLineAndKnownVariables()
    {
        const string yaml = """
            name: Search
            url: ${baseUrl}/orders
            variables:
              order: "1042"
            steps:
              - Type ${foo} into Search orders
            """;

        var e = Assert.ThrowsExactly<FlowFormatException>(() => FlowLoader.Parse(yaml, "flows/search.yaml", Base));

        Assert.AreEqual("flows/search.yaml:6:10: unknown variable ${foo} in flow \"Search\"; known variables: baseUrl, order. Define it under variables: or pass --var foo=VALUE", e.Message);
    }

    [TestMethod]
    public void Parse_BaseUrlNotGiven_ExplainsHowToPassIt()
    {
        var e = Assert.ThrowsExactly<FlowFormatException>(() => FlowLoader.Parse(Refund, "flows/refund.yaml"));

        StringAssert.Contains(e.Message, "flows/refund.yaml:2:6: unknown variable ${baseUrl}");
        StringAssert.Contains(e.Message, "--var baseUrl=VALUE");
    }

    [TestMethod]
    public void Parse_DefaultReferringToOtherVariable_IsResolved()
    {
        const string yaml = """
            name: Chain
            url: ${start}
            variables:
              start: ${baseUrl}/orders/${order}
              order: "7"
            steps:
              - Click Back
            """;

        var flow = FlowLoader.Parse(yaml, "chain.yaml", Base);

        Assert.AreEqual("http://127.0.0.1:5000/orders/7", flow.Url);
    }

    [TestMethod]
    public void Parse_UnsupportedExpectation_ListsSupportedForms()
    {
        const string yaml = """
            name: Odd
            url: /x
            steps:
              - Click Go
            expect:
              - the moon is blue
            """;

        var e = Assert.ThrowsExactly<FlowFormatException>(() => FlowLoader.Parse(yaml, "odd.yaml"));

        StringAssert.StartsWith(e.Message, "odd.yaml:6:5: unsupported expectation \"the moon is blue\"");
        StringAssert.Contains(e.Message, "the page shows TEXT");
    }

    [TestMethod]
    public void Parse_MissingSteps_SaysWhichKeyIsMissing()
    {
        var e = Assert.ThrowsExactly<FlowFormatException>(() => FlowLoader.Parse("name: A\nurl: /x\n", "a.yaml"));

        Assert.AreEqual("a.yaml:1:1: missing required key \"steps\" in flow \"A\"", e.Message);
    }

    [TestMethod]
    public void Parse_InvalidTimeout_ShowsAcceptedForms()
    {
        var e = Assert.ThrowsExactly<FlowFormatException>(() => FlowLoader.Parse("name: A\nurl: /x\ntimeout: soon\nsteps: [Click Go]\n", "a.yaml"));

        StringAssert.StartsWith(e.Message, "a.yaml:3:10: invalid timeout \"soon\"");
    }

    [TestMethod]
    public void Parse_Region_ResolvesBaselineNextToFlowFile()
    {
        const string yaml = """
            name: Banner
            url: /x
            steps: [Click Go]
            expect:
              - region: { name: banner, x: 0, y: 0, width: 1280, height: 120, baseline: baselines/banner.png, tolerance: 0.02 }
            """;

        var flow = FlowLoader.Parse(yaml, "flows/banner.yaml", baseDirectory: "/repo/flows");

        var region = (VisualRegionExpectation)flow.Expectations[0];
        Assert.AreEqual("/repo/flows/baselines/banner.png", region.BaselinePath);
        Assert.AreEqual(120, region.Region.Height);
        Assert.AreEqual(0.02, region.Tolerance);
    }

    [TestMethod]
    public void Parse_UnquotedColonInStep_ExplainsQuoting()
    {
        const string yaml = "name: A\nurl: /x\nsteps:\n  - Check: the total\n";

        var e = Assert.ThrowsExactly<FlowFormatException>(() => FlowLoader.Parse(yaml, "a.yaml"));

        StringAssert.StartsWith(e.Message, "a.yaml:4:5:");
        StringAssert.Contains(e.Message, "quote a sentence that contains \": \"");
    }

    [TestMethod]
    public void LoadAll_OneBrokenFile_OthersStillLoad()
    {
        var dir = Directory.CreateTempSubdirectory("flows-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "a.yaml"), "name: A\nurl: /a\nsteps: [Click Go]\n");
            File.WriteAllText(Path.Combine(dir, "b.yaml"), "name: B\nurl: /b\nstpes: [Click Go]\n");

            var result = FlowLoader.LoadAll([dir]);

            Assert.AreEqual(1, result.Flows.Count);
            Assert.AreEqual(1, result.Errors.Count);
            StringAssert.Contains(result.Errors[0].Message, "b.yaml:3:1: unknown key \"stpes\"");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    public void Load_ExampleFlows_AllLoadAgainstSampleAppVariables()
    {
        var result = FlowLoader.LoadAll([Path.Combine(AppContext.BaseDirectory, "flows")], Base);

        Assert.AreEqual(0, result.Errors.Count, string.Join("\n", result.Errors.Select(e => e.Message)));
        Assert.IsTrue(result.Flows.Count >= 3, $"found {result.Flows.Count} example flows");
    }

    [TestMethod]
    [DataRow("30s", 30_000)]
    [DataRow("2m", 120_000)]
    [DataRow("1m30s", 90_000)]
    [DataRow("500ms", 500)]
    [DataRow("45", 45_000)]
    [DataRow("00:01:05", 65_000)]
    public void FlowDuration_TryParse_AcceptsCommonForms(string text, int milliseconds)
    {
        Assert.IsTrue(FlowDuration.TryParse(text, out var d));
        Assert.AreEqual(TimeSpan.FromMilliseconds(milliseconds), d);
    }
}
