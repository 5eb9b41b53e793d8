using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// Controls named by a kind word and a number ("Slider 1", "Slider 2", "Slider 3"), their label above them showing the
/// value too ("Slider 2: 0"), stacked one under another, as QuickSettings draws a panel (batch 23). "Slide Slider 2 all
/// the way up" took the three flat sliders for one standing slider's handles, dragged Slider 1 up to its middle and said
/// done: up on a slider that lies flat is its right end.
/// </summary>
[TestClass]
public sealed class FlatSliderTests
{
    private static Observation Sliders()
    {
        var elements = new List<UiElement> { new() { Id = 1, Role = "button", Tag = "div", Name = "Sliders", Bounds = new ScreenRect(210, 0, 200, 24) } };
        for (var i = 0; i < 3; i++)
        {
            elements.Add(new UiElement { Id = 10 + (2 * i), Role = "text", Tag = "div", Name = $"Slider {i + 1}: 0", Bounds = new ScreenRect(220, 34 + (52 * i), 180, 14) });
            elements.Add(new UiElement { Id = 11 + (2 * i), Role = "slider", Tag = "input", InputType = "range", Value = "0", NearbyText = $"Slider {i + 1}: 0", Bounds = new ScreenRect(220, 51 + (52 * i), 180, 17) });
        }

        return GroundingPages.Page([.. elements]);
    }

    [TestMethod]
    [DataRow("Slide Slider 2 all the way up.", 13)]
    [DataRow("Move Slider 3 to the far right.", 15)]
    [DataRow("Set Slider 2 to 40.", 13)]
    public void Ground_AControlNamedByItsKindAndANumber_IsThatNumberedOne(string task, int expected)
    {
        var grounding = new StepInterpreter().Ground(StepInterpreter.Parse(task).Single(), Sliders());

        Assert.AreEqual(expected, grounding.Action?.PrimaryTarget?.ElementId, $"{grounding.Status}: {grounding.Reason}");
    }

    [TestMethod]
    public void Ground_ANumberThePageDoesNotShow_MovesNothing()
    {
        var grounding = new StepInterpreter().Ground(StepInterpreter.Parse("Slide Slider 7 all the way up.").Single(), Sliders());

        Assert.IsNull(grounding.Action, $"{grounding.Status}: {grounding.Reason}");
    }
}
