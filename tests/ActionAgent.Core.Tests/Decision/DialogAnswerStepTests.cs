using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// Answers to what the page asks: how they are read ("answer the confirmation with Cancel", "type Ann into the prompt,
/// then OK it", "If a message pops up, OK it") and how the interpreter holds the run to them (the click carries the
/// answer; a dialog answered otherwise is no success; an open dialog is answered with Enter, Escape or the text).
/// </summary>
[TestClass]
public sealed class DialogAnswerStepTests
{
    private readonly List<StepSummary> _history = [];
    private readonly StepInterpreter _interpreter = new();

    private static string Show(IEnumerable<InterpretedStep> steps) =>
        string.Join(" | ", steps.Select(s => $"{s.Kind} t=[{s.Target}] v=[{s.Value}] reply=[{s.Reply?.Describe()}] #{s.DialogIndex}"));

    private static Observation Files() => new()
    {
        Url = "http://127.0.0.1:5080/files",
        Geometry = ViewportGeometry.Identity(1280, 800),
        Elements =
        [
            new UiElement { Id = 1, Role = "button", Name = "Delete", Bounds = new ScreenRect(40, 40, 80, 30) },
            new UiElement { Id = 2, Role = "button", Name = "Cancel", Bounds = new ScreenRect(40, 100, 80, 30) },
        ],
    };

    private Task<ProposedAction> Next(string task, Observation page) =>
        _interpreter.DecideAsync(new DecisionContext("run", task, _history.Count + 1, page, _history.ToArray()));

    private void Outcome(ProposedAction proposal, params AnsweredDialog[] dialogs) =>
        _history.Add(new StepSummary(_history.Count + 1, proposal.Action.Describe(), "clicked", true)
        {
            StepText = proposal.StepText,
            ActionKind = proposal.Action.Kind,
            Checks = dialogs.Select(d => d.ToString()).ToArray(),
            Dialogs = dialogs,
        });

    [TestMethod]
    public void Parse_ClickAndAnswerWithCancel_TheClickCarriesTheDismissal()
    {
        var steps = StepInterpreter.Parse("Click the first Delete button and answer the confirmation with Cancel.");

        Assert.HasCount(2, steps, Show(steps));
        Assert.AreEqual(StepKind.Click, steps[0].Kind, Show(steps));
        Assert.AreEqual(DialogReply.Cancel, steps[0].Reply, Show(steps));
        Assert.AreEqual(StepKind.AnswerDialog, steps[1].Kind, Show(steps));
        Assert.IsFalse(steps[1].Reply!.Accept, Show(steps));
        Assert.IsFalse(steps[1].IfShown, Show(steps));
    }

    [TestMethod]
    public void Parse_TypeIntoThePromptThenOkIt_OnePromptAnsweredWithTheText()
    {
        var steps = StepInterpreter.Parse("Click Greet and type Ann Lee into the prompt, then OK it.");

        Assert.HasCount(3, steps, Show(steps));
        Assert.AreEqual(new DialogReply(true, "Ann Lee"), steps[0].Reply, Show(steps));
        Assert.AreEqual("Ann Lee", steps[1].Value, Show(steps));
        Assert.AreEqual(0, steps[1].DialogIndex, Show(steps));
        Assert.AreEqual(0, steps[2].DialogIndex, "the OK answers the same prompt: " + Show(steps));
        Assert.AreEqual(StepKind.Type, steps[1].Otherwise?.Kind, "an in-page prompt is typed into: " + Show(steps));
    }

    [TestMethod]
    public void Parse_TwoAnswersAfterOneClick_AreTwoDialogsInOrder()
    {
        var steps = StepInterpreter.Parse("Click Reset, say yes, then say no.");

        Assert.HasCount(3, steps, Show(steps));
        Assert.AreEqual(DialogReply.Ok, steps[0].Reply, Show(steps));
        Assert.AreEqual(0, steps[1].DialogIndex, Show(steps));
        Assert.AreEqual(1, steps[2].DialogIndex, Show(steps));
        Assert.IsFalse(steps[2].Reply!.Accept, Show(steps));
    }

    [TestMethod]
    public void Parse_IfAMessagePopsUp_IsAConditionalAnswer()
    {
        var steps = StepInterpreter.Parse("Click Save. If a \"completed!\" message pops up, OK it.");

        Assert.HasCount(2, steps, Show(steps));
        Assert.AreEqual(StepKind.AnswerDialog, steps[1].Kind, Show(steps));
        Assert.IsTrue(steps[1].IfShown, Show(steps));
        Assert.AreEqual("OK", steps[1].Target, Show(steps));
    }

    [TestMethod]
    public void Parse_WordsThatOnlyLookLikeAnswers_StayWhatTheyAre()
    {
        var order = StepInterpreter.Parse("Confirm the order");
        var typed = StepInterpreter.Parse("Type Ann into Name");
        var cancel = StepInterpreter.Parse("Cancel the subscription");

        Assert.AreNotEqual(StepKind.AnswerDialog, order[0].Kind, Show(order));
        Assert.AreEqual(StepKind.Type, typed[0].Kind, Show(typed));
        Assert.AreNotEqual(StepKind.AnswerDialog, cancel[0].Kind, Show(cancel));
        Assert.IsNull(typed[0].Reply, Show(typed));
    }

    [TestMethod]
    public async Task DecideAsync_TheClickCarriesTheAnswer_AndTheAnswerIsCheckedAgainstWhatThePageAsked()
    {
        const string task = "Click Delete and answer the confirmation with Cancel.";
        var click = await Next(task, Files());
        Outcome(click, new AnsweredDialog("confirm", "Delete report.pdf?", Accepted: false));

        var done = await Next(task, Files());

        Assert.AreEqual(DialogReply.Cancel, click.Action.OnDialog, click.Action.Describe());
        Assert.IsInstanceOfType<DoneAction>(done.Action, done.Reason);
    }

    [TestMethod]
    public async Task DecideAsync_TheConfirmWasAcceptedButTheTaskSaidCancel_FailsNotVerified()
    {
        // A click made by another decider (or replayed) accepted what the task wanted dismissed: never a success.
        const string task = "Click Delete. Then answer the confirmation with Cancel.";
        var click = await Next(task, Files());
        Outcome(click, new AnsweredDialog("confirm", "Delete report.pdf?", Accepted: true));

        var next = await Next(task, Files());

        var fail = next.Action as FailAction;
        Assert.IsNotNull(fail, next.Action.Describe() + " / " + next.Reason);
        Assert.AreEqual(FailureKind.NotVerified, fail.Failure);
        StringAssert.Contains(fail.Reason, "was accepted");
    }

    [TestMethod]
    public async Task DecideAsync_NoDialogRaised_TheCancelThatStoodOnThePageIsNotClicked()
    {
        const string task = "Click Delete and answer the confirmation with Cancel.";
        var click = await Next(task, Files());
        Outcome(click);

        var next = await Next(task, Files());

        Assert.AreNotEqual(2, next.Action.PrimaryTarget?.ElementId, $"clicked the page's own Cancel: {next.Action.Describe()}");
        Assert.IsNotInstanceOfType<DoneAction>(next.Action, next.Reason);
    }

    [TestMethod]
    public async Task DecideAsync_ADialogIsOpen_AnsweredWithEscapeOrTheText()
    {
        var open = new Observation
        {
            Url = "http://127.0.0.1:5080/files",
            Geometry = ViewportGeometry.Identity(1280, 800),
            OpenDialog = "confirm \"Leave the page?\"",
        };

        var no = await _interpreter.DecideAsync(new DecisionContext("a", "Answer the dialog with No.", 1, open, []));
        var text = await _interpreter.DecideAsync(new DecisionContext("b", "Type Ann into the prompt.", 1, open, []));

        Assert.AreEqual("Escape", (no.Action as PressKeyAction)?.Keys, no.Action.Describe());
        Assert.AreEqual("Ann", (text.Action as TypeTextAction)?.Text, text.Action.Describe());
    }
}
