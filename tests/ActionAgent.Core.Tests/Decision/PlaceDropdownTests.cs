using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// "In the Placeholder example, pick Fourth": the drop-downs are drawn by a script over hidden selects, so no select on the
/// page shows the option until opened. The place the step names holds one: it is chosen there. Before, the step failed
/// ("no select has an option like 'Fourth'"), and "the Placeholder example" matched nothing because of the word "example".
/// </summary>
[TestClass]
public sealed class PlaceDropdownTests
{
    private static Observation Demo() => GroundingPages.Page(
        new UiElement { Id = 1, Role = "heading", Tag = "h4", Name = "Basic", Bounds = new ScreenRect(20, 20, 400, 30) },
        new UiElement { Id = 2, Role = "combobox", Tag = "span", Name = "orange", NearbyText = "Basic", Bounds = new ScreenRect(20, 60, 400, 40) },
        new UiElement { Id = 3, Role = "heading", Tag = "h4", Name = "Placeholder", Bounds = new ScreenRect(20, 140, 400, 30) },
        new UiElement { Id = 4, Role = "combobox", Tag = "span", Name = "× Choose...", NearbyText = "Placeholder", Bounds = new ScreenRect(20, 180, 400, 40) });

    [TestMethod]
    public void Ground_AnOptionInANamedPlace_IsChosenInThatPlacesScriptDrawnDropDown()
    {
        var step = StepInterpreter.Parse("In the Placeholder example, pick Fourth.").Single();

        var grounding = new StepInterpreter().Ground(step, Demo());

        Assert.IsInstanceOfType<SelectOptionAction>(grounding.Action, grounding.Reason);
        Assert.AreEqual(4, grounding.Action.PrimaryTarget?.ElementId, grounding.Reason);
        Assert.AreEqual("Fourth", ((SelectOptionAction)grounding.Action).Option, grounding.Reason);
    }

    [TestMethod]
    public void Ground_AnOptionWithNoPlace_IsNotGuessedIntoSomeDropDown()
    {
        var step = StepInterpreter.Parse("Pick Fourth.").Single();

        var grounding = new StepInterpreter().Ground(step, Demo());

        Assert.AreNotEqual(GroundingStatus.Grounded, grounding.Status, grounding.Reason);
    }
}
