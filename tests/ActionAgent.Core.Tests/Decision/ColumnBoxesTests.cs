using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// "Switch off every notification in the Browser column": a settings table with a box per row and column. Before, the
/// step looked for one box called "every notification in the Browser column" and failed; it must now untick the boxes
/// under that heading, one checked click at a time, and no box of another column.
/// </summary>
[TestClass]
public sealed class ColumnBoxesTests
{
    // Columns Type | Email | Browser | App; three rows; every box ticked but the App box of the last row.
    private static Observation Settings(params int[] unticked)
    {
        var elements = new List<UiElement>
        {
            new() { Id = 1, Role = "columnheader", Tag = "th", Name = "Type", Bounds = new ScreenRect(20, 100, 300, 30) },
            new() { Id = 2, Role = "columnheader", Tag = "th", Name = "Email", Bounds = new ScreenRect(320, 100, 100, 30) },
            new() { Id = 3, Role = "columnheader", Tag = "th", Name = "🖥 Browser", Bounds = new ScreenRect(420, 100, 100, 30) },
            new() { Id = 4, Role = "columnheader", Tag = "th", Name = "App", Bounds = new ScreenRect(520, 100, 100, 30) },
        };
        var id = 10;
        foreach (var (row, y) in new[] { ("New for you", 140), ("Account activity", 180), ("A new browser used to sign in", 220) })
        {
            elements.Add(new UiElement { Id = id++, Role = "cell", Tag = "td", Name = row, Bounds = new ScreenRect(20, y, 300, 30) });
            foreach (var x in new[] { 360, 460, 560 })
            {
                var box = id++;
                elements.Add(new UiElement { Id = box, Role = "checkbox", Tag = "input", Checked = !unticked.Contains(box) && !(x == 560 && y == 220), NearbyText = row, Bounds = new ScreenRect(x, y + 8, 16, 16) });
            }
        }

        return GroundingPages.Page([.. elements]);
    }

    [TestMethod]
    public void Ground_EveryBoxInANamedColumn_UnticksTheBoxesUnderThatHeadingOnly()
    {
        var step = StepInterpreter.Parse("Switch off every notification in the Browser column, then save.")[0];
        var interpreter = new StepInterpreter();

        var first = interpreter.Ground(step, Settings());
        var second = interpreter.Ground(step, Settings(12));
        var last = interpreter.Ground(step, Settings(12, 16));
        var done = interpreter.Ground(step, Settings(12, 16, 20));

        Assert.AreEqual(12, first.Action?.PrimaryTarget?.ElementId, first.Reason);
        Assert.AreEqual(16, second.Action?.PrimaryTarget?.ElementId, second.Reason);
        Assert.AreEqual(20, last.Action?.PrimaryTarget?.ElementId, last.Reason);
        Assert.AreEqual(GroundingStatus.AlreadyDone, done.Status, done.Reason);
    }

    [TestMethod]
    public void Ground_AColumnThePageDoesNotHave_TouchesNoBox()
    {
        var step = StepInterpreter.Parse("Switch off every notification in the SMS column.")[0];

        var grounding = new StepInterpreter().Ground(step, Settings());

        Assert.AreEqual(GroundingStatus.NotFound, grounding.Status, grounding.Reason);
        Assert.IsNull(grounding.Action, grounding.Reason);
    }
}
