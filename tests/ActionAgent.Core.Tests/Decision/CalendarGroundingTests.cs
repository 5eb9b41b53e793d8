using System.Globalization;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

using static ActionAgent.Core.Tests.Decision.GroundingPages;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>Calendars read from the elements alone: which month is shown, which cells are its days, what pages it.</summary>
[TestClass]
public sealed class CalendarGroundingTests
{
    private readonly StepInterpreter _interpreter = new();

    // A month's day buttons, 7 to a row, starting at x; ids from firstId.
    private static IEnumerable<UiElement> Days(int firstId, int count, double x, double y = 120) =>
        Enumerable.Range(1, count).Select(d => new UiElement
        {
            Id = firstId + d - 1, Role = "button", Name = d.ToString(CultureInfo.InvariantCulture),
            Bounds = new ScreenRect(x + (d - 1) % 7 * 32, y + (d - 1) / 7 * 26, 30, 24),
        });

    private static UiElement Small(int id, string role, string name, double x, double y) =>
        new() { Id = id, Role = role, Name = name, Bounds = new ScreenRect(x, y, 70, 20) };

    [TestMethod]
    public void Ground_TwoMonthsShown_TheDateIsPickedInTheSecondMonth()
    {
        var page = Page([
            Small(1, "button", "Previous Month", 10, 80), Small(2, "text", "June 2019", 80, 80), Small(3, "text", "July 2019", 330, 80), Small(4, "button", "Next Month", 480, 80),
            .. Days(100, 30, 20), .. Days(200, 31, 300)]);
        var steps = StepInterpreter.Parse("Pick 4 July 2019 in the calendar.");

        Assert.AreEqual(GroundingStatus.AlreadyDone, _interpreter.Ground(steps[0], page).Status, "July 2019 is already shown");
        var day = _interpreter.Ground(steps[1], page);

        Assert.AreEqual(203, day.Element?.Id, day.Reason);
    }

    [TestMethod]
    public void Ground_ADrawnLabelOverADropDown_IsTheMonthShown_NotTheDropDownsValue()
    {
        // The year drop-down only goes to 2020; the page draws "2026" over it and leaves the drop-down on its first option.
        var page = Page([
            Small(1, "text", "December January February March April May June July August September October November December", 60, 80),
            Small(2, "combobox", "", 60, 80) with { Tag = "select", Value = "December", Options = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] },
            Small(3, "text", "2026 2000 2001 2002 2003 2004 2005 2006 2007 2008 2009 2010 2011 2012 2013 2014 2015 2016 2017 2018 2019 2020", 135, 80),
            Small(4, "combobox", "", 135, 80) with { Tag = "select", Value = "2000", Options = Enumerable.Range(2000, 21).Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList() },
            Small(5, "button", "Previous Month", 10, 80), Small(6, "button", "Next Month", 230, 80),
            .. Days(100, 31, 20)]);

        var g = _interpreter.Ground(StepInterpreter.Parse("Go to May 2016.")[0], page);

        Assert.IsInstanceOfType<SelectOptionAction>(g.Action, g.Reason);
        Assert.AreEqual("2016", ((SelectOptionAction)g.Action!).Option, g.Reason);
        StringAssert.Contains(g.Reason, "shows December 2026");
    }

    [TestMethod]
    public void Ground_WeekNumbersAndTheMonthBeforesDays_AreNoDaysOfTheMonth()
    {
        // Row by row: a week number, then the last days of the month before, then 1, 2, …
        var cells = new List<UiElement> { Small(1, "text", "March 2015", 80, 60), Small(2, "link", "Next", 260, 60) };
        var id = 10;
        cells.Add(new UiElement { Id = id++, Role = "text", Name = "9", Bounds = new ScreenRect(0, 100, 20, 20) });
        foreach (var d in new[] { 23, 24, 25, 26, 27, 28 })
        {
            cells.Add(new UiElement { Id = id++, Role = "link", Name = d.ToString(CultureInfo.InvariantCulture), Bounds = new ScreenRect(20 + cells.Count * 3, 100, 20, 20) });
        }

        var firstOfMarch = id;
        foreach (var d in Enumerable.Range(1, 31))
        {
            if (d % 7 == 2)
            {
                cells.Add(new UiElement { Id = 900 + d, Role = "text", Name = (9 + d / 7 + 1).ToString(CultureInfo.InvariantCulture), Bounds = new ScreenRect(0, 120 + d * 3, 20, 20) });
            }

            cells.Add(new UiElement { Id = id++, Role = "link", Name = d.ToString(CultureInfo.InvariantCulture), Bounds = new ScreenRect(20 + d % 7 * 30, 120 + d * 3, 28, 20) });
        }

        var g = _interpreter.Ground(StepInterpreter.Parse("Click the 14th.")[0], Page([.. cells]));

        Assert.AreEqual(firstOfMarch + 13, g.Element?.Id, g.Reason);
    }

    [TestMethod]
    public void Ground_NoCalendarOnThePage_SaysSoInsteadOfClickingANumber()
    {
        var page = Page(E(1, "textbox", "Date", 40), E(2, "button", "May 2016 report", 80));

        var g = _interpreter.Ground(StepInterpreter.Parse("Go to May 2016.")[0], page);

        Assert.AreEqual(GroundingStatus.NotFound, g.Status, g.Reason);
        StringAssert.Contains(g.Reason, "no calendar is shown");
    }
}
