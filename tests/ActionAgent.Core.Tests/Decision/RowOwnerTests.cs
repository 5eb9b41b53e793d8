using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// Rows named by their place or by a value they show (batch 15: an items list built of list items, whose heading row has
/// a select-all box): "the second item" is the second item, not the heading row's box; "the item whose author is X"
/// is the row showing X; "the third row's checkbox" and "the second and the fourth item" name rows too.
/// </summary>
[TestClass]
public sealed class RowOwnerTests
{
    private static readonly string[] Authors = ["Meadow Katheryne", "Ivy Lorrie", "Rosa Bell", "Tom Hale"];

    // A heading row (select-all box, column names) and four item rows whose cells go by those column names.
    private static Observation ItemsList()
    {
        var elements = new List<UiElement>
        {
            new() { Id = 1, Role = "heading", Name = "Items", Bounds = new ScreenRect(20, 20, 300, 30) },
            new() { Id = 2, Role = "checkbox", Tag = "label", Checked = false, Row = 10, NearbyText = "List of sample items", Bounds = new ScreenRect(20, 80, 20, 20) },
            new() { Id = 3, Role = "text", Name = "Name", Row = 10, Bounds = new ScreenRect(60, 80, 60, 20) },
            new() { Id = 4, Role = "text", Name = "Author", Row = 10, Bounds = new ScreenRect(400, 80, 60, 20) },
        };
        for (var i = 0; i < Authors.Length; i++)
        {
            var y = 120 + (i * 50);
            elements.Add(new UiElement { Id = 10 + (i * 3), Role = "checkbox", Tag = "label", Checked = false, Row = 11 + i, Bounds = new ScreenRect(20, y, 20, 20) });
            elements.Add(new UiElement { Id = 11 + (i * 3), Role = "link", Tag = "a", Name = $"Article {i + 1}", NearbyText = "Name", Row = 11 + i, Bounds = new ScreenRect(60, y, 200, 20) });
            elements.Add(new UiElement { Id = 12 + (i * 3), Role = "link", Tag = "a", Name = Authors[i], NearbyText = "Author", Row = 11 + i, Bounds = new ScreenRect(400, y, 120, 20) });
        }

        return new Observation { Url = "http://127.0.0.1:5080/items", Geometry = ViewportGeometry.Identity(1280, 800), Elements = elements };
    }

    private static int? Box(string task, int step = 0)
    {
        var steps = StepInterpreter.Parse(task);
        var grounding = new StepInterpreter().Ground(steps[step], ItemsList());
        Assert.AreEqual(GroundingStatus.Grounded, grounding.Status, $"{steps[step].Text}: {grounding.Reason}");
        return grounding.Action!.PrimaryTarget!.ElementId;
    }

    [TestMethod]
    public void Ground_TheSecondItem_SkipsTheHeadingRowsSelectAllBox()
    {
        Assert.AreEqual(13, Box("Tick the second item."));
        Assert.AreEqual(13, Box("Tick the checkbox of the second item."));
    }

    [TestMethod]
    public void Ground_TheSecondAndTheFourthItem_AreBothItems()
    {
        var steps = StepInterpreter.Parse("In the Items list, tick the checkboxes of the second and the fourth item.");

        Assert.HasCount(2, steps);
        Assert.AreEqual(13, Box("In the Items list, tick the checkboxes of the second and the fourth item.", 0));
        Assert.AreEqual(19, Box("In the Items list, tick the checkboxes of the second and the fourth item.", 1));
    }

    [TestMethod]
    public void Ground_TheItemWhoseAuthorIsX_IsTheBoxOnTheRowShowingX()
    {
        Assert.AreEqual(13, Box("Tick the item whose author is Ivy Lorrie."));
        Assert.AreEqual(16, Box("Tick the one written by Rosa Bell."));
    }

    [TestMethod]
    public void Ground_TheThirdRowsCheckbox_IsTheThirdItemsBox()
    {
        Assert.AreEqual(16, Box("Tick the third row's checkbox."));
    }

    [TestMethod]
    public void Ground_AnAuthorTheListDoesNotShow_IsNotFound()
    {
        var step = StepInterpreter.Parse("Tick the one written by Jonathan Carter.").Single();

        var grounding = new StepInterpreter().Ground(step, ItemsList());

        Assert.AreNotEqual(GroundingStatus.Grounded, grounding.Status, grounding.Reason);
    }
}
