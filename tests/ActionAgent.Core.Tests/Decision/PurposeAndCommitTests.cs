using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// Words that once vanished or turned into values, and runs that were Completed without doing them (batch 7's first run):
/// "Use the search box to bring up only the pink tiles" clicked the box and stopped; "… to France and save" typed
/// "France and save"; a description whose first word named a field was typed into it; "(the one with the cancel icon)"
/// clicked the cancel icon.
/// </summary>
[TestClass]
public sealed class PurposeAndCommitTests
{
    private static string Show(IEnumerable<InterpretedStep> steps) => string.Join(" | ", steps.Select(s => $"{s.Kind} t=[{s.Target}] v=[{s.Value}] c=[{s.Context}]"));

    [TestMethod]
    public void Parse_UseTheSearchBoxToBringUpOnlyX_TypesXIntoTheBox()
    {
        var steps = StepInterpreter.Parse("Use the search box to bring up only the pink tiles.");

        Assert.HasCount(1, steps, Show(steps));
        Assert.AreEqual(StepKind.Type, steps[0].Kind, Show(steps));
        Assert.AreEqual("pink", steps[0].Value, Show(steps));
        Assert.AreEqual("the search box", steps[0].Target, Show(steps));
    }

    [TestMethod]
    public void Parse_UseXForAPurposeNotUnderstood_KeepsThePurposeAsAStepOfItsOwn()
    {
        var steps = StepInterpreter.Parse("Use the slider to make the volume louder.");
        var opened = StepInterpreter.Parse("Use the arrow to open the menu.");
        var added = StepInterpreter.Parse("Use the Tools box to add Star Chart.");

        Assert.HasCount(2, steps, Show(steps));
        Assert.AreEqual(StepKind.Implicit, steps[1].Kind, "the purpose is not dropped: " + Show(steps));
        Assert.HasCount(1, opened, "opening is what the click is for: " + Show(opened));
        Assert.AreEqual("the Tools box", added.Single().Context, Show(added));
    }

    [TestMethod]
    public void Parse_AndSaveAfterAValue_IsAClickOfItsOwnNotPartOfTheValue()
    {
        var steps = StepInterpreter.Parse("Change his country to France and save.");
        var submitted = StepInterpreter.Parse("Type Bob into Name and submit the form.");
        var refund = StepInterpreter.Parse("Submit the refund.");

        Assert.AreEqual("France", steps[0].Value, Show(steps));
        Assert.AreEqual(StepKind.Click, steps[1].Kind, Show(steps));
        Assert.AreEqual("Save", steps[1].Target, Show(steps));
        Assert.AreEqual("Submit", submitted[1].Target, Show(submitted));
        Assert.AreNotEqual("Submit", refund[0].Target, "a named thing to submit is not the bare Submit: " + Show(refund));
    }

    [TestMethod]
    public void Parse_WithInsideBrackets_DescribesTheTargetAndClicksNoInstrument()
    {
        var steps = StepInterpreter.Parse("Give \"Cancel Place\" (the one with the cancel icon on the right) two stars.");

        Assert.IsFalse(steps.Any(s => s.Kind == StepKind.Click && s.Target == "cancel icon"), Show(steps));
    }

    [TestMethod]
    public void Ground_ADescriptionWhoseFirstWordNamesAField_IsNotTypedIntoIt()
    {
        var page = new Observation
        {
            Url = "http://127.0.0.1:5080/ratings",
            Geometry = ViewportGeometry.Identity(1280, 800),
            Elements = [new UiElement { Id = 1, Role = "textbox", Name = "score:", Tag = "input", Bounds = new ScreenRect(40, 40, 200, 30) }],
        };
        var step = StepInterpreter.Parse("\"Score callback\" comes pre-filled with one star - raise it to four stars").Single();

        var grounding = new StepInterpreter().Ground(step, page);

        Assert.IsNotInstanceOfType<TypeTextAction>(grounding.Action, grounding.Reason);
        Assert.AreNotEqual(GroundingStatus.Grounded, grounding.Status, grounding.Reason);
    }
}
