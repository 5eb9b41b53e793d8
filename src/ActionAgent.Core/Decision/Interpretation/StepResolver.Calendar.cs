using System.Globalization;
using System.Text.RegularExpressions;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>Date pickers: page the calendar to a month, then click a day of the month it shows.</summary>
internal sealed partial class StepResolver
{
    // "go to March 2015": done when the calendar shows it; else one move towards it (a drop-down first: one action
    // instead of many clicks; the year before the month), and the interpreter grounds the step again after it.
    private static StepGrounding ShowMonth(InterpretedStep step, Grounder g)
    {
        if (step.Value is "+1" or "-1")
        {
            return UnreadPlace(step, g) ?? PageOnce(step.Value == "+1", g);
        }

        if (!TryMonth(step.Value, out var year, out var month))
        {
            return new StepGrounding(GroundingStatus.NotUnderstood, null, 0, $"'{step.Value}' is no month and year");
        }

        var want = $"{CalendarView.MonthName(month)} {year}";
        if (CalendarView.Read(g.Page) is not { } calendar)
        {
            return new StepGrounding(GroundingStatus.NotFound, null, 0, $"no calendar is shown on the page to go to {want} in (open the date field first)");
        }

        if (calendar.Months.Any(m => m.Year == year && m.Month == month))
        {
            return new StepGrounding(GroundingStatus.AlreadyDone, null, 1, $"the calendar shows {want}");
        }

        var first = calendar.First;
        if (calendar.YearSelect is { } years && first.Year != year)
        {
            var option = years.Element.Options.FirstOrDefault(o => o.Trim() == year.ToString(CultureInfo.InvariantCulture));
            if (option is not null && !string.Equals(years.Element.Value?.Trim(), option.Trim(), StringComparison.Ordinal))
            {
                return Calendar(new SelectOptionAction(ActionTarget.Element(years.Element.Id, years.Display), option), years,
                    $"the calendar shows {first}; choosing {year} in its year drop-down") with { Repeats = true };
            }
        }

        if (calendar.MonthSelect is { } months && first.Year == year)
        {
            var option = months.Element.Options.FirstOrDefault(o => CalendarView.MonthOf(o) == month);
            if (option is not null && CalendarView.MonthOf(months.Element.Value ?? "") != month)
            {
                return Calendar(new SelectOptionAction(ActionTarget.Element(months.Element.Id, months.Display), option), months,
                    $"the calendar shows {first}; choosing {option} in its month drop-down") with { Repeats = true };
            }
        }

        var forward = year * 12 + month - 1 > first.Index;
        var control = forward ? calendar.Next : calendar.Previous;
        if (control is null)
        {
            return new StepGrounding(GroundingStatus.NotFound, null, 0,
                $"the calendar shows {first} and has no {(forward ? "next" : "previous")}-month control to reach {want}");
        }

        var away = Math.Abs(year * 12 + month - 1 - first.Index);
        return Calendar(new ClickAction(ActionTarget.Element(control.Element.Id, control.Display)), control,
            $"the calendar shows {first}; {(forward ? "forward" : "back")} one month with '{control.Display}' ({away} to go to {want})") with { Repeats = true };
    }

    // "click the 14th", "pick 3 June 2019" (after ShowMonth), "the third Friday of that month": one day cell of a month shown.
    private StepGrounding PickDay(InterpretedStep step, Grounder g)
    {
        if (CalendarView.Read(g.Page) is not { } calendar)
        {
            if (step.Target is { } number && int.TryParse(number, CultureInfo.InvariantCulture, out _))
            {
                // Days with no month title beside them: the day's number, clicked like any other element of that name.
                return Pointer(step with { Kind = StepKind.Click }, g, (t, _) => new ClickAction(t));
            }

            return new StepGrounding(GroundingStatus.NotFound, null, 0, $"no calendar is shown on the page to pick {Describe(step.Value)} in (open the date field first)");
        }

        var value = step.Value ?? "";
        CalendarView.ShownMonth? shown;
        int day;
        if (DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            shown = calendar.Months.FirstOrDefault(m => m.Year == date.Year && m.Month == date.Month);
            if (shown is null)
            {
                return new StepGrounding(GroundingStatus.NotFound, null, 0, $"the calendar shows {string.Join(", ", calendar.Months)}, not {date:MMMM yyyy}");
            }

            day = date.Day;
        }
        else if (value.Split(' ') is [var nth, var weekday] && int.TryParse(nth, CultureInfo.InvariantCulture, out var n)
            && Enum.TryParse<DayOfWeek>(weekday, ignoreCase: true, out var dow))
        {
            if (MonthPlaced(calendar, step.Context) is not { } placed)
            {
                return PlaceNotShown(calendar, step.Context);
            }

            shown = placed;
            var firstOfMonth = new DateTime(shown.Year, shown.Month, 1);
            day = 1 + ((int)dow - (int)firstOfMonth.DayOfWeek + 7) % 7 + (n - 1) * 7;
        }
        else if (int.TryParse(value, CultureInfo.InvariantCulture, out var d))
        {
            if (MonthPlaced(calendar, step.Context) is not { } placed)
            {
                return PlaceNotShown(calendar, step.Context);
            }

            shown = placed;
            day = d;
        }
        else
        {
            return new StepGrounding(GroundingStatus.NotUnderstood, null, 0, $"'{value}' is no day of a month");
        }

        if (day < 1 || day > shown.Days.Count)
        {
            return new StepGrounding(GroundingStatus.NotFound, null, 0, $"{shown} has no day {day}");
        }

        var cell = shown.Days[day - 1];
        if (cell.Element.Disabled)
        {
            return new StepGrounding(GroundingStatus.NotFound, null, 0, $"day {day} of {shown} cannot be picked: the calendar shows it disabled");
        }

        return Calendar(new ClickAction(ActionTarget.Element(cell.Element.Id, cell.Display)), cell, $"clicking day {day} of {shown} in the calendar");
    }

    // "in the middle month, click the 10th", "the 3rd in the right-hand calendar", "the 14th of the March one": which of the
    // months shown side by side the day is in. A place with no month word or position in it ("in the Date calendar") leaves
    // the first month shown; a month place that names no month shown (the middle of two, a fourth of three, "the month
    // after next") is null: the day is not picked in a month guessed.
    private static CalendarView.ShownMonth? MonthPlaced(CalendarView calendar, string? context)
    {
        if (context is null || calendar.Months.Count == 1)
        {
            return calendar.First;
        }

        var months = calendar.Months;
        var named = MonthNameIn().Matches(context).Select(m => CalendarView.MonthOf(m.Value)).OfType<int>().Distinct().ToList();
        if (named.Count > 0)
        {
            return named is [var month] && months.Where(m => m.Month == month).ToList() is [var only] ? only : null;
        }

        if (MonthPosition().Match(context) is not { Success: true } at)
        {
            return MonthWord().IsMatch(context) ? null : calendar.First;
        }

        var index = at.Groups["p"].Value.ToLowerInvariant() switch
        {
            "left" or "leftmost" or "left-hand" or "left-most" => 0,
            "middle" or "centre" or "center" or "central" => months.Count % 2 == 1 ? months.Count / 2 : -1,
            var p => Ordinals.Of(p) - 1 ?? months.Count - 1, // else last, right, rightmost, final
        };
        return index >= 0 && index < months.Count ? months[index] : null;
    }

    private static StepGrounding PlaceNotShown(CalendarView calendar, string? context) =>
        new(GroundingStatus.NotFound, null, 0, $"the calendar shows {string.Join(", ", calendar.Months)} side by side; '{context}' names none of them");

    [GeneratedRegex(@"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthNameIn();

    [GeneratedRegex(@"\b(?<p>first|1st|second|2nd|third|3rd|fourth|4th|middle|centre|center|central|last|final|left|leftmost|left-most|left-hand|right|rightmost|right-most|right-hand)\b(?:[\s-]+hand)?\s+(?:\w+\s+)?(?:month|calendar|one|panel|grid|table)s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthPosition();

    [GeneratedRegex(@"\b(?:month|calendar|panel)s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthWord();

    // A page with several calendars and a step that says which ("the second calendar", "the calendar under Max-date …"):
    // the move is made only in the one meant. One placed by a heading, or by a position past the calendars read in view,
    // is not told apart yet, so nothing is moved (before, another calendar's arrow was pressed and the step said done).
    private static StepGrounding? UnreadPlace(InterpretedStep step, Grounder g)
    {
        var words = $"{step.Context} {step.Text}";
        if (CalendarView.MonthCount(g.Page) < 2)
        {
            return null;
        }

        var read = CalendarView.Read(g.Page)?.Months.Count ?? 0;
        var position = MonthPosition().Match(words) is { Success: true } p ? p.Groups["p"].Value.ToLowerInvariant() : null;
        var nth = position switch
        {
            "left" or "leftmost" or "left-most" or "left-hand" => 1,
            null => 0,
            var w => Ordinals.Of(w) ?? int.MaxValue,
        };
        if (!HeadingPlace().IsMatch(step.Context ?? "") && nth <= Math.Max(1, read))
        {
            return null;
        }

        var place = string.IsNullOrWhiteSpace(step.Context) ? position + " calendar" : step.Context;
        return new StepGrounding(GroundingStatus.NotFound, null, 0,
            $"the page has several calendars and '{place}' is not one of those read in view ({read} read), so no calendar is moved");
    }

    [GeneratedRegex(@"\b(?:under|below|beneath|after|headed|titled|labelled|labeled)\s+\S", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingPlace();

    // "go one month forward": the calendar's next (or previous) control, once.
    private static StepGrounding PageOnce(bool forward, Grounder g)
    {
        if (CalendarView.Read(g.Page) is not { } calendar)
        {
            return new StepGrounding(GroundingStatus.NotFound, null, 0, $"no calendar is shown on the page to move {(forward ? "forward" : "back")} a month in (open the date field first)");
        }

        return (forward ? calendar.Next : calendar.Previous) is { } control
            ? Calendar(new ClickAction(ActionTarget.Element(control.Element.Id, control.Display)), control,
                $"the calendar shows {calendar.First}; {(forward ? "forward" : "back")} one month with '{control.Display}'")
            : new StepGrounding(GroundingStatus.NotFound, null, 0, $"the calendar shows {calendar.First} and has no {(forward ? "next" : "previous")}-month control");
    }

    private static StepGrounding Calendar(BrowserAction action, PageItem item, string reason) =>
        new(GroundingStatus.Grounded, action, 0.9, reason) { Element = item.Element };

    private static string Describe(string? value) =>
        value is null ? "a day" : int.TryParse(value, CultureInfo.InvariantCulture, out var d) ? $"day {d}" : value;

    private static bool TryMonth(string? value, out int year, out int month)
    {
        year = month = 0;
        return value is { Length: 7 } && int.TryParse(value[..4], CultureInfo.InvariantCulture, out year)
            && int.TryParse(value[5..], CultureInfo.InvariantCulture, out month) && month is >= 1 and <= 12;
    }
}
