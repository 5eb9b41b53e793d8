using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// Verbs of docked panels and tab groups (a Golden Layout page, held-out batch 19): "Bring X to the front" clicks X;
/// "Maximise the X panel" clicks the maximise control on X's own header line, never another panel's. Both were "no verb
/// I know" before.
/// </summary>
[TestClass]
public sealed class PanelVerbTests
{
    // Two stacks, each a header line of tabs with "maximise" and "close" controls at its right end.
    private static Observation Docked() => GroundingPages.Page(
        new UiElement { Id = 28, Role = "button", Tag = "li", Name = "Performance", Bounds = new ScreenRect(1025, 39, 104, 19) },
        new UiElement { Id = 30, Role = "button", Tag = "li", Name = "maximise", Bounds = new ScreenRect(1241, 38, 18, 18) },
        new UiElement { Id = 31, Role = "button", Tag = "li", Name = "close", Bounds = new ScreenRect(1259, 38, 18, 18) },
        new UiElement { Id = 32, Role = "text", Tag = "p", Name = "Performance", Bounds = new ScreenRect(1025, 74, 255, 18) },
        new UiElement { Id = 33, Role = "button", Tag = "li", Name = "Market", Bounds = new ScreenRect(1025, 473, 72, 19) },
        new UiElement { Id = 35, Role = "button", Tag = "li", Name = "maximise", Bounds = new ScreenRect(1241, 472, 18, 18) },
        new UiElement { Id = 36, Role = "button", Tag = "li", Name = "close", Bounds = new ScreenRect(1259, 472, 18, 18) },
        new UiElement { Id = 37, Role = "text", Tag = "p", Name = "Market", Bounds = new ScreenRect(1025, 508, 255, 18) },
        new UiElement { Id = 21, Role = "button", Tag = "li", Name = "Acme, inc.", Bounds = new ScreenRect(0, 523, 91, 19) },
        new UiElement { Id = 22, Role = "button", Tag = "li", Name = "LexCorp plc.", Bounds = new ScreenRect(93, 523, 102, 18) });

    private static ProposedAction First(string task) =>
        new StepInterpreter().DecideAsync(new DecisionContext("run", task, 1, Docked(), [])).GetAwaiter().GetResult();

    [TestMethod]
    public void Decide_BringATabToTheFront_ClicksIt()
    {
        var first = First("Bring LexCorp plc. to the front.");

        Assert.IsInstanceOfType<ClickAction>(first.Action, first.Reason);
        Assert.AreEqual(22, first.Action.PrimaryTarget?.ElementId, first.Reason);
    }

    [TestMethod]
    [DataRow("Maximise the Market panel.", 35)]
    [DataRow("Maximize the Performance panel.", 30)]
    public void Decide_MaximiseAPanel_ClicksTheMaximiseOnItsOwnHeader(string task, int expected)
    {
        var first = First(task);

        Assert.AreEqual(expected, first.Action.PrimaryTarget?.ElementId, first.Reason);
    }

    [TestMethod]
    public void Decide_MaximiseAPanelThePageHasNot_ClicksNoOtherPanelsControl()
    {
        var first = First("Maximise the Trend panel.");

        Assert.IsInstanceOfType<FailAction>(first.Action, first.Reason);
    }

    [TestMethod]
    public void Parse_ItsAfterMaximise_IsThePanel()
    {
        var steps = StepInterpreter.Parse("Maximise the Market panel and press its Refresh button.");

        Assert.HasCount(2, steps);
        Assert.AreEqual("the Market panel", steps[1].Context);
    }
}
