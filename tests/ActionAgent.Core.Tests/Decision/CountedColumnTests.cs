using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// "Sort the table by its 11th column" on a table of four columns: counting words are read in one place now, and a
/// column past the table's end is no column. Before, any count written with digits past "10th" fell through to "the last
/// column", so the last column was sorted and the step could say done.
/// </summary>
[TestClass]
public sealed class CountedColumnTests
{
    // Name | City | Born | Score, three rows in no order.
    private static Observation Table()
    {
        var elements = new List<UiElement>();
        var x = 20;
        foreach (var name in new[] { "Name", "City", "Born", "Score" })
        {
            elements.Add(new UiElement { Id = elements.Count + 1, Role = "columnheader", Tag = "th", Name = name, Bounds = new ScreenRect(x, 100, 150, 30) });
            x += 150;
        }

        var rows = new[] { new[] { "Bo", "Oslo", "1990", "7" }, ["Al", "Rome", "1985", "9"], ["Cy", "Lima", "2001", "3"] };
        var y = 140;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                elements.Add(new UiElement { Id = elements.Count + 1, Role = "cell", Tag = "td", Name = row[c], Bounds = new ScreenRect(20 + (150 * c), y, 150, 30) });
            }

            y += 40;
        }

        return GroundingPages.Page([.. elements]);
    }

    [TestMethod]
    [DataRow("Sort the table by its 11th column.")]
    [DataRow("Sort the table by its 5th column.")]
    [DataRow("Sort the table by its ninth column.")]
    public void Ground_AColumnPastTheTablesEnd_ClicksNoHeader(string task)
    {
        var step = StepInterpreter.Parse(task)[0];

        var grounding = new StepInterpreter().Ground(step, Table());

        Assert.AreEqual(StepKind.Sort, step.Kind, step.Text);
        Assert.AreEqual(GroundingStatus.NotFound, grounding.Status, grounding.Reason);
        Assert.IsNull(grounding.Action, grounding.Reason);
        StringAssert.Contains(grounding.Reason, "4 column(s)");
    }

    [TestMethod]
    [DataRow("Sort the table by its 3rd column.", 3)]
    [DataRow("Sort the table by its second column.", 2)]
    [DataRow("Sort the table by its fourth column.", 4)]
    public void Ground_ACountedColumn_ClicksThatHeader(string task, int header)
    {
        var step = StepInterpreter.Parse(task)[0];

        var grounding = new StepInterpreter().Ground(step, Table());

        Assert.AreEqual(header, grounding.Action?.PrimaryTarget?.ElementId, grounding.Reason);
    }
}
