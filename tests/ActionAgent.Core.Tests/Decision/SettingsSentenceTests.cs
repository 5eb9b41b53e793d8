using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// Sentences of batch 23's settings panels (QuickSettings, dat.gui) that were misread on the first run: a goal said as the
/// state it ends in ("Make sure only Boolean 3 and Boolean 5 are ticked in the Booleans panel" became "Mark sure …"), a
/// box's state in a field list ("Boolean off"), a step at the end of a field list ("…, and tick displayOutline" was
/// typed as a field), "to its maximum", and a field called by its kind ("the Text value", "the boolean setting").
/// </summary>
[TestClass]
public sealed class SettingsSentenceTests
{
    private static Observation Panel() => GroundingPages.Page(
        new UiElement { Id = 1, Role = "button", Tag = "div", Name = "Panel 1", Bounds = new ScreenRect(0, 0, 200, 24) },
        new UiElement { Id = 2, Role = "text", Tag = "div", Name = "Text", Bounds = new ScreenRect(10, 34, 180, 14) },
        new UiElement { Id = 3, Role = "textbox", Tag = "input", Value = "hello", NearbyText = "Text", Bounds = new ScreenRect(10, 51, 180, 24) },
        new UiElement { Id = 4, Role = "checkbox", Tag = "label", Name = "Boolean", Checked = true, Bounds = new ScreenRect(10, 90, 80, 16) },
        new UiElement { Id = 5, Role = "checkbox", Tag = "label", Name = "Enabled", Checked = false, Bounds = new ScreenRect(10, 120, 80, 16) });

    private static string Show(IEnumerable<InterpretedStep> steps) => string.Join(" | ", steps.Select(s => $"{s.Kind} t=[{s.Target}] v=[{s.Value}] c=[{s.Context}] every={s.Every} except=[{string.Join(",", s.Except)}]"));

    [TestMethod]
    public void Parse_OnlyTheseAreTickedInAPlace_UnticksTheRestThereAndTicksThese()
    {
        var steps = StepInterpreter.Parse("Make sure only Boolean 3 and Boolean 5 are ticked in the Booleans panel.");

        Assert.HasCount(3, steps, Show(steps));
        Assert.AreEqual((StepKind.Uncheck, true, "the Booleans panel"), (steps[0].Kind, steps[0].Every, steps[0].Context), Show(steps));
        CollectionAssert.AreEqual(new[] { "Boolean 3", "Boolean 5" }, steps[0].Except.ToArray(), Show(steps));
        Assert.AreEqual((StepKind.Check, "Boolean 3", StepKind.Check, "Boolean 5"), (steps[1].Kind, steps[1].Target, steps[2].Kind, steps[2].Target), Show(steps));
    }

    [TestMethod]
    public void Parse_AStepAtTheEndOfAFieldList_IsAStepOfItsOwn()
    {
        var steps = StepInterpreter.Parse("Night-shift setup: message \"Night shift\", maxSize 2, type two, speed Stopped, and tick displayOutline.");

        Assert.HasCount(2, steps, Show(steps));
        CollectionAssert.AreEqual(new[] { "message \"Night shift\"", "maxSize 2", "type two", "speed Stopped" }, steps[0].Pairs.ToArray(), Show(steps));
        Assert.AreEqual((StepKind.Check, "displayOutline"), (steps[1].Kind, steps[1].Target), Show(steps));
    }

    [TestMethod]
    public void Parse_ToItsMaximum_IsAllTheWayToTheHighEnd()
    {
        var step = StepInterpreter.Parse("Push Slider 1 to its maximum.").Single();

        Assert.AreEqual((StepKind.Drag, "right"), (step.Kind, step.Value), Show([step]));
    }

    [TestMethod]
    public void Ground_ABoxsStateInAFieldList_SetsThatBox()
    {
        var grounding = new StepInterpreter().Ground(StepInterpreter.Parse("Panel 1 settings: Boolean off, Enabled on.").Single(), Panel());

        Assert.AreEqual(4, grounding.Action?.PrimaryTarget?.ElementId, $"{grounding.Status}: {grounding.Reason}");
    }

    [TestMethod]
    [DataRow("In Panel 1, replace the Text value with \"quarterly sync\".", 3)]
    [DataRow("Turn the boolean setting off.", 4)]
    public void Ground_AFieldCalledByItsKind_IsTheFieldOfThatName(string task, int expected)
    {
        var grounding = new StepInterpreter().Ground(StepInterpreter.Parse(task).Single(), Panel());

        Assert.AreEqual(expected, grounding.Action?.PrimaryTarget?.ElementId, $"{grounding.Status}: {grounding.Reason}");
    }

    private static Observation Gui() => GroundingPages.Page(
        new UiElement { Id = 1, Role = "text", Tag = "span", Name = "fontFamily", Bounds = new ScreenRect(10, 10, 100, 20) },
        new UiElement { Id = 2, Role = "combobox", Tag = "select", NearbyText = "fontFamily", Options = ["serif", "sans-serif", "monospace", "cursive"], Value = "serif", Bounds = new ScreenRect(120, 10, 120, 20) },
        new UiElement { Id = 3, Role = "text", Tag = "span", Name = "type", Bounds = new ScreenRect(10, 40, 100, 20) },
        new UiElement { Id = 4, Role = "combobox", Tag = "select", NearbyText = "type", Options = ["one", "two", "three"], Value = "three", Bounds = new ScreenRect(120, 40, 120, 20) });

    [TestMethod]
    [DataRow("Pick the first option in the type list.", 4, "one")]
    [DataRow("Pick the second option in the type list.", 4, "two")]
    [DataRow("Set the font family to monospace.", 2, "monospace")]
    public void Ground_AnOptionByItsPlaceOrAFieldNamedAsCode_IsChosenThere(string task, int expected, string option)
    {
        var grounding = new StepInterpreter().Ground(StepInterpreter.Parse(task).Single(), Gui());

        Assert.AreEqual((expected, option), (grounding.Action?.PrimaryTarget?.ElementId, (grounding.Action as SelectOptionAction)?.Option), $"{grounding.Status}: {grounding.Reason}");
    }

    [TestMethod]
    [DataRow("Set the noise strength to 20.", 12)]
    [DataRow("Type 5 into the growth speed field.", 14)]
    public void Ground_AFieldNamedAsCode_IsFoundByItsWords(string task, int expected)
    {
        var page = GroundingPages.Page(
            new UiElement { Id = 11, Role = "text", Tag = "span", Name = "noiseStrength", Bounds = new ScreenRect(10, 10, 100, 20) },
            new UiElement { Id = 12, Role = "textbox", Tag = "input", Value = "10", NearbyText = "noiseStrength", Bounds = new ScreenRect(120, 10, 120, 20) },
            new UiElement { Id = 13, Role = "text", Tag = "span", Name = "growthSpeed", Bounds = new ScreenRect(10, 40, 100, 20) },
            new UiElement { Id = 14, Role = "textbox", Tag = "input", Value = "0.2", NearbyText = "growthSpeed", Bounds = new ScreenRect(120, 40, 120, 20) },
            new UiElement { Id = 15, Role = "text", Tag = "span", Name = "speed", Bounds = new ScreenRect(10, 70, 100, 20) },
            new UiElement { Id = 16, Role = "textbox", Tag = "input", Value = "1", NearbyText = "speed", Bounds = new ScreenRect(120, 70, 120, 20) });

        var grounding = new StepInterpreter().Ground(StepInterpreter.Parse(task).Single(), page);

        Assert.AreEqual(expected, grounding.Action?.PrimaryTarget?.ElementId, $"{grounding.Status}: {grounding.Reason}");
    }

    [TestMethod]
    public void Parse_ThenBackToAValue_SetsTheSameControlAgain()
    {
        var steps = StepInterpreter.Parse("Set Gender to Female and then back to Male.");

        Assert.HasCount(2, steps, Show(steps));
        Assert.AreEqual((StepKind.Set, "Gender", "Male"), (steps[1].Kind, steps[1].Target, steps[1].Value), Show(steps));
    }

    [TestMethod]
    [DataRow("Panel 1 settings: Number 20. Then in Panel3 set the Time to 14:30.", StepKind.Set, "the Time", "14:30", "Panel3")]
    [DataRow("Password Secret#1, and in Confirm Password type Secret#2 by mistake.", StepKind.Type, null, "Secret#2", "Confirm Password")]
    public void Parse_AFillerThenAPlaceThenAVerb_IsThatStepInThatPlace(string task, StepKind kind, string? target, string value, string place)
    {
        var step = StepInterpreter.Parse(task)[^1];

        Assert.AreEqual((kind, target, value, place), (step.Kind, step.Target, step.Value, step.Context), Show([step]));
    }
}
