using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// An ordinal in a named section is counted under that section's heading: "In the "Click" example, click the last
/// star" once clicked the last star of another example whose text also spoke of a click (batch 7's first run, a false
/// completion).
/// </summary>
[TestClass]
public sealed class SectionOrdinalTests
{
    private static Observation TwoRatings()
    {
        var elements = new List<UiElement>
        {
            new() { Id = 1, Role = "heading", Name = "Click", Bounds = new ScreenRect(20, 20, 200, 30) },
            new() { Id = 2, Role = "text", Name = "Callback to handle the score and the click event on click action.", Bounds = new ScreenRect(20, 60, 600, 20) },
            new() { Id = 20, Role = "heading", Name = "Cancel", Bounds = new ScreenRect(20, 220, 200, 30) },
            new() { Id = 21, Role = "text", Name = "Add a cancel button. Inside the click callback the argument receives null.", Bounds = new ScreenRect(20, 260, 600, 20) },
        };
        for (var i = 1; i <= 5; i++)
        {
            elements.Add(new UiElement { Id = 2 + i, Role = "image", Name = $"{i}", Tag = "img", Icon = "star off", NearbyText = "Callback to handle the score and the click event on click action.", Bounds = new ScreenRect(20 + (i * 20), 90, 16, 16) });
            elements.Add(new UiElement { Id = 21 + i, Role = "image", Name = $"{i}", Tag = "img", Icon = "star off", NearbyText = "Add a cancel button. Inside the click callback the argument receives null.", Bounds = new ScreenRect(20 + (i * 20), 290, 16, 16) });
        }

        return new Observation { Url = "http://127.0.0.1:5080/ratings", Geometry = ViewportGeometry.Identity(1280, 800), Elements = elements };
    }

    [TestMethod]
    public void Ground_TheLastStarInTheNamedExample_IsThatExamplesFifthStar()
    {
        var step = StepInterpreter.Parse("In the \"Click\" example, click the last star.").Single();

        var grounding = new StepInterpreter().Ground(step, TwoRatings());

        Assert.AreEqual(GroundingStatus.Grounded, grounding.Status, grounding.Reason);
        Assert.AreEqual(7, grounding.Action!.PrimaryTarget!.ElementId, $"{grounding.Reason}: the fifth star under \"Click\" is #7");
    }

    [TestMethod]
    public void Ground_TheSecondStarInTheOtherExample_IsCountedThere()
    {
        var step = StepInterpreter.Parse("In the Cancel example, click the second star.").Single();

        var grounding = new StepInterpreter().Ground(step, TwoRatings());

        Assert.AreEqual(23, grounding.Action?.PrimaryTarget?.ElementId, grounding.Reason);
    }
}
