using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// Two tags inputs, each tag holding its own remove part (laid over the whole tag, as Flat UI draws bootstrap-tagsinput):
/// "Tags Input" (Clean, Fresh, Modern, Unique) and "Tags Input Primary with typeahead functionality" (Alabama). Batch 22
/// removed the first tag for "Delete the last tag in the Tags Input box" (a part found by the box's name) and said done.
/// </summary>
[TestClass]
public sealed class TagRemovalTests
{
    private static Observation Tags()
    {
        var elements = new List<UiElement>
        {
            new() { Id = 1, Role = "heading", Tag = "h5", Name = "Tags Input", Level = 5, Bounds = new ScreenRect(70, 97, 653, 31) },
            new() { Id = 20, Role = "heading", Tag = "h5", Name = "Tags Input Primary with typeahead functionality", Level = 5, Bounds = new ScreenRect(70, 206, 653, 31) },
            new() { Id = 21, Role = "button", Tag = "span", Name = "Alabama", Bounds = new ScreenRect(78, 260, 94, 27) },
            new() { Id = 22, Role = "button", Tag = "span", Icon = "remove", Bounds = new ScreenRect(78, 260, 94, 27) },
        };
        string[] words = ["Clean", "Fresh", "Modern", "Unique"];
        for (var i = 0; i < words.Length; i++)
        {
            elements.Add(new UiElement { Id = 2 + (2 * i), Role = "button", Tag = "span", Name = words[i], Bounds = new ScreenRect(78 + (85 * i), 151, 75, 27) });
            elements.Add(new UiElement { Id = 3 + (2 * i), Role = "button", Tag = "span", Icon = "remove", Bounds = new ScreenRect(78 + (85 * i), 151, 75, 27) });
        }

        return GroundingPages.Page([.. elements]);
    }

    private static StepGrounding Ground(string task) => new StepInterpreter().Ground(StepInterpreter.Parse(task).Single(), Tags());

    [TestMethod]
    [DataRow("Delete the last tag in the Tags Input box.", 9)]
    [DataRow("Remove the second tag.", 5)]
    [DataRow("Remove the first tag of the primary tags input.", 22)]
    [DataRow("Remove the Fresh tag.", 5)]
    public void Ground_ATagNamedOrCounted_ClicksThatTagsOwnRemovePart(string task, int expected)
    {
        var grounding = Ground(task);

        Assert.AreEqual(expected, grounding.Action?.PrimaryTarget?.ElementId, $"{grounding.Status}: {grounding.Reason}");
    }

    [TestMethod]
    [DataRow("Delete the last tag in the Colours box.")]
    [DataRow("Remove the sixth tag.")]
    public void Ground_ATagInABoxThePageDoesNotHaveOrPastTheEnd_RemovesNothing(string task)
    {
        var grounding = Ground(task);

        Assert.IsNull(grounding.Action, $"{grounding.Status}: {grounding.Reason}");
    }
}
