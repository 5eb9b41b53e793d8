using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// A form with a "Checkbox group" and a "Radio buttons group" of the same four words, each titled by plain text shown in
/// capitals by its style (the boxes' nearby text gives the title as written). Batch 22's first run ticked the radio
/// "Drinks" for "Tick the last item of the checkbox group" and said Completed: the radios' title was not read as a title
/// (its case differed), so they counted as under "Checkbox group".
/// </summary>
[TestClass]
public sealed class TitledGroupsTests
{
    // Chromium's report of the page: the first two boxes' nearby text is the title in capitals, the last two have none,
    // the radios' is the title as written ("Radio buttons group").
    private static readonly string[] Words = ["Books", "Movies", "Food", "Drinks"];

    private static Observation Form()
    {
        var elements = new List<UiElement>
        {
            new() { Id = 1, Role = "text", Tag = "div", Name = "CHECKBOX GROUP", Bounds = new ScreenRect(15, 713, 1250, 14) },
            new() { Id = 2, Role = "text", Tag = "div", Name = "RADIO BUTTONS GROUP", Bounds = new ScreenRect(15, 948, 1250, 14) },
        };
        for (var i = 0; i < Words.Length; i++)
        {
            elements.Add(new UiElement { Id = 10 + i, Role = "checkbox", Tag = "label", Name = Words[i], Checked = false, Row = 14 + i, NearbyText = i < 2 ? "CHECKBOX GROUP" : null, Bounds = new ScreenRect(0, 737 + (44 * i), 1280, 44) });
            elements.Add(new UiElement { Id = 20 + i, Role = "radio", Tag = "label", Name = Words[i], Checked = i == 0, Row = 18 + i, NearbyText = "Radio buttons group", Bounds = new ScreenRect(0, 972 + (44 * i), 1280, 44) });
        }

        return GroundingPages.Page([.. elements]);
    }

    private static StepGrounding Ground(string task) => new StepInterpreter().Ground(StepInterpreter.Parse(task)[0], Form());

    [TestMethod]
    [DataRow("Tick the last item of the checkbox group.", 13)]
    [DataRow("Tick the second item of the checkbox group.", 11)]
    [DataRow("Click the third item of the radio buttons group.", 22)]
    public void Ground_AnItemCountedInATitledGroup_IsCountedInThatGroupOnly(string task, int expected)
    {
        var grounding = Ground(task);

        Assert.AreEqual(expected, grounding.Action?.PrimaryTarget?.ElementId, grounding.Reason);
    }

    [TestMethod]
    public void Ground_EverythingInAGroupExceptOne_TicksThatGroupsBoxesOnly()
    {
        var step = StepInterpreter.Parse("Tick everything in the checkbox group except Drinks.").Single();
        var grounding = new StepInterpreter().Ground(step, Form());

        Assert.AreEqual((true, "the checkbox group"), (step.Every, step.Context), step.ToString());
        Assert.AreEqual(10, grounding.Action?.PrimaryTarget?.ElementId, grounding.Reason);
    }

    [TestMethod]
    public void Ground_EverythingInAGroupThePageDoesNotHave_TicksNothing()
    {
        var grounding = Ground("Tick everything in the Hobbies group except Drinks.");

        Assert.IsNull(grounding.Action, $"{grounding.Status}: {grounding.Reason}");
    }
}
