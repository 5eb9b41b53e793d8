using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>Looking before failing: a control that shows only when its row is hovered is found by hovering the row.</summary>
[TestClass]
public sealed class StepExplorerTests
{
    private const string Task = "Delete the todo \"Stale item\" with the × button that appears when you hover over it.";
    private readonly List<StepSummary> _history = [];
    private readonly StepInterpreter _interpreter = new();

    private static UiElement Text(int id, string name, double y) =>
        new() { Id = id, Role = "text", Tag = "label", Name = name, Bounds = new ScreenRect(90, y, 300, 40) };

    private static Observation Rows(bool deleteShown) => new()
    {
        Url = "http://127.0.0.1:9000/todos",
        Geometry = ViewportGeometry.Identity(1280, 720),
        Elements = deleteShown
            ? [Text(1, "Keep me", 100), Text(2, "Stale item", 150), new UiElement { Id = 3, Role = "button", Tag = "button", Name = "×", Bounds = new ScreenRect(500, 150, 40, 40) }]
            : [Text(1, "Keep me", 100), Text(2, "Stale item", 150)],
    };

    private Task<ProposedAction> Next(Observation page) =>
        _interpreter.DecideAsync(new DecisionContext("run", Task, _history.Count + 1, page, _history.ToArray()));

    private void Succeeded(ProposedAction p) =>
        _history.Add(new StepSummary(_history.Count + 1, p.Action.Describe(), "ok", true) { StepText = p.StepText, ActionKind = p.Action.Kind });

    [TestMethod]
    public async Task DecideAsync_DeleteControlHiddenUntilHover_HoversTheRowWithAReasonThenClicksIt()
    {
        var look = await Next(Rows(deleteShown: false));
        Succeeded(look);
        var click = await Next(Rows(deleteShown: true));

        Assert.IsInstanceOfType<HoverAction>(look.Action, look.Reason);
        Assert.AreEqual(2, look.Action.PrimaryTarget?.ElementId, look.Reason);
        StringAssert.Contains(look.Reason, "exploring");
        StringAssert.Contains(look.Reason, "reveal");
        Assert.IsInstanceOfType<ClickAction>(click.Action, click.Reason);
        Assert.AreEqual(3, click.Action.PrimaryTarget?.ElementId, click.Reason);
    }

    [TestMethod]
    public async Task DecideAsync_HoverRevealsNothing_FailsAfterTheBudgetInsteadOfClickingSomethingElse()
    {
        var proposals = new List<ProposedAction>();
        for (var i = 0; i < 12; i++)
        {
            var p = await Next(Rows(deleteShown: false));
            proposals.Add(p);
            if (p.Action.IsTerminal)
            {
                break;
            }

            Succeeded(p);
        }

        var last = proposals[^1];
        Assert.IsInstanceOfType<FailAction>(last.Action, string.Join(" | ", proposals.Select(p => p.Action.Describe())));
        Assert.IsFalse(proposals.Any(p => p.Action is ClickAction), string.Join(" | ", proposals.Select(p => p.Action.Describe())));
        Assert.IsLessThanOrEqualTo(2, proposals.Count(p => p.Action is HoverAction));
    }

    [TestMethod]
    public async Task DecideAsync_AStepWithoutACheckWhileOthersHaveChecks_IsNotReportedDone()
    {
        var page = new Observation
        {
            Url = "http://127.0.0.1:9000/form",
            Geometry = ViewportGeometry.Identity(1280, 720),
            Elements =
            [
                new UiElement { Id = 1, Role = "textbox", Tag = "input", Name = "Name", Bounds = new ScreenRect(40, 10, 200, 30) },
                new UiElement { Id = 2, Role = "button", Tag = "button", Name = "Save", Bounds = new ScreenRect(40, 60, 100, 30) },
            ],
        };
        const string task = "Type Ada into Name, then click Save";
        var type = await _interpreter.DecideAsync(new DecisionContext("honest", task, 1, page, []));
        var history = new List<StepSummary>
        {
            new(1, type.Action.Describe(), "typed", true) { StepText = type.StepText, ActionKind = type.Action.Kind, Checks = ["text field \"Name\" reads \"Ada\""] },
        };
        var click = await _interpreter.DecideAsync(new DecisionContext("honest", task, 2, page, history.ToArray()));
        history.Add(new StepSummary(2, click.Action.Describe(), "clicked", true) { StepText = click.StepText, ActionKind = click.Action.Kind });

        var end = await _interpreter.DecideAsync(new DecisionContext("honest", task, 3, page, history.ToArray()));

        var fail = end.Action as FailAction;
        Assert.IsNotNull(fail, $"expected no done, got {end.Action.Describe()}");
        Assert.AreEqual(ActionAgent.Core.Execution.FailureKind.NotVerified, fail.Failure);
        StringAssert.Contains(fail.Reason, "2) click Save");
    }

    [TestMethod]
    public async Task DecideAsync_RequireEveryStepConfirmed_SingleStepWithoutACheck_IsNotDone()
    {
        var interpreter = new StepInterpreter(new StepInterpreterOptions { RequireEveryStepConfirmed = true });
        var page = new Observation
        {
            Url = "http://127.0.0.1:9000/form",
            Geometry = ViewportGeometry.Identity(1280, 720),
            Elements = [new UiElement { Id = 1, Role = "textbox", Tag = "input", Name = "Date", Bounds = new ScreenRect(40, 10, 200, 30) }],
        };
        const string task = "Set the date to May 20, 2010";
        var set = await interpreter.DecideAsync(new DecisionContext("one", task, 1, page, []));
        StepSummary[] history = [new(1, set.Action.Describe(), "typed", true) { StepText = set.StepText, ActionKind = set.Action.Kind }];

        var end = await interpreter.DecideAsync(new DecisionContext("one", task, 2, page, history));

        Assert.IsInstanceOfType<FailAction>(end.Action, end.Action.Describe());
    }

    private static Observation CountedRows(bool deleteShown)
    {
        // The "mark all" toggle, unnamed, beside the field for new entries: no row.
        var elements = new List<UiElement>
        {
            new() { Id = 8, Role = "checkbox", Tag = "input", Name = "Mark all as complete", Checked = false, Bounds = new ScreenRect(50, 40, 30, 30) },
            new() { Id = 9, Role = "textbox", Tag = "input", Name = "What needs to be done?", Bounds = new ScreenRect(90, 35, 400, 40) },
        };
        string[] names = ["Buy milk", "Call the bank", "Water plants"];
        for (var k = 0; k < 3; k++)
        {
            elements.Add(new UiElement { Id = 10 + k, Role = "checkbox", Tag = "input", Checked = false, Bounds = new ScreenRect(50, 100 + k * 50, 30, 30) });
            elements.Add(Text(20 + k, names[k], 100 + k * 50) with { Bounds = new ScreenRect(90, 100 + k * 50, 300, 30) });
        }

        if (deleteShown)
        {
            elements.Add(new UiElement { Id = 32, Role = "button", Tag = "button", Name = "×", Bounds = new ScreenRect(500, 200, 30, 30) });
        }

        return new Observation { Url = "http://127.0.0.1:9000/todos", Geometry = ViewportGeometry.Identity(1280, 720), Elements = elements };
    }

    [TestMethod]
    public async Task DecideAsync_RemoveTheLastRowWithItsHiddenCross_HoversTheLastRowThenClicksItsCross()
    {
        var task = "Remove the last todo with the delete cross that appears when you move the mouse over it.";
        var history = new List<StepSummary>();
        Task<ProposedAction> Decide(Observation page) => _interpreter.DecideAsync(new DecisionContext("rows", task, history.Count + 1, page, history.ToArray()));

        var look = await Decide(CountedRows(deleteShown: false));
        history.Add(new StepSummary(1, look.Action.Describe(), "ok", true) { StepText = look.StepText, ActionKind = look.Action.Kind });
        var click = await Decide(CountedRows(deleteShown: true));

        Assert.IsInstanceOfType<HoverAction>(look.Action, look.Reason);
        Assert.AreEqual(12, look.Action.PrimaryTarget?.ElementId, look.Reason);
        Assert.AreEqual(32, click.Action.PrimaryTarget?.ElementId, $"{click.Action.Describe()}: {click.Reason}");
    }

    [TestMethod]
    public void Ground_DoubleClickTheSecondTodo_OpensTheTextOfTheSecondRow()
    {
        var step = StepInterpreter.Parse("Double-click the second todo.")[0];

        var g = _interpreter.Ground(step, CountedRows(deleteShown: false));

        Assert.AreEqual(21, g.Element?.Id, g.Reason);
    }

    [TestMethod]
    public void Ground_DeleteTheThirdTodo_NeverClicksTheCrossOfAnotherRow()
    {
        // The mouse rests on the first row: its × shows; the third row's does not yet.
        var page = CountedRows(deleteShown: false);
        page = page with { Elements = [.. page.Elements, new UiElement { Id = 30, Role = "button", Tag = "button", Name = "×", Bounds = new ScreenRect(500, 100, 30, 30) }] };
        var step = StepInterpreter.Parse("Delete the third todo in the list, using the × that shows up when you point at the row.")[0];

        var g = _interpreter.Ground(step, page);
        var look = new StepInterpreter().DecideAsync(new DecisionContext("third", "Delete the third todo in the list, using the × that shows up when you point at the row.", 1, page, [])).Result;
        Assert.AreEqual(12, look.Action.PrimaryTarget?.ElementId, $"the third row's box is hovered, not the second's (the named 'mark all' box is no row): {look.Reason}");

        Assert.AreNotEqual(30, g.Element?.Id, $"the first row's × was taken for the third's: {g.Reason}");
        Assert.IsNull(g.Action, g.Reason);
    }

    [TestMethod]
    public void Ground_AnUnnamedMarkAllBoxBesideTheNewEntryField_IsNoRow()
    {
        var page = CountedRows(deleteShown: false);
        page = page with { Elements = page.Elements.Select(e => e.Id == 8 ? e with { Name = "" } : e).ToList() };

        var g = _interpreter.Ground(StepInterpreter.Parse("Double-click the second todo.")[0], page);

        Assert.AreEqual(21, g.Element?.Id, g.Reason);
    }
}
