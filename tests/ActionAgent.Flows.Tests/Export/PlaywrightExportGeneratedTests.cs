using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;
using ActionAgent.Flows.Definition;
using ActionAgent.Flows.Export;

namespace ActionAgent.Flows.Tests.Export;

/// <summary>What the export asserts: generated ids by pattern, the flow's expect: lines, names free of secrets.</summary>
[TestClass]
public sealed class PlaywrightExportGeneratedTests
{
    private const string Origin = "http://127.0.0.1:5123";

    private static StepRecord Step(int n, string url, BrowserAction action, string? stepText = null, UiElement? target = null) => new()
    {
        RunId = "r1",
        Step = n,
        Observation = new ObservationSummary(url, "Ops Portal", 5, null),
        Proposal = new ProposedAction(action, "because") { StepText = stepText },
        Target = target,
        Outcome = ActionOutcome.Success(),
        Durations = new StepDurations(1, 1, 0, 1, 1),
    };

    private static UiElement Button(string name) => new() { Id = 3, Role = "button", Name = name, Bounds = new ScreenRect(10, 10, 80, 20) };

    private static RunRecording Refund(string task = "flow: File a refund") => new("/tmp/none", new RunManifest { RunId = "r1", Task = task, StartUrl = Origin + "/refund", Status = RunStatus.Completed },
    [
        Step(1, Origin + "/refund", new TypeTextAction(ActionTarget.Element(2), "42.00"), "Type 42.00 into Amount", new UiElement { Id = 2, Role = "textbox", Name = "Amount", Bounds = new ScreenRect(10, 40, 80, 20) }),
        Step(2, Origin + "/refund", new DoneAction("typed"), "Type 42.00 into Amount"),
        Step(3, Origin + "/refund", new ClickAction(ActionTarget.Element(3)), "Click Submit refund", Button("Submit refund")),
        Step(4, Origin + "/refund/confirmation?id=R-0002", new DoneAction("submitted"), "Click Submit refund"),
    ]);

    [TestMethod]
    public void Export_RunEndsOnGeneratedRefundId_WaitsForThePatternNotTheLiteral()
    {
        var code = new PlaywrightCSharpExporter().Export(Refund());

        Assert.IsFalse(code.Contains("R-0002", StringComparison.Ordinal), code);
        StringAssert.Contains(code, "await page.WaitForURLAsync(new Regex(\"^\" + Regex.Escape(BaseUrl) + \"/refund/confirmation\\\\?id=R-\\\\d+$\"));", code);
    }

    [TestMethod]
    public void Export_DoneSteps_LeaveNoCommentBehind()
    {
        var code = new PlaywrightCSharpExporter().Export(Refund());

        Assert.IsFalse(code.Contains(": done", StringComparison.Ordinal), code);
        Assert.IsFalse(code.Contains("// Step 2", StringComparison.Ordinal), code);
    }

    [TestMethod]
    public void Export_WithFlow_AssertsInlineAndFinalExpectationsWhereTheyStood()
    {
        var flow = FlowLoader.Parse($"""
            name: File a refund
            url: {Origin}/refund
            steps:
              - Type 42.00 into Amount
              - expect: the Amount field reads 42.00
              - Click Submit refund
            expect:
              - the URL ends with /refund/confirmation
              - the page shows Refund filed
              - the page does not show Error
            """, "flow.yaml");

        var code = new PlaywrightCSharpExporter().Export(Refund(), flow);

        var field = code.IndexOf("await Assertions.Expect(page.GetByLabel(\"Amount\").First).ToHaveValueAsync(new Regex(\"^\\\\s*42\\\\.00\\\\s*$\", RegexOptions.IgnoreCase));", StringComparison.Ordinal);
        var typed = code.IndexOf(".FillAsync(\"42.00\")", StringComparison.Ordinal);
        var submit = code.IndexOf("Name = \"Submit refund\", Exact = true }).ClickAsync()", StringComparison.Ordinal);
        Assert.IsTrue(typed > 0 && field > typed && submit > field, code);
        StringAssert.Contains(code, "await Assertions.Expect(page).ToHaveURLAsync(new Regex(\"/refund/confirmation/?(?:[?#].*)?$\"));");
        StringAssert.Contains(code, "await Assertions.Expect(page.Locator(\"body\")).ToContainTextAsync(\"Refund filed\", new() { IgnoreCase = true, UseInnerText = true });");
        StringAssert.Contains(code, "await Assertions.Expect(page.Locator(\"body\")).Not.ToContainTextAsync(\"Error\", new() { IgnoreCase = true, UseInnerText = true });");
        Assert.IsTrue(code.IndexOf("Refund filed", StringComparison.Ordinal) > submit, "final expectations come after the last step");
    }

    [TestMethod]
    public void Export_TaskHoldsASecret_NamesTheClassGenerically()
    {
        var code = new PlaywrightCSharpExporter().Export(Refund("sign in with {{secret:OPS_PASSWORD}} and file a refund"));

        StringAssert.Contains(code, "public sealed class RecordedRunTests");
        StringAssert.Contains(code, "public async Task RecordedRun()");
        Assert.IsFalse(code.Contains("OPSPASSWORD", StringComparison.OrdinalIgnoreCase), code);
    }

    [TestMethod]
    public void Export_TaskHoldsATypedSecretValue_NamesTheClassGenerically()
    {
        var recording = Refund("sign in with hunter22 and file a refund");
        var secret = recording.Steps[0] with
        {
            Proposal = new ProposedAction(new TypeTextAction(ActionTarget.Element(2), "hunter22"), "password"),
            Target = new UiElement { Id = 2, Role = "textbox", Name = "Password", IsSecret = true, InputType = "password", Bounds = new ScreenRect(1, 1, 1, 1) },
        };

        var code = new PlaywrightCSharpExporter().Export(recording with { Steps = [secret, .. recording.Steps.Skip(1)] });

        Assert.IsFalse(code.Contains("class SignInWithHunter22", StringComparison.OrdinalIgnoreCase), code);
        StringAssert.Contains(code, "public sealed class RecordedRunTests");
    }
}
