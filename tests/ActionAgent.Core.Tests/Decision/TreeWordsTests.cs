using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// How people write about a tree of ticked entries: node codes that share their numbers ("node-0-1-1" under "node-0-1"),
/// what happened before ("node-0-1-1 was ticked by mistake. … clear that box"), words at a target's edge ("as well",
/// "only", "with everything under it"), what is not to be tried, a state to leave ("Leave node-1-1 expanded"), and
/// collapsing what is closed already. Each case parsed or grounded wrongly before the rule it names.
/// </summary>
[TestClass]
public sealed class TreeWordsTests
{
    private static string Show(IEnumerable<InterpretedStep> steps) => string.Join(" | ", steps.Select(s => $"{s.Kind} t=[{s.Target}] v=[{s.Value}] c=[{s.Context}]"));

    // A tree as the perceiver reports one drawn without ARIA: each node's switch (with its state) and box, by the node's name.
    private static Observation Tree() => GroundingPages.Page(
        new UiElement { Id = 1, Role = "button", Tag = "span", Name = "node-0", Expanded = true, Bounds = new ScreenRect(20, 20, 20, 20) },
        new UiElement { Id = 2, Role = "checkbox", Tag = "span", Name = "node-0", Checked = false, Bounds = new ScreenRect(40, 20, 20, 20) },
        new UiElement { Id = 3, Role = "button", Tag = "span", Name = "node-0-1", Expanded = false, Bounds = new ScreenRect(40, 40, 20, 20) },
        new UiElement { Id = 4, Role = "checkbox", Tag = "span", Name = "node-0-1", Checked = false, Bounds = new ScreenRect(60, 40, 20, 20) },
        new UiElement { Id = 5, Role = "button", Tag = "span", Name = "node-1", Expanded = false, Bounds = new ScreenRect(20, 60, 20, 20) },
        new UiElement { Id = 6, Role = "checkbox", Tag = "span", Name = "node-1", Checked = false, Bounds = new ScreenRect(40, 60, 20, 20) });

    private static StepGrounding Ground(string task, Observation page) => new StepInterpreter().Ground(StepInterpreter.Parse(task)[0], page);

    [TestMethod]
    public void Ground_ACodeWithItsNumbersInAnotherOrder_IsNoMatch()
    {
        var page = GroundingPages.Page(new UiElement { Id = 1, Role = "checkbox", Tag = "span", Name = "node-0-1", Checked = false, Bounds = new ScreenRect(40, 20, 20, 20) });

        Assert.IsNull(Ground("Tick node-1-0.", page).Action);
        Assert.AreEqual(1, Ground("Tick node-0-1.", page).Action?.PrimaryTarget?.ElementId);
    }

    [TestMethod]
    public void Ground_UntickAnEntryNotShown_IsNotItsParentsBox()
    {
        var grounding = Ground("Untick node-0-1-1.", Tree());

        Assert.AreNotEqual(GroundingStatus.AlreadyDone, grounding.Status, grounding.Reason);
        Assert.IsNull(grounding.Action, grounding.Reason);
    }

    [TestMethod]
    public void Ground_TickWithEverythingUnderIt_TicksTheNode() =>
        Assert.AreEqual(6, Ground("Tick node-1 with everything under it.", Tree()).Action?.PrimaryTarget?.ElementId);

    [TestMethod]
    public void Ground_TickAsWell_TicksTheNode() =>
        Assert.AreEqual(6, Ground("Tick node-1 as well.", Tree()).Action?.PrimaryTarget?.ElementId);

    [TestMethod]
    public void Ground_ClearAnEntry_UnticksItsBox()
    {
        var page = GroundingPages.Page(new UiElement { Id = 1, Role = "checkbox", Tag = "span", Name = "node-1-1-0", Checked = true, Bounds = new ScreenRect(40, 20, 20, 20) });

        var grounding = Ground("Clear node-1-1-0 only.", page);

        Assert.IsInstanceOfType<ClickAction>(grounding.Action, grounding.Reason);
        Assert.AreEqual(1, grounding.Action!.PrimaryTarget?.ElementId);
    }

    [TestMethod]
    public void Ground_OpenANode_ClicksItsSwitchNotItsBox() =>
        Assert.AreEqual(5, Ground("Open node-1.", Tree()).Action?.PrimaryTarget?.ElementId);

    [TestMethod]
    public void Ground_CollapseANodeThatIsClosed_IsAlreadyDone() =>
        Assert.AreEqual(GroundingStatus.AlreadyDone, Ground("Collapse node-1.", Tree()).Status);

    [TestMethod]
    public void Ground_LeaveANodeExpanded_HoldsOnlyWhenItIs()
    {
        Assert.AreEqual(GroundingStatus.AlreadyDone, Ground("Leave node-0 expanded.", Tree()).Status);
        Assert.AreEqual(GroundingStatus.NotFound, Ground("Leave node-1 expanded.", Tree()).Status);
    }

    [TestMethod]
    public void Parse_WhatHappenedBefore_IsNoStepAndNamesThatBox()
    {
        var steps = StepInterpreter.Parse("node-0-1-1 was ticked by mistake. Expand node-0-1 and clear that box.");

        Assert.HasCount(2, steps, Show(steps));
        Assert.AreEqual("node-0-1", steps[0].Target, Show(steps));
        Assert.AreEqual("node-0-1-1", steps[1].Target, Show(steps));
    }

    [TestMethod]
    public void Parse_HisRowAfterAStatement_IsTheSubjectsRow()
    {
        var steps = StepInterpreter.Parse("Spot is no longer with the family. Delete his row from the Pets table.");

        Assert.HasCount(1, steps, Show(steps));
        StringAssert.StartsWith(steps[0].Context, "Spot's row", Show(steps));
    }

    [TestMethod]
    [DataRow("The Rainmaker is back in stock. Tick its In Store box.", "In Store box for The Rainmaker")]
    [DataRow("Misery is out of stock. Untick its In Store box.", "In Store box for Misery")]
    public void Parse_ItsBoxAfterAStatement_IsTheBoxOnTheSubjectsRow(string task, string target)
    {
        // Before: the statement was a step nobody understood, and "its" named nothing.
        var steps = StepInterpreter.Parse(task);

        Assert.HasCount(1, steps, Show(steps));
        Assert.AreEqual(target, steps[0].Target, Show(steps));
    }

    [TestMethod]
    public void Parse_NotToTryToTickAnything_IsNoStep()
    {
        var steps = StepInterpreter.Parse("Expand node-0-0. Its entries are locked, so do not try to tick or untick anything there.");

        Assert.HasCount(1, steps, Show(steps));
        Assert.IsTrue(steps[0].Expands, Show(steps));
    }

    [TestMethod]
    public void Parse_UntickItAgain_IsTheEntryTickedBefore()
    {
        var steps = StepInterpreter.Parse("Tick node-1-1-2, then change your mind and untick it again.");

        Assert.AreEqual(StepKind.Uncheck, steps[^1].Kind, Show(steps));
        Assert.AreEqual("node-1-1-2", steps[^1].Target, Show(steps));
    }
}
