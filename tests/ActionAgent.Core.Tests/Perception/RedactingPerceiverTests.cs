using System.Text;
using System.Text.Json;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;
using ActionAgent.Core.Approval;
using ActionAgent.TestKit.Fakes;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Core.Tests.Perception;

[TestClass]
public sealed class RedactingPerceiverTests
{
    private const string Secret = "hunter2-Correct-Horse";
    private const string Ref = "{{secret:OPS_PASSWORD}}";

    private string _root = "";

    [TestInitialize]
    public void Init() => _root = Directory.CreateTempSubdirectory("aa-redact-").FullName;

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    private static SecretRedaction Redaction()
    {
        var redaction = new SecretRedaction();
        redaction.Register("OPS_PASSWORD", Secret);
        return redaction;
    }

    // A hostile page that echoes the typed secret everywhere an observation carries text.
    private static Observation HostilePage(int _) => new()
    {
        Url = "http://127.0.0.1/welcome?pw=" + Uri.EscapeDataString(Secret),
        Title = "Hello " + Secret,
        Geometry = ViewportGeometry.Identity(1280, 720),
        Screenshot = new byte[] { 0x89, 0x50, 0x4E, 0x47 },
        VisibleText = "Your password is " + Secret.ToUpperInvariant() + " token " + Convert.ToBase64String(Encoding.UTF8.GetBytes("pw=" + Secret)),
        OpenDialog = "prompt: confirm " + Secret,
        Notes = ["the page echoed " + Secret],
        Elements =
        [
            new UiElement { Id = 1, Role = "heading", Name = "Welcome " + Secret, Bounds = new ScreenRect(40, 20, 300, 30) },
            new UiElement { Id = 2, Role = "textbox", Name = "Nickname", Value = Secret, Placeholder = Secret, NearbyText = "was " + Secret, Bounds = new ScreenRect(40, 80, 200, 30) },
            new UiElement { Id = 3, Role = "button", Name = "Use " + Secret, Bounds = new ScreenRect(40, 130, 200, 30) },
            new UiElement { Id = 4, Role = "link", Name = "Share", Href = "/share?x=" + Uri.EscapeDataString(Secret), Bounds = new ScreenRect(40, 180, 60, 20) },
            new UiElement { Id = 5, Role = "combobox", Name = "Pick", Options = ["a", Secret], Bounds = new ScreenRect(40, 230, 200, 30) },
            new UiElement { Id = 6, Role = "text", Name = "", Text = "OCR: " + Secret, Source = ElementSource.Ocr, Confidence = 0.9, Bounds = new ScreenRect(40, 280, 200, 20) },
        ],
    };

    [TestMethod]
    public async Task ObserveAsync_PageEchoesTheSecretEverywhere_NoFieldHoldsIt()
    {
        var raw = JsonSerializer.Serialize(HostilePage(1));
        Assert.IsTrue(raw.Contains(Secret, StringComparison.Ordinal), "the hostile page must echo the secret for this test to mean anything");

        var observation = await new RedactingPerceiver(new FakePerceiver(HostilePage), Redaction()).ObserveAsync();

        var json = JsonSerializer.Serialize(observation);
        Assert.IsFalse(json.Contains("hunter2", StringComparison.OrdinalIgnoreCase), json);
        Assert.AreEqual("Hello " + Ref, observation.Title);
        Assert.AreEqual("http://127.0.0.1/welcome?pw=" + Ref, observation.Url);
        Assert.AreEqual(Ref, observation.Find(2)!.Value);
        Assert.AreEqual("OCR: " + Ref, observation.Find(6)!.Text);
        Assert.AreEqual(6, observation.Elements.Count);
        Assert.AreEqual(4, observation.Screenshot.Length, "pixels are passed on unchanged");
    }

    [TestMethod]
    public async Task RunAsync_HostilePageEchoesTypedSecret_ModelRecordingAndLogsNeverSeeIt()
    {
        var redaction = Redaction();
        var decider = new ScriptedDecider(
            new TypeTextAction(ActionTarget.Element(2), Ref),
            new ClickAction(ActionTarget.Element(3)),
            new DoneAction("signed in"));
        var executor = new FakeExecutor
        {
            // The executor reads the page back after typing: a dialog answer, a URL, a check quoting the field.
            Outcome = a => ActionOutcome.Success($"answered and accepted dialog: {Secret}") with
            {
                UrlAfter = "http://127.0.0.1/next#" + Secret,
                Checks = [$"Nickname reads {Secret}"],
            },
        };
        var logger = new RecordingLogger<AgentLoop>();
        var loop = new AgentLoop(new AgentParts
        {
            Perceiver = new RedactingPerceiver(new FakePerceiver(HostilePage), redaction),
            Decider = decider,
            // The policy is not under test here (it would refuse the undeclared secret name): only redaction is.
            Policy = new AllowEverything(),
            Approver = new FakeApprover(_ => ApprovalDecision.Approve("tester")),
            Executor = new RedactingExecutor(executor, redaction),
            Verifier = new RedactingVerifier(new PassThroughVerifier(), redaction),
            Recorder = new JsonRunRecorder(_root),
            Loggers = new SingleLoggerFactory(logger),
        });

        var result = await loop.RunAsync(new RunRequest($"sign in with {Ref}") { RunId = "echo" });

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        var modelSaw = JsonSerializer.Serialize(decider.Contexts);
        Assert.IsFalse(modelSaw.Contains("hunter2", StringComparison.OrdinalIgnoreCase), "decider contexts (model prompts) hold the secret");
        StringAssert.Contains(decider.Contexts[1].History[0].Outcome, "dialog: " + Ref, "history carries the redacted outcome");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(_root, "echo"), "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.IsFalse(text.Contains("hunter2", StringComparison.OrdinalIgnoreCase), $"{Path.GetFileName(file)} holds the secret");
        }

        Assert.IsFalse(logger.At(LogLevel.Trace).Contains("hunter2", StringComparison.OrdinalIgnoreCase), logger.At(LogLevel.Trace));
    }

    [TestMethod]
    public async Task VerifyAsync_VerifierQuotesThePage_OutcomeIsRedacted()
    {
        var verifier = new RedactingVerifier(new QuotingVerifier(), Redaction());

        var outcome = await verifier.VerifyAsync(new ProposedAction(new ClickAction(ActionTarget.Element(3)), "r"), HostilePage(1), ActionOutcome.Success());

        Assert.AreEqual("the heading now reads " + Ref, outcome.Message);
        CollectionAssert.AreEqual(new[] { "title is " + Ref }, outcome.Checks!.ToArray());
    }

    private sealed class QuotingVerifier : IOutcomeVerifier
    {
        public Task<ActionOutcome> VerifyAsync(ProposedAction proposal, Observation before, ActionOutcome outcome, CancellationToken cancellationToken = default) =>
            Task.FromResult(outcome with { Message = "the heading now reads " + Secret, Checks = ["title is " + Secret] });
    }

    private sealed class AllowEverything : IActionPolicy
    {
        public Verdict Evaluate(ProposedAction proposal, Observation observation) => Verdict.Allow(RiskClass.Input, "test");
    }
}
