using ActionAgent.Core.Decision.Interpretation;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// Steps on words inside a field or an editor: each selects the words first (a step of its own, so its effect is
/// checked), then presses the formatting key, types over them or deletes them. Before StepKind.SelectText these
/// sentences were not understood, or became typing into a field named after the words.
/// </summary>
[TestClass]
public sealed class EditingStepTests
{
    private static string Show(IEnumerable<InterpretedStep> steps) => string.Join(" | ", steps.Select(s => $"{s.Kind} t=[{s.Target}] v=[{s.Value}] c=[{s.Context}]"));

    [TestMethod]
    public void Parse_MakeAWordBoldInAPlaceNamedFirst_SelectsThoseWordsThereThenPressesControlB()
    {
        var steps = StepInterpreter.Parse("In the box headed \"Second Editor\", make the word \"paragraph\" bold.");

        Assert.HasCount(2, steps, Show(steps));
        Assert.AreEqual(StepKind.SelectText, steps[0].Kind, Show(steps));
        Assert.AreEqual("paragraph", steps[0].Value, Show(steps));
        StringAssert.Contains(steps[0].Context, "Second Editor", Show(steps));
        Assert.AreEqual(StepKind.PressKey, steps[1].Kind, Show(steps));
        Assert.AreEqual("Control+B", steps[1].Value, Show(steps));
    }

    [TestMethod]
    public void Parse_MakeItItalicAfterTyping_SelectsWhatWasTyped()
    {
        var steps = StepInterpreter.Parse("Write \"Release notes\" in the editor and make it italic with the toolbar.");

        Assert.HasCount(3, steps, Show(steps));
        Assert.AreEqual(StepKind.Type, steps[0].Kind, Show(steps));
        Assert.AreEqual(StepKind.SelectText, steps[1].Kind, Show(steps));
        Assert.AreEqual("Release notes", steps[1].Value, Show(steps));
        Assert.AreEqual("Control+I", steps[2].Value, Show(steps));
    }

    [TestMethod]
    public void Parse_ReplaceQuotedWordsWithOthers_SelectsTheOldAndTypesTheNewOverThem()
    {
        var steps = StepInterpreter.Parse("Replace \"colour\" with \"color\" in the Comment box");

        Assert.HasCount(2, steps, Show(steps));
        Assert.AreEqual(StepKind.SelectText, steps[0].Kind, Show(steps));
        Assert.AreEqual("colour", steps[0].Value, Show(steps));
        Assert.AreEqual("the Comment box", steps[0].Context, Show(steps));
        Assert.AreEqual(StepKind.Type, steps[1].Kind, Show(steps));
        Assert.IsNull(steps[1].Target, "typed where the selection is: " + Show(steps));
        Assert.AreEqual("color", steps[1].Value, Show(steps));
    }

    [TestMethod]
    public void Parse_DeleteAWord_TakesTheSpaceBesideItAlongWhenThereIsOne()
    {
        var steps = StepInterpreter.Parse("Delete the word \"very\" from the Description field.");

        Assert.AreEqual(StepKind.SelectText, steps[0].Kind, Show(steps));
        CollectionAssert.AreEqual(new[] { "very ", " very" }, steps[0].Alternatives.ToArray());
        Assert.AreEqual("Backspace", steps[1].Value, Show(steps));
    }

    [TestMethod]
    public void Parse_ReplaceTheValueOfAField_IsStillFillingThatField()
    {
        var steps = StepInterpreter.Parse("Replace the value of Name with \"Bob\"");

        Assert.HasCount(1, steps, Show(steps));
        Assert.AreEqual(StepKind.Type, steps[0].Kind, Show(steps));
        Assert.AreEqual("Bob", steps[0].Value, Show(steps));
    }
}
