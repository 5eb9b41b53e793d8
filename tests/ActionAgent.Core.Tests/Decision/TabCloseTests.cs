using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// "Close the LexCorp plc. tab" on a strip of tabs, each with its own × inside it, as a docking layout draws them (Golden
/// Layout, held-out batch 19), with the line of text OCR reads across the strip ("Acme, inc. × LexCorp plc. ×"). That line
/// holds the owner's words too and every tab's × is beside it: the first tab's × was clicked. The owner is the element
/// that shows its words alone.
/// </summary>
[TestClass]
public sealed class TabCloseTests
{
    private static Observation Strip() => GroundingPages.Page(
        new UiElement { Id = 21, Role = "button", Tag = "li", Name = "Acme, inc.", Bounds = new ScreenRect(0, 523, 91, 19) },
        new UiElement { Id = 24, Role = "button", Tag = "div", Icon = "close", Row = 6, Bounds = new ScreenRect(74, 527, 11, 11) },
        new UiElement { Id = 22, Role = "button", Tag = "li", Name = "LexCorp plc.", Bounds = new ScreenRect(93, 523, 102, 18) },
        new UiElement { Id = 26, Role = "button", Tag = "div", Icon = "close", Row = 7, Bounds = new ScreenRect(178, 527, 11, 11) },
        new UiElement { Id = 23, Role = "button", Tag = "li", Name = "Springshield plc.", Bounds = new ScreenRect(197, 523, 123, 18) },
        new UiElement { Id = 28, Role = "button", Tag = "div", Icon = "close", Row = 8, Bounds = new ScreenRect(304, 527, 11, 11) },
        new UiElement { Id = 25, Role = "button", Tag = "li", Name = "maximise", Bounds = new ScreenRect(981, 522, 18, 18) },
        new UiElement { Id = 27, Role = "button", Tag = "li", Name = "close", Bounds = new ScreenRect(999, 522, 18, 18) },
        new UiElement { Id = 45, Role = "text", Name = "Acme, inc. × LexCorp plc. ×", Source = ElementSource.Ocr, Confidence = 0.9, Bounds = new ScreenRect(4, 524, 190, 16) });

    private static ProposedAction First(string task) =>
        new StepInterpreter().DecideAsync(new DecisionContext("run", task, 1, Strip(), [])).GetAwaiter().GetResult();

    [TestMethod]
    [DataRow("Close the LexCorp plc. tab.", 26)]
    [DataRow("Close the \"Acme, inc.\" tab.", 24)]
    [DataRow("Close the Springshield plc. tab.", 28)]
    public void Decide_CloseANamedTab_ClicksTheCrossInsideThatTab(string task, int expected)
    {
        var first = First(task);

        Assert.IsInstanceOfType<ClickAction>(first.Action, first.Reason);
        Assert.AreEqual(expected, first.Action.PrimaryTarget?.ElementId, first.Reason);
    }

    // "with the group's own close button" where nothing on the page is a group: batch 19 clicked the first tab's × (named
    // "close" by its class), another panel closed, and the run said done. Whose close button it is cannot be told.
    [TestMethod]
    public void Decide_TheOwnControlOfAnOwnerThePageDoesNotHave_ClicksNothing()
    {
        var first = First("Close the whole bottom-left group, all three company tabs at once, with the group's own close button.");

        Assert.IsNotInstanceOfType<ClickAction>(first.Action, first.Reason);
        StringAssert.Contains(first.Reason, "group");
    }

    [TestMethod]
    public void Decide_TheOwnControlOfAnOwnerThePageShows_IsStillFound()
    {
        var first = First("Click the LexCorp's own close button.");

        Assert.IsInstanceOfType<ClickAction>(first.Action, first.Reason);
    }
}
