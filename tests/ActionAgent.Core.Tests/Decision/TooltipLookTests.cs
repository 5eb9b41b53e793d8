using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// Icon toolbars named only by tooltips (Calendar.js: empty divs drawn by CSS, names shown under the pointer) and month
/// grids that write their days as ordinals ("1st", "22nd"). When a step's target is on no element, the interpreter hovers
/// the unnamed icons, those whose drawing says something like the target first, so the perceiver can name them by their
/// tooltips; a calendar read from ordinal days is a calendar. Before, "Click Add Event" failed at once, and such a month
/// grid was "no calendar".
/// </summary>
[TestClass]
public sealed class TooltipLookTests
{
    private static UiElement Icon(int id, string icon, double x, double y = 20) =>
        new() { Id = id, Role = "button", Tag = "div", Name = "", Icon = icon, Bounds = new ScreenRect(x, y, 16, 16) };

    private static Observation Toolbar(params UiElement[] more) => GroundingPages.Page(
        [Icon(1, "hamburger", 20), Icon(2, "arrow left full", 50), Icon(3, "arrow right full", 80), Icon(4, "refresh", 110), Icon(5, "add", 500), .. more]);

    private static Task<ProposedAction> First(string task, Observation page) =>
        new StepInterpreter().DecideAsync(new DecisionContext("run", task, 1, page, []));

    [TestMethod]
    public async Task Decide_ClickATargetNoElementHas_HoversTheIconWhoseDrawingIsLikeItFirst()
    {
        var first = await First("Click Add Event", Toolbar());

        Assert.IsInstanceOfType<HoverAction>(first.Action, first.Reason);
        Assert.AreEqual(5, first.Action.PrimaryTarget?.ElementId, "the plus (add) icon before the four left of it");
        StringAssert.Contains(first.Reason, "to read its tooltip");
    }

    [TestMethod]
    public async Task Decide_NoIconLikeTheTarget_HoversInReadingOrder()
    {
        var first = await First("Click View All Events", Toolbar());

        Assert.IsInstanceOfType<HoverAction>(first.Action, first.Reason);
        Assert.AreEqual(1, first.Action.PrimaryTarget?.ElementId);
    }

    [TestMethod]
    public async Task Decide_NamedIconsOnly_NothingIsHoveredAndTheStepFails()
    {
        var page = GroundingPages.Page(
            new UiElement { Id = 1, Role = "button", Tag = "button", Name = "Refresh", Bounds = new ScreenRect(20, 20, 16, 16) },
            new UiElement { Id = 2, Role = "button", Tag = "button", Name = "Print", Bounds = new ScreenRect(50, 20, 16, 16) });

        var first = await First("Click Add Event", page);

        Assert.IsInstanceOfType<FailAction>(first.Action, first.Reason);
    }

    [TestMethod]
    public async Task Decide_ATooltipLookThatTookElementsAway_StopsHoveringAndFails()
    {
        // A stranger's page: hovering an unnamed icon wipes the list under the toolbar. The first look cannot know; the
        // one after it sees the rows gone and hovers nothing more (each further icon could do worse).
        var rows = Enumerable.Range(0, 3).Select(i => new UiElement { Id = 40 + i, Role = "text", Tag = "li", Name = $"Row {i + 1}", Bounds = new ScreenRect(20, 80 + (30 * i), 200, 24) }).ToArray();
        var interpreter = new StepInterpreter();
        var first = await interpreter.DecideAsync(new DecisionContext("run", "Click Archive", 1, Toolbar(rows), []));
        Assert.IsInstanceOfType<HoverAction>(first.Action, first.Reason);

        var history = new List<StepSummary> { new(1, first.Action.Describe(), "hovered", true) { StepText = first.StepText, ActionKind = first.Action.Kind } };
        var second = await interpreter.DecideAsync(new DecisionContext("run", "Click Archive", 2, Toolbar(), history));

        Assert.IsInstanceOfType<FailAction>(second.Action, second.Reason);
        StringAssert.Contains(((FailAction)second.Action).Reason, "3 elements went away");
    }

    [TestMethod]
    public async Task Decide_ATooltipLookThatOnlyAddedSomething_LooksOn()
    {
        var interpreter = new StepInterpreter();
        var first = await interpreter.DecideAsync(new DecisionContext("run", "Click Archive", 1, Toolbar(), []));
        var history = new List<StepSummary> { new(1, first.Action.Describe(), "hovered", true) { StepText = first.StepText, ActionKind = first.Action.Kind } };
        var shown = new UiElement { Id = 90, Role = "text", Tag = "div", Name = "a hover card", Bounds = new ScreenRect(20, 200, 200, 24) };

        var second = await interpreter.DecideAsync(new DecisionContext("run", "Click Archive", 2, Toolbar(shown), history));

        Assert.IsInstanceOfType<HoverAction>(second.Action, second.Reason);
    }

    // The month as Calendar.js draws it: a title, then days written as ordinals, with the month arrows unnamed icons.
    private static UiElement[] OrdinalMonth()
    {
        var today = DateTime.Today;
        var title = new UiElement { Id = 10, Role = "button", Tag = "span", Name = today.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), Bounds = new ScreenRect(300, 15, 140, 24) };
        var first = (int)new DateTime(today.Year, today.Month, 1).DayOfWeek;
        var days = Enumerable.Range(1, DateTime.DaysInMonth(today.Year, today.Month)).Select(d =>
        {
            var cell = first + d - 1;
            var suffix = d is 1 or 21 or 31 ? "st" : d is 2 or 22 ? "nd" : d is 3 or 23 ? "rd" : "th";
            return new UiElement { Id = 100 + d, Role = "text", Tag = "span", Name = $"{d}{suffix}", Bounds = new ScreenRect(40 + (110 * (cell % 7)), 80 + (60 * (cell / 7)), 28, 25) };
        });
        return [title, .. days];
    }

    [TestMethod]
    public void Ground_NextMonthOnDaysWrittenAsOrdinals_ClicksNext()
    {
        var next = new UiElement { Id = 7, Role = "button", Tag = "div", Name = "Next Month", Bounds = new ScreenRect(600, 20, 16, 16) };
        var page = GroundingPages.Page([new UiElement { Id = 6, Role = "button", Tag = "div", Name = "Previous Month", Bounds = new ScreenRect(100, 20, 16, 16) }, next, .. OrdinalMonth()]);

        var grounding = new StepInterpreter().Ground(StepInterpreter.Parse("Go to next month")[0], page);

        Assert.AreEqual(7, grounding.Action?.PrimaryTarget?.ElementId, grounding.Reason);
    }

    [TestMethod]
    public async Task Decide_NextMonthWhenTheArrowsAreUnnamedIcons_HoversAnArrowFirst()
    {
        var first = await First("Go to next month", Toolbar(OrdinalMonth()));

        Assert.IsInstanceOfType<HoverAction>(first.Action, first.Reason);
        CollectionAssert.Contains(new[] { 2, 3 }, first.Action.PrimaryTarget?.ElementId, "an arrow before the menu icon left of it");
    }

    [TestMethod]
    public void Parse_AddNothing_KeepsTheRestAsItWas()
    {
        var steps = StepInterpreter.Parse("Go to next month, then back with the Current Month button. Add nothing.");

        Assert.AreEqual(StepKind.Keep, steps[^1].Kind, string.Join(" | ", steps.Select(s => $"{s.Kind} [{s.Target}]")));
    }
}
