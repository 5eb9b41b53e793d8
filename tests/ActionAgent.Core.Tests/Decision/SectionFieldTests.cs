using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// A demo page of sections, each under a heading ("Example 1 - HEX", "Example 3 - RGBA"), whose text fields are all
/// called "Color": "Set Example 1 to 112233" is the one text field under the heading that holds every word of the name,
/// and a value written as a function call ("rgba(255,0,0,0.25)") is typed whole. Batch 20 stopped at "no field matches
/// 'Example 1'" and typed "rgba" for the call.
/// </summary>
[TestClass]
public sealed class SectionFieldTests
{
    private static Observation Examples() => GroundingPages.Page(
        new UiElement { Id = 1, Role = "heading", Tag = "h2", Level = 2, Name = "Example 1 - HEX", Bounds = new ScreenRect(68, 296, 1144, 27) },
        new UiElement { Id = 2, Role = "textbox", Tag = "input", Name = "Color", Value = "#3399FF", Bounds = new ScreenRect(113, 343, 215, 21) },
        new UiElement { Id = 3, Role = "heading", Tag = "h2", Level = 2, Name = "Example 3 - RGBA", Bounds = new ScreenRect(68, 564, 1144, 27) },
        new UiElement { Id = 4, Role = "textbox", Tag = "input", Name = "Color", Value = "rgba(51,153,255,0.5)", Bounds = new ScreenRect(113, 611, 215, 21) },
        new UiElement { Id = 5, Role = "heading", Tag = "h2", Level = 2, Name = "Example 6 - Presets", Bounds = new ScreenRect(68, 832, 1144, 27) },
        new UiElement { Id = 6, Role = "textbox", Tag = "input", Name = "Small dark preset", Value = "#FFA000", Bounds = new ScreenRect(188, 879, 215, 21) },
        new UiElement { Id = 7, Role = "textbox", Tag = "input", Name = "Large preset", Value = "#FFA000", Bounds = new ScreenRect(156, 916, 215, 21) },
        new UiElement { Id = 8, Role = "heading", Tag = "h2", Level = 2, Name = "Example 10 - Wide", Bounds = new ScreenRect(68, 1100, 1144, 27) },
        new UiElement { Id = 9, Role = "textbox", Tag = "input", Name = "Color", Value = "#000000", Bounds = new ScreenRect(113, 1147, 215, 21) });

    private static StepGrounding Ground(string task) => new StepInterpreter().Ground(StepInterpreter.Parse(task)[0], Examples());

    [TestMethod]
    [DataRow("Set Example 1 to 112233.", 2, "112233", DisplayName = "the section's name, not Example 10's")]
    [DataRow("Set the RGBA example (Example 3) to rgba(255,0,0,0.25).", 4, "rgba(255,0,0,0.25)", DisplayName = "the heading's other words, a call value whole")]
    [DataRow("Change Example 10 to 222222.", 9, "222222", DisplayName = "Example 10")]
    public void Ground_ASectionWithOneTextField_NamesThatField(string task, int expected, string typed)
    {
        var grounding = Ground(task);

        Assert.AreEqual((expected, typed), (grounding.Action?.PrimaryTarget?.ElementId, (grounding.Action as TypeTextAction)?.Text), grounding.Reason);
    }

    [TestMethod]
    [DataRow("Set Example 6 to 888888.", DisplayName = "a section with two fields")]
    [DataRow("Set Example 4 to 888888.", DisplayName = "a section the page does not have")]
    public void Ground_ASectionWithoutExactlyOneTextField_TypesNothing(string task)
    {
        var grounding = Ground(task);

        Assert.IsNull(grounding.Action, $"{grounding.Status}: {grounding.Reason}");
    }
}
