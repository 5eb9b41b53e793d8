using ActionAgent.Cli.Commands.Flows;
using ActionAgent.Cli.Output;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Recording;
using ActionAgent.Flows.Running;
using ActionAgent.TestKit.Fakes;
using Spectre.Console;

namespace ActionAgent.Cli.Tests.Display;

[TestClass]
public sealed class StepDisplayTests
{
    private const string HostileLabel = "Delete all\u001b[2K\rSave draft";

    private static StepRecord Step() => new()
    {
        RunId = "run-1",
        Step = 3,
        Observation = new ObservationSummary("http://127.0.0.1/drafts", "Drafts\u202E", 1, null),
        Proposal = new ProposedAction(new ClickAction(ActionTarget.Element(7, HostileLabel)), "save it"),
        Target = new UiElement { Id = 7, Role = "button", Name = HostileLabel, Bounds = new ScreenRect(10, 10, 80, 20) },
        Outcome = ActionOutcome.Failed("no \"Save draft\u2066\" after the click\u001b[1A", FailureKind.NotVerified),
        Durations = new StepDurations(1, 2, 0, 3, 4),
    };

    private static RunManifest Manifest() => new() { RunId = "run-1", Task = "Save the draft\u001b]0;owned\u0007", Message = "done\u202E" };

    [TestMethod]
    public async Task AppendAsync_PlainOutput_ShowsEscapeCodesAsText()
    {
        var output = new StringWriter();
        var display = new StepDisplay(new MemoryRunRecorder(), OutputMode.Plain, output);

        await display.BeginAsync(Manifest());
        await display.AppendAsync(Step(), default);
        await display.CompleteAsync(Manifest() with { Status = Core.Runtime.RunStatus.Failed, Steps = 3 });

        Assert.AreEqual(
            "run run-1 (decider )\n"
            + @"task: Save the draft\x1b]0;owned\x07" + "\n"
            + @"step 3: click #7 ""Delete all\x1b[2K\rSave draft"" [button ""Delete all\x1b[2K\rSave draft""] -> failed (10 ms): no ""Save draft<U+2066>"" after the click\x1b[1A" + "\n"
            + "Failed after 3 steps: done<U+202E>\n",
            output.ToString());
    }

    [TestMethod]
    public async Task AppendAsync_Terminal_WritesNoPageControlCharacters()
    {
        var output = new StringWriter();
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.Yes, ColorSystem = ColorSystemSupport.TrueColor, Out = new AnsiConsoleOutput(output) });
        var display = new StepDisplay(new MemoryRunRecorder(), OutputMode.Terminal, terminal: terminal);

        await display.AppendAsync(Step(), default);

        // Spectre's own colour codes are ESC [ … m; the page's ESC [2K (erase line) and CR must not get through.
        var text = output.ToString();
        Assert.IsFalse(text.Contains("\u001b[2K", StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal) || text.Contains('\u2066', StringComparison.Ordinal), text);
        StringAssert.Contains(text, @"Delete all\x1b[2K\rSave draft");
    }

    [TestMethod]
    public void FlowProgress_PlainOutput_ShowsEscapeCodesAsText()
    {
        var output = new StringWriter();
        var display = new FlowProgressDisplay(OutputMode.Plain, output);

        display.Report(new FlowProgressEvent(FlowProgressKind.StepFinished, "drafts\u202E", 2, 3, "Click " + HostileLabel) { Passed = false, Message = "no such button\u001b[1A" });

        Assert.AreEqual(@"  drafts<U+202E> 2/3 Click Delete all\x1b[2K\rSave draft -> failed: no such button\x1b[1A" + "\n", output.ToString());
    }
}
