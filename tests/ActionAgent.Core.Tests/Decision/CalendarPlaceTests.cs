using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// A page with several calendars (batch 18: two Calendar.js calendars, seven jsCalendar ones under headings) and a month
/// move that says which calendar. Before, the first calendar's arrow was pressed and the step said done ("Move the second
/// calendar on to next month", "In the first calendar under "Max-date 01/03/2017", go forward one month"). Now a calendar
/// placed by a heading, or by a position past the calendars read in view, is moved nowhere and the step fails.
/// Also "… and attach the minutes file to it": a deed no verb reads is its own step (it fails), not words of the target.
/// </summary>
[TestClass]
public sealed class CalendarPlaceTests
{
    // This month drawn at a height: a title, Previous / Next, its days; offscreen when below the fold.
    private static IEnumerable<UiElement> Month(int idBase, double top, bool offscreen)
    {
        var today = DateTime.Today;
        yield return new UiElement { Id = idBase, Role = "text", Tag = "div", Name = today.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), Bounds = new ScreenRect(100, top, 140, 24), IsOffscreen = offscreen };
        yield return new UiElement { Id = idBase + 1, Role = "button", Tag = "a", Name = "Previous", Bounds = new ScreenRect(20, top, 20, 20), IsOffscreen = offscreen };
        yield return new UiElement { Id = idBase + 2, Role = "button", Tag = "a", Name = "Next", Bounds = new ScreenRect(300, top, 20, 20), IsOffscreen = offscreen };
        for (var d = 1; d <= DateTime.DaysInMonth(today.Year, today.Month); d++)
        {
            yield return new UiElement { Id = idBase + 10 + d, Role = "button", Tag = "td", Name = d.ToString(System.Globalization.CultureInfo.InvariantCulture), Bounds = new ScreenRect(20 + (40 * ((d - 1) % 7)), top + 40 + (40 * ((d - 1) / 7)), 36, 36), IsOffscreen = offscreen };
        }
    }

    private static Observation TwoCalendars() => GroundingPages.Page([.. Month(100, 20, false), .. Month(200, 900, true)]);

    private static StepGrounding Ground(string task) => new StepInterpreter().Ground(StepInterpreter.Parse(task)[0], TwoCalendars());

    [TestMethod]
    public void Ground_TheSecondCalendarNotInView_MovesNoCalendar()
    {
        var grounding = Ground("Move the second calendar on to next month.");

        Assert.IsNull(grounding.Action, grounding.Reason);
        StringAssert.Contains(grounding.Reason, "several calendars");
    }

    [TestMethod]
    public void Ground_ACalendarPlacedByAHeading_MovesNoCalendar() =>
        Assert.IsNull(Ground("In the first calendar under \"Max-date 01/03/2017\", go forward one month.").Action);

    [TestMethod]
    public void Ground_TheFirstCalendar_IsMoved() =>
        Assert.AreEqual(102, Ground("In the first calendar, go to next month.").Action?.PrimaryTarget?.ElementId);

    [TestMethod]
    public void Parse_AndAttachAFile_IsAStepOfItsOwn()
    {
        var steps = StepInterpreter.Parse("Open \"New Event 2\" in the second calendar and attach the meeting minutes file to it.");

        Assert.AreEqual(2, steps.Count, string.Join(" | ", steps.Select(s => $"{s.Kind} [{s.Target}]")));
        StringAssert.StartsWith(steps[1].Text, "attach");
    }
}
