using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// Batch 16's first run: "Example with postfix: nudge the value up three times with its + button" clicked a button named
/// "Button" once and said Completed (the "+" was dropped, "three times" too, and the place before the colon);
/// "Tagging with multi-value select boxes: add white and purple to it" clicked the tag box and said Completed.
/// </summary>
[TestClass]
public sealed class SignButtonTests
{
    private static string Show(IEnumerable<InterpretedStep> steps) => string.Join(" | ", steps.Select(s => $"{s.Kind} t=[{s.Target}] v=[{s.Value}] c=[{s.Context}]"));

    // Two spinners, each a "-" button, a field and a "+" button under its heading, and a button really called "Button".
    private static Observation Spinners() => new()
    {
        Url = "http://127.0.0.1:5080/touchspin",
        Geometry = ViewportGeometry.Identity(1280, 800),
        Elements =
        [
            new UiElement { Id = 1, Role = "heading", Name = "Button postfix", Bounds = new ScreenRect(20, 20, 400, 30) },
            new UiElement { Id = 2, Role = "button", Tag = "button", Name = "-", NearbyText = "Button postfix", Bounds = new ScreenRect(20, 60, 40, 30) },
            new UiElement { Id = 3, Role = "textbox", Tag = "input", Value = "", NearbyText = "Button postfix", Bounds = new ScreenRect(60, 60, 200, 30) },
            new UiElement { Id = 4, Role = "button", Tag = "span", Name = "Button", NearbyText = "Button postfix", Bounds = new ScreenRect(260, 60, 80, 30) },
            new UiElement { Id = 5, Role = "button", Tag = "button", Name = "+", NearbyText = "Button postfix", Bounds = new ScreenRect(340, 60, 40, 30) },
            new UiElement { Id = 11, Role = "heading", Name = "Example with postfix", Bounds = new ScreenRect(20, 220, 400, 30) },
            new UiElement { Id = 12, Role = "button", Tag = "button", Name = "-", NearbyText = "Example with postfix", Bounds = new ScreenRect(20, 260, 40, 30) },
            new UiElement { Id = 13, Role = "textbox", Tag = "input", Value = "55.00", NearbyText = "Example with postfix", Bounds = new ScreenRect(60, 260, 200, 30) },
            new UiElement { Id = 14, Role = "button", Tag = "button", Name = "+", NearbyText = "%", Bounds = new ScreenRect(340, 260, 40, 30) },
        ],
    };

    [TestMethod]
    public void Parse_NTimesBeforeTheControl_IsOneClickPerTimeInThePlaceBeforeTheColon()
    {
        var steps = StepInterpreter.Parse("Example with postfix: nudge the value up three times with its + button.");

        Assert.HasCount(3, steps, Show(steps));
        Assert.IsTrue(steps.All(s => s.Kind == StepKind.Click && s.Context == "Example with postfix"), Show(steps));
    }

    [TestMethod]
    public void Ground_ThePlusButton_IsTheButtonShowingPlusInThatPlaceNeverOneCalledButton()
    {
        var step = StepInterpreter.Parse("Example with postfix: nudge the value up three times with its + button.")[0];

        var grounding = new StepInterpreter().Ground(step, Spinners());

        Assert.AreEqual(14, grounding.Action?.PrimaryTarget?.ElementId, grounding.Reason);
    }

    [TestMethod]
    public void Ground_TheMinusButtonUnderAHeading_IsThatSpinnersMinus()
    {
        var step = StepInterpreter.Parse("Under \"Button postfix\", click the minus button.").Single();

        var grounding = new StepInterpreter().Ground(step, Spinners());

        Assert.AreEqual(2, grounding.Action?.PrimaryTarget?.ElementId, grounding.Reason);
    }

    [TestMethod]
    public void Parse_AddSeveralBareValuesToABox_TypesEachAndCommitsIt()
    {
        var steps = StepInterpreter.Parse("Tagging with multi-value select boxes: add white and purple to it.");

        Assert.AreEqual("Type v=[white] | PressKey v=[Enter] | Type v=[purple] | PressKey v=[Enter]",
            string.Join(" | ", steps.Select(s => $"{s.Kind} v=[{s.Value}]")), Show(steps));
        Assert.AreEqual("Tagging with multi-value select boxes", steps[0].Context, Show(steps));
    }

    [TestMethod]
    public void Parse_AddThingsToACart_StaysAClick()
    {
        var steps = StepInterpreter.Parse("Add the shoes and the socks to the cart.");

        Assert.IsTrue(steps.All(s => s.Kind == StepKind.Click), Show(steps));
    }

    [TestMethod]
    public async Task DecideAsync_APlusPressNotSeen_IsPressedAgainInTheNamedPlaceNotInAnotherExample()
    {
        var interpreter = new StepInterpreter();
        const string Task = "Example with postfix: nudge the value up three times with its + button.";
        var first = await interpreter.DecideAsync(new DecisionContext("run", Task, 1, Spinners(), []));
        var history = new[]
        {
            new StepSummary(1, first.Action.Describe(), "clicked #14 button \"+\", but its effect was not seen: clicking button \"+\" changed nothing on the page", false)
            {
                StepText = first.StepText, ActionKind = first.Action.Kind, Failure = ActionAgent.Core.Execution.FailureKind.NotVerified,
            },
        };

        var retry = await interpreter.DecideAsync(new DecisionContext("run", Task, 2, Spinners(), history));

        Assert.AreEqual(14, first.Action.PrimaryTarget?.ElementId, first.Reason);
        Assert.AreEqual(14, retry.Action.PrimaryTarget?.ElementId, $"the + of \"Button postfix\" is another example's: {retry.Reason}");
    }
}
