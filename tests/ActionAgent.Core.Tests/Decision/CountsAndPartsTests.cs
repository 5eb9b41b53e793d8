using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// Batch 19's three false completions, each from a phrase read wrongly: a count before a purpose ("Press "next theme" four
/// times, so the layout ends on the theme it started with" pressed once and said done); "at once" taken for "once" and a
/// clause of manner ("…, with the group's own close button") taken for a step of its own (two tab closes said done for a
/// group close); "Show the code behind "X"" clicking X itself (which runs it) and said done.
/// </summary>
[TestClass]
public sealed class CountsAndPartsTests
{
    private static string Show(IEnumerable<InterpretedStep> steps) =>
        string.Join(" | ", steps.Select(s => $"{s.Kind} t=[{s.Target}] c=[{s.Context}] owner={s.ContextIsOwner}"));

    [TestMethod]
    public void Parse_ACountBeforeAPurpose_RepeatsTheStep()
    {
        var steps = StepInterpreter.Parse("Press \"next theme\" four times, so the layout ends on the theme it started with.");

        Assert.AreEqual(4, steps.Count, Show(steps));
        Assert.IsTrue(steps.All(s => s.Kind == StepKind.Click && s.Target == "\"next theme\""), Show(steps));
    }

    [TestMethod]
    public void Parse_AtOnceWithTheControlToUse_IsOneStepWithThatControl()
    {
        var steps = StepInterpreter.Parse("Close the whole bottom-left group, all three company tabs at once, with the group's own close button.");

        Assert.AreEqual(1, steps.Count, Show(steps));
        StringAssert.Contains(steps[0].Target, "own close button", Show(steps));
    }

    [TestMethod]
    public void Parse_ShowThePartBehindAQuotedThing_ClicksThePartOwnedByIt()
    {
        var step = StepInterpreter.Parse("Show the code behind \"Remove checked state from 1 and 3 inputs\".").Single();

        Assert.AreEqual(StepKind.Click, step.Kind);
        Assert.AreEqual("Show code", step.Target);
        Assert.AreEqual("Remove checked state from 1 and 3 inputs", step.Context);
        Assert.IsTrue(step.ContextIsOwner);
    }

    [TestMethod]
    public void Ground_ShowTheCodeBehindTheSecondAction_TakesTheShowCodeOnItsLineNotTheActionNorTheFirst()
    {
        var page = GroundingPages.Page(
            new UiElement { Id = 1, Role = "button", Tag = "span", Name = "Add checked state to 1 and 3 inputs", Row = 10, Bounds = new ScreenRect(175, 290, 290, 20) },
            new UiElement { Id = 2, Role = "button", Tag = "span", Name = "show code", Row = 10, Bounds = new ScreenRect(657, 290, 88, 20) },
            new UiElement { Id = 3, Role = "button", Tag = "span", Name = "Remove checked state from 1 and 3 inputs", Row = 11, Bounds = new ScreenRect(175, 350, 346, 20) },
            new UiElement { Id = 4, Role = "button", Tag = "span", Name = "show code", Row = 11, Bounds = new ScreenRect(657, 350, 88, 20) });

        var grounding = new StepInterpreter().Ground(StepInterpreter.Parse("Show the code behind \"Remove checked state from 1 and 3 inputs\".")[0], page);

        Assert.AreEqual(4, grounding.Action?.PrimaryTarget?.ElementId, grounding.Reason);
    }

    // Batch 18 re-run at 093547c: the title became "Budget review and save it with Update" and the run said done.
    [TestMethod]
    public void Parse_RenameThenSaveItWithANamedButton_TypesOnlyTheNameAndPressesThatButton()
    {
        var steps = StepInterpreter.Parse("Rename \"New Event 1\" in the first calendar to Budget review and save it with Update.");

        Assert.AreEqual("Budget review", steps.Single(s => s.Kind == StepKind.Type).Value, Show(steps));
        Assert.AreEqual("Update", steps[^1].Target, Show(steps));
        Assert.AreEqual(StepKind.Click, steps[^1].Kind);
    }

    [TestMethod]
    public void Parse_ApplyItWithEnter_PressesTheKey()
    {
        var steps = StepInterpreter.Parse("Type \"sl\" into the country box and apply it with Enter.");

        Assert.AreEqual(StepKind.PressKey, steps[^1].Kind, Show(steps));
        Assert.AreEqual("Enter", steps[^1].Value);
    }
}
