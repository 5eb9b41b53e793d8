using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

using static ActionAgent.Core.Tests.Decision.GroundingPages;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>Ways people phrase steps on pages nobody here designed: remarks, aliases in brackets, owners, repeats, lists.</summary>
[TestClass]
public sealed class StepPhrasingTests
{
    private readonly StepInterpreter _interpreter = new();

    private StepGrounding Ground(string task, Observation page, int step = 0) => _interpreter.Ground(StepInterpreter.Parse(task)[step], page);

    [TestMethod]
    public void Ground_ARemarkAfterACommaAboutTheTarget_IsNoPartOfItsName()
    {
        var page = Page(E(1, "tab", "Nunc tincidunt", 10) with { Selected = true }, E(2, "tab", "Proin dolor", 10, 260), E(3, "text", "Aenean tempor ullamcorper leo.", 60));

        var g = Ground("Click the tab \"Nunc tincidunt\", which is already open, so that its panel collapses.", page);

        Assert.AreEqual(1, g.Element?.Id, g.Reason);
    }

    [TestMethod]
    public void Ground_QuotedNameInBrackets_IsTheNameShown()
    {
        var page = Page(E(1, "text", "Date range", 10), E(2, "textbox", "From", 40), E(3, "textbox", "To", 40, 300));

        var g = Ground("Enter 2024-12-24 as the start date (\"From\") of the range.", page);

        Assert.AreEqual(2, g.Element?.Id, g.Reason);
        Assert.AreEqual("2024-12-24", ((TypeTextAction)g.Action!).Text);
    }

    [TestMethod]
    public void Ground_TheSpinnersUpArrow_IsTheButtonShowingAnUpTriangle()
    {
        var page = Page(
            E(1, "spinbutton", "Select a value:", 40) with { Tag = "input", InputType = "text" },
            E(2, "button", "\u25B2", 40, 245) with { Bounds = new ScreenRect(245, 40, 16, 15) },
            E(3, "button", "\u25BC", 55, 245) with { Bounds = new ScreenRect(245, 55, 16, 15) },
            E(4, "button", "Toggle disable/enable", 120));

        var g = Ground("Click the spinner's up arrow three times.", page);

        Assert.AreEqual(2, g.Element?.Id, g.Reason);
    }

    [TestMethod]
    public void Parse_NTimes_RepeatsTheStepNTimes()
    {
        var steps = StepInterpreter.Parse("Click the spinner's up arrow three times. Click Next twice");

        Assert.HasCount(5, steps);
        Assert.IsTrue(steps.All(s => s.Kind == StepKind.Click), string.Join(" | ", steps));
        Assert.AreEqual("the spinner's up arrow", steps[2].Target);
        Assert.AreEqual("Next", steps[4].Target);
    }

    [TestMethod]
    public void Parse_SelectAnItemFromASubmenu_OpensTheMenuThenClicksTheItem()
    {
        var steps = StepInterpreter.Parse("Select \"Car Hifi\" from the Electronics submenu.");

        Assert.HasCount(2, steps);
        Assert.AreEqual("Electronics", steps[0].Target);
        Assert.AreEqual("\"Car Hifi\"", steps[1].Target);
        Assert.IsTrue(steps.All(s => s.Kind == StepKind.Click));
    }

    [TestMethod]
    public void Parse_SelectTwoQuotedValuesWithTheirFields_IsOneChoiceEach()
    {
        var steps = StepInterpreter.Parse("Select the brand \"Sizzle\" and the shape \"Pill\".");

        Assert.HasCount(2, steps);
        Assert.AreEqual(("the brand", "Sizzle"), (steps[0].Target, steps[0].Value));
        Assert.AreEqual(("the shape", "Pill"), (steps[1].Target, steps[1].Value));
    }

    [TestMethod]
    public void Parse_PickACommaList_IsOneChoiceEach_ButAnOptionWithAndStaysWhole()
    {
        var list = StepInterpreter.Parse("pick Luxury, Standard transmission, and 2 cars");
        var one = StepInterpreter.Parse("Select Black and white");

        CollectionAssert.AreEqual(new[] { "Luxury", "Standard transmission", "2 cars" }, list.Select(s => s.Value).ToArray());
        Assert.AreEqual("Black and white", one.Single().Value);
    }

    [TestMethod]
    public void Ground_PickAListOfOptions_EachGoesToTheSelectOfferingIt()
    {
        var page = Page(
            E(1, "combobox", "Compact car", 40) with { Tag = "select", Options = ["Compact car", "Midsize car", "Luxury"] },
            E(2, "combobox", "Automatic", 40, 300) with { Tag = "select", Options = ["Standard", "Automatic"] });

        var luxury = _interpreter.Ground(StepInterpreter.Parse("pick Luxury, Standard transmission")[0], page);
        var standard = _interpreter.Ground(StepInterpreter.Parse("pick Luxury, Standard transmission")[1], page);

        Assert.AreEqual(1, luxury.Element?.Id, luxury.Reason);
        Assert.AreEqual(2, standard.Element?.Id, standard.Reason);
        Assert.AreEqual("Standard", ((SelectOptionAction)standard.Action!).Option);
    }

    [TestMethod]
    public void Ground_TheVolumeSliderWhenTheOnlySliderHasNoName_IsThatSlider()
    {
        var page = Page(E(1, "text", "Volume:", 10), E(2, "textbox", "", 10, 100) with { Value = "60" }, E(3, "slider", "", 200, 60) with { Bounds = new ScreenRect(60, 200, 14, 14) });

        var g = Ground("Turn the Volume slider all the way down to 0.", page);

        Assert.IsInstanceOfType<DragAction>(g.Action, g.Reason);
        Assert.AreEqual(3, g.Element?.Id, g.Reason);
        StringAssert.Contains(g.Reason, "slider nearest the text 'Volume:'");
    }

    [TestMethod]
    public void Ground_TwoSlidersAndNoName_IsNotGuessed()
    {
        var page = Page(E(3, "slider", "", 200, 60) with { Bounds = new ScreenRect(60, 200, 14, 14) }, E(4, "slider", "", 300, 60) with { Bounds = new ScreenRect(60, 300, 14, 14) });

        var g = Ground("Turn the Volume slider all the way down to 0.", page);

        Assert.IsNull(g.Action, g.Reason);
    }

    [TestMethod]
    public void Parse_AVerbWithByClicking_DoesTheClick()
    {
        var step = StepInterpreter.Parse("Show only the completed todos by clicking the Completed filter.").Single();

        Assert.AreEqual(StepKind.Click, step.Kind);
        Assert.AreEqual("the Completed filter", step.Target);
    }

    [TestMethod]
    public void Ground_TheButtonThatAppearsOnHover_IsNamedWithoutTheRemark()
    {
        var page = Page(E(1, "text", "Stale item", 60), E(2, "button", "", 60, 400) with { Icon = "delete" }, E(3, "text", "Fresh item", 100), E(4, "button", "", 100, 400) with { Icon = "delete" });

        var g = Ground("Delete the todo \"Stale item\" with the \u00d7 button that appears when you hover over it.", page);

        Assert.AreEqual(2, g.Element?.Id, g.Reason);
    }

    [TestMethod]
    [DataRow("Click the Date field and pick the 15th of the month shown in the calendar.", 1, 15)]
    [DataRow("Click the calendar icon next to the Date field and choose the 1st of the month shown.", 1, 1)]
    public void Ground_TheNthOfTheMonth_IsThatDayOfTheCalendar(string task, int step, int day)
    {
        var cells = Enumerable.Range(1, 28).Select(d => new UiElement { Id = 100 + d, Role = "link", Name = d.ToString(System.Globalization.CultureInfo.InvariantCulture), Bounds = new ScreenRect(40 + (d - 1) % 7 * 40, 100 + (d - 1) / 7 * 30, 30, 25) });
        var page = Page([E(1, "textbox", "Date:", 40), E(2, "image", "Select date", 40, 250) with { Icon = "calendar" }, .. cells]);

        var g = Ground(task, page, step);

        Assert.AreEqual(100 + day, g.Element?.Id, g.Reason);
    }

    [TestMethod]
    public void Ground_TheCalendarIconNextToTheDateField_IsTheImageShowingACalendar()
    {
        var page = Page(E(1, "textbox", "Date:", 40), E(2, "image", "Select date", 40, 250) with { Icon = "calendar" }, E(3, "text", "Click the icon next to the field to open the calendar.", 90));

        var g = Ground("Click the calendar icon next to the Date field and choose the 1st of the month shown.", page);

        Assert.AreEqual(2, g.Element?.Id, g.Reason);
    }

    [TestMethod]
    public void Ground_TheValueSpinner_IsTheSpinButtonLabelledValue()
    {
        var page = Page(E(1, "text", "Default functionality", 10), E(2, "spinbutton", "Select a value:", 40) with { Tag = "input", InputType = "text" }, E(3, "button", "Toggle disable/enable", 90));

        var g = Ground("Enter 12 in the value spinner, then decrease it by one with the down arrow.", page);

        Assert.AreEqual(2, g.Element?.Id, g.Reason);
        Assert.AreEqual("12", ((TypeTextAction)g.Action!).Text);
    }

    [TestMethod]
    public void Ground_DragARangeSliderHandleToTheFarRight_MovesTheUpperHandle()
    {
        var page = Page(
            E(1, "text", "Slider", 10),
            E(2, "slider", "Slider", 60, 100) with { Bounds = new ScreenRect(100, 60, 14, 14) },
            E(3, "slider", "Slider", 60, 400) with { Bounds = new ScreenRect(400, 60, 14, 14) });

        var g = Ground("Drag the Slider handle to the far right end.", page);

        Assert.IsInstanceOfType<DragAction>(g.Action, g.Reason);
        Assert.AreEqual(3, ((DragAction)g.Action!).From.ElementId, g.Reason);
    }
}
