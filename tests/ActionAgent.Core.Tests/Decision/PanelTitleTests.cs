using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// Settings panels drawn side by side, each under a title bar one clicks to fold it (QuickSettings, batch 23): "Buttons"
/// over Button 1 … Button 5, "Booleans" over five checkboxes, "Text" over four text fields. "Click the last button in the
/// Buttons panel" clicked the title bar "Buttons" and said done; "Tick every box in the Booleans panel" found no box
/// under it.
/// </summary>
[TestClass]
public sealed class PanelTitleTests
{
    private static Observation Panels()
    {
        var elements = new List<UiElement>
        {
            new() { Id = 1, Role = "button", Tag = "div", Name = "Booleans", Bounds = new ScreenRect(420, 0, 200, 24) },
            new() { Id = 2, Role = "button", Tag = "div", Name = "Buttons", Bounds = new ScreenRect(0, 240, 200, 24) },
            new() { Id = 3, Role = "button", Tag = "div", Name = "Text", Bounds = new ScreenRect(210, 240, 200, 24) },
        };
        for (var i = 0; i < 5; i++)
        {
            elements.Add(new UiElement { Id = 10 + i, Role = "checkbox", Tag = "label", Name = $"Boolean {i + 1}", Checked = false, Bounds = new ScreenRect(455, 36 + (31 * i), 54, 14) });
            elements.Add(new UiElement { Id = 20 + i, Role = "button", Tag = "input", Name = $"Button {i + 1}", Bounds = new ScreenRect(10, 274 + (45 * i), 59, 30) });
        }

        for (var i = 0; i < 4; i++)
        {
            elements.Add(new UiElement { Id = 30 + i, Role = "text", Tag = "b", Name = $"Text {i + 1}", Bounds = new ScreenRect(220, 274 + (56 * i), 34, 14) });
            elements.Add(new UiElement { Id = 40 + i, Role = "textbox", Tag = "input", Value = "foo", NearbyText = $"Text {i + 1}", Bounds = new ScreenRect(220, 291 + (56 * i), 180, 24) });
        }

        return GroundingPages.Page([.. elements]);
    }

    private static StepGrounding Ground(string task) => new StepInterpreter().Ground(StepInterpreter.Parse(task)[0], Panels());

    [TestMethod]
    [DataRow("Click the last button in the Buttons panel.", 24)]
    [DataRow("Press the second button in the Buttons panel.", 21)]
    [DataRow("Tick the third box in the Booleans panel.", 12)]
    public void Ground_AnItemCountedInAPanel_IsCountedUnderThatPanelsTitleBar(string task, int expected)
    {
        var grounding = Ground(task);

        Assert.AreEqual(expected, grounding.Action?.PrimaryTarget?.ElementId, $"{grounding.Status}: {grounding.Reason}");
    }

    [TestMethod]
    public void Ground_EveryBoxInAPanelExceptOne_TicksThatPanelsOtherBoxes()
    {
        var grounding = Ground("Tick every box in the Booleans panel except Boolean 1.");

        Assert.AreEqual(11, grounding.Action?.PrimaryTarget?.ElementId, $"{grounding.Status}: {grounding.Reason}");
    }

    [TestMethod]
    public void Ground_EveryBoxInAPanelThePageDoesNotHave_TicksNothing()
    {
        var grounding = Ground("Tick every box in the Colors panel.");

        Assert.IsNull(grounding.Action, $"{grounding.Status}: {grounding.Reason}");
    }
}
