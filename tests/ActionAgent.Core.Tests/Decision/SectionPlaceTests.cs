using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// A step placed in a section by its heading ("Under "Square skin", …", "… in the Flat skin") or by counting sections
/// ("the first checkbox of the third skin") acts only inside that section, and finds nothing when the section has no such
/// control. Laid out like a held-out page (iCheck's demo): several sections of the same boxes with the same names, each
/// under a narrow h3 with an h4 "Live" spanning both columns. Batch 19 ticked the first section's box for both tasks and
/// said Completed.
/// </summary>
[TestClass]
public sealed class SectionPlaceTests
{
    private static readonly string[] Skins = ["Minimal skin", "Square skin", "Flat skin"];

    // Each section: h3 (narrow, left), h4 "Live" (wide), Checkbox 1/2 in the left column, Radio button 1/2 in the right.
    // The second section has no radios, to show a step placed there never falls back to another section's radio.
    private static Observation Skinned()
    {
        var elements = new List<UiElement>
        {
            new() { Id = 1, Role = "heading", Tag = "h2", Level = 2, Name = "SKINS", Bounds = new ScreenRect(175, 40, 930, 60) },
        };
        var id = 10;
        for (var s = 0; s < Skins.Length; s++)
        {
            var top = 120 + (s * 400);
            elements.Add(new UiElement { Id = id++, Role = "heading", Tag = "h3", Level = 3, Name = Skins[s], Bounds = new ScreenRect(175, top, 240, 60) });
            elements.Add(new UiElement { Id = (s + 1) * 100 + 50, Role = "tab", Tag = "a", Name = "Usage", Bounds = new ScreenRect(600, top + 60, 80, 30) });
            elements.Add(new UiElement { Id = id++, Role = "heading", Tag = "h4", Level = 4, Name = "Live", Bounds = new ScreenRect(235, top + 100, 480, 40) });
            for (var i = 1; i <= 2; i++)
            {
                elements.Add(new UiElement { Id = (s + 1) * 100 + i, Role = "checkbox", Tag = "input", InputType = "checkbox", Name = $"Checkbox {i}", Checked = false, Bounds = new ScreenRect(231, top + 100 + (i * 40), 25, 25) });
                if (s != 1)
                {
                    elements.Add(new UiElement { Id = (s + 1) * 100 + 10 + i, Role = "radio", Tag = "input", InputType = "radio", Name = $"Radio button {i}", Checked = false, Bounds = new ScreenRect(471, top + 100 + (i * 40), 25, 25) });
                }
            }
        }

        return GroundingPages.Page([.. elements]);
    }

    private static StepGrounding Ground(string task) => new StepInterpreter().Ground(StepInterpreter.Parse(task)[0], Skinned());

    [TestMethod]
    [DataRow("Under \"Flat skin\", select Radio button 1.", 311)]
    [DataRow("In the Flat skin, select Radio button 2.", 312)]
    [DataRow("Select Radio button 1 in the Flat skin.", 311)]
    [DataRow("Tick Checkbox 2 in the Square skin.", 202)]
    [DataRow("Under \"Square skin\", tick Checkbox 1.", 201)]
    public void Ground_AStepPlacedUnderAHeading_ActsOnlyInThatSection(string task, int expected)
    {
        var grounding = Ground(task);

        Assert.AreEqual(expected, grounding.Action?.PrimaryTarget?.ElementId, grounding.Reason);
    }

    [TestMethod]
    [DataRow("Tick the first checkbox of the third skin on the page.", 301)]
    [DataRow("Tick the second checkbox of the second skin.", 202)]
    [DataRow("In the third skin, select Radio button 2.", 312)]
    [DataRow("In the last skin, tick Checkbox 1.", 301)]
    public void Ground_AStepPlacedInTheNthSection_CountsTheHeadingsThatShareTheWord(string task, int expected)
    {
        var grounding = Ground(task);

        Assert.AreEqual(expected, grounding.Action?.PrimaryTarget?.ElementId, grounding.Reason);
    }

    [TestMethod]
    [DataRow("Under \"Square skin\", select Radio button 1.")]
    [DataRow("In the second skin, select Radio button 1.")]
    [DataRow("Tick the first checkbox of the fifth skin.")]
    public void Ground_ThePlacedSectionHasNoSuchControl_ActsOnNothingElsewhere(string task)
    {
        var grounding = Ground(task);

        Assert.IsNull(grounding.Action, $"acted on #{grounding.Action?.PrimaryTarget?.ElementId}: {grounding.Reason}");
    }

    [TestMethod]
    [DataRow("In the Round skin, tick Checkbox 1.")]
    [DataRow("Under \"Round skin\", select Radio button 1.")]
    public void Decide_APlaceThePageHasNot_ActsOnNoLookAlikeAndFails(string task)
    {
        var first = new StepInterpreter().DecideAsync(new DecisionContext("run", task, 1, Skinned(), [])).GetAwaiter().GetResult();

        Assert.IsInstanceOfType<FailAction>(first.Action, first.Reason);
        StringAssert.Contains(((FailAction)first.Action).Reason, "\"Round\" is nowhere around");
    }

    [TestMethod]
    public void Ground_ItsTabInAPlacedList_IsThatSectionsTab()
    {
        var steps = StepInterpreter.Parse("For the Flat skin: tick Checkbox 1, then open its Usage tab.");

        var grounding = new StepInterpreter().Ground(steps[^1], Skinned());

        Assert.AreEqual(350, grounding.Action?.PrimaryTarget?.ElementId, grounding.Reason);
    }

    [TestMethod]
    public void Decide_APlaceThePageHas_Acts()
    {
        var first = new StepInterpreter().DecideAsync(new DecisionContext("run", "In the Flat skin, tick Checkbox 1.", 1, Skinned(), [])).GetAwaiter().GetResult();

        Assert.AreEqual(301, first.Action.PrimaryTarget?.ElementId, first.Reason);
    }
}
