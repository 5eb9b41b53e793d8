using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// An inline calendar whose title names the month without its year ("December" over S M T W T F S): the year is read
/// from where the 1st sits under the weekday names. Before, no calendar was seen on such a page ("no calendar is shown on
/// the page to move forward a month in"); without weekday names nothing is assumed.
/// </summary>
[TestClass]
public sealed class MonthOnlyCalendarTests
{
    // This month as such a calendar draws it: Previous / title / Next, the weekday row, the days in their columns.
    private static Observation Calendar(bool weekdays, bool iconArrows = false)
    {
        var today = DateTime.Today;
        var first = new DateTime(today.Year, today.Month, 1);
        var elements = new List<UiElement>
        {
            new() { Id = 1, Role = "button", Tag = "div", Name = iconArrows ? "" : "Previous", Icon = iconArrows ? "left" : null, Bounds = new ScreenRect(20, 20, 20, 20) },
            new() { Id = 2, Role = "text", Tag = "div", Name = System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(today.Month), Bounds = new ScreenRect(60, 12, 120, 40) },
            new() { Id = 3, Role = "button", Tag = "div", Name = iconArrows ? "" : "Next", Icon = iconArrows ? "right" : null, Bounds = new ScreenRect(260, 20, 20, 20) },
        };
        var letters = new[] { "S", "M", "T", "W", "T", "F", "S" };
        if (weekdays)
        {
            elements.AddRange(letters.Select((l, k) => new UiElement { Id = 10 + k, Role = "text", Tag = "th", Name = l, Bounds = new ScreenRect(20 + (40 * k), 60, 36, 36) }));
        }

        var column = (int)first.DayOfWeek;
        for (var d = 1; d <= DateTime.DaysInMonth(today.Year, today.Month); d++)
        {
            var cell = column + d - 1;
            elements.Add(new UiElement { Id = 100 + d, Role = "text", Tag = "td", Name = d.ToString(System.Globalization.CultureInfo.InvariantCulture), Bounds = new ScreenRect(20 + (40 * (cell % 7)), 100 + (40 * (cell / 7)), 36, 36) });
        }

        return GroundingPages.Page([.. elements]);
    }

    private static StepGrounding Ground(string task, Observation page) => new StepInterpreter().Ground(StepInterpreter.Parse(task)[0], page);

    [TestMethod]
    public void Ground_NextMonthOnACalendarTitledByItsMonthOnly_ClicksNext() =>
        Assert.AreEqual(3, Ground("Move the calendar on to next month.", Calendar(weekdays: true)).Action?.PrimaryTarget?.ElementId);

    // Arrows drawn without words ("jsCalendar-nav-right"): their icons say which way.
    [TestMethod]
    public void Ground_NextMonthWithTextlessArrows_ClicksTheRightArrow() =>
        Assert.AreEqual(3, Ground("Move the calendar on to next month.", Calendar(weekdays: true, iconArrows: true)).Action?.PrimaryTarget?.ElementId);

    [TestMethod]
    public void Ground_WithoutWeekdayNames_NoYearIsAssumed() =>
        Assert.IsNull(Ground("Move the calendar on to next month.", Calendar(weekdays: false)).Action);
}
