using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

using static ActionAgent.Core.Tests.Decision.GroundingPages;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>Grounding rules that hold on pages nobody here designed: quotes, role words, ordinals, numbers, the task's own text.</summary>
[TestClass]
public sealed class StepGroundingRulesTests
{
    private readonly StepInterpreter _interpreter = new();

    private ProposedAction First(string task, Observation page) =>
        _interpreter.DecideAsync(new DecisionContext(Guid.NewGuid().ToString(), task, 1, page, [])).GetAwaiter().GetResult();

    private static int? Target(ProposedAction p) => p.Action.PrimaryTarget?.ElementId;

    [TestMethod]
    public void Ground_TaskTextShownOnThePage_IsNeverTheTarget()
    {
        var page = Page(
            E(1, "text", "Click on the link \"Eget\".", 10),
            E(2, "link", "Tellus", 100),
            E(3, "link", "Eget", 140));

        var p = First("Click on the link \"Eget\"", page);

        Assert.AreEqual(3, Target(p), p.Reason);
    }

    [TestMethod]
    public void Ground_FieldWhoseNearbyTextIsTheInstruction_IsFoundByItsOwnName()
    {
        var page = Page(
            E(1, "text", "Enter \"Juan\" into the text field and press Submit.", 10),
            new UiElement { Id = 2, Role = "textbox", Name = "", NearbyText = "Enter \"Juan\" into the text field and press Submit.", Bounds = new ScreenRect(40, 60, 200, 30) },
            E(3, "button", "Submit", 110));

        var p = First("Enter \"Juan\" into the text field", page);

        Assert.IsInstanceOfType<TypeTextAction>(p.Action, p.Reason);
        Assert.AreEqual(2, Target(p), p.Reason);
        Assert.AreEqual("Juan", ((TypeTextAction)p.Action).Text);
    }

    [TestMethod]
    [DataRow("Click Go to next page")]
    [DataRow("Type Ada into First name")]
    [DataRow("Click Zoom in")]
    public void Ground_NameSayingTheOppositeWord_IsNoMatch(string task)
    {
        // Only the opposite is on the page: it shares every other word, and is still not what was asked for.
        var page = Page(
            E(1, "button", "Go to last page", 10),
            E(2, "textbox", "Last name", 50),
            E(3, "button", "Zoom out", 90));

        var p = First(task, page);

        Assert.IsNull(Target(p), $"{p.Action.Describe()}: {p.Reason}");
    }

    [TestMethod]
    public void Ground_ButtonInTheDialogBoxLabeledCancel_IsCancelNotClose()
    {
        var page = Page(E(1, "heading", "Delete file?", 10), E(2, "button", "Close", 50), E(3, "button", "Cancel", 90), E(4, "button", "Delete", 130));

        var p = First("Click the button in the dialog box labeled \"Cancel\"", page);

        Assert.AreEqual(3, Target(p), p.Reason);
    }

    [TestMethod]
    public void Ground_RoleWordsAfterTheName_AreHintsNotName()
    {
        var page = Page(E(1, "button", "All", 10), E(2, "button", "Active", 10, 260), E(3, "button", "Completed", 10, 480), E(4, "link", "Active filters help", 90));

        var p = First("Click the Active filter", page);

        Assert.AreEqual(2, Target(p), p.Reason);
    }

    [TestMethod]
    public void Ground_NumberInTheName_MatchesExactly()
    {
        var page = Page(E(1, "button", "0: not clicked", 10), E(2, "button", "8: not clicked", 50), E(3, "button", "87: not clicked", 900));

        var p = First("Click the \"87: not clicked\" button", page);

        Assert.AreEqual(3, Target(p), p.Reason);
    }

    [TestMethod]
    public void Ground_UnquotedNumberedName_NeverMatchesAnotherNumber()
    {
        var page = Page(E(1, "button", "0: not clicked", 10), E(2, "button", "1: not clicked", 50));

        var p = First("Click 87: not clicked", page);

        Assert.IsInstanceOfType<FailAction>(p.Action, $"clicked {p.Action.Describe()}");
    }

    // b5-miss-02: 'mark "Archive Q3 invoices" as done' ticked "Archive Q2 invoices" (score 0.51) and said Completed.
    [TestMethod]
    [DataRow("Mark \"Archive Q3 invoices\" as done")]
    [DataRow("Tick Archive Q3 invoices")]
    [DataRow("Click the \"Model X200\" link")]
    public void Ground_WordMixingLettersAndDigits_NeverMatchesAnotherOne(string task)
    {
        var page = Page(
            E(1, "checkbox", "Archive Q2 invoices", 10),
            E(2, "checkbox", "Update org chart", 50),
            E(3, "link", "Model X100", 90));

        var p = First(task, page);

        Assert.IsInstanceOfType<FailAction>(p.Action, $"{p.Action.Describe()}: {p.Reason}");
    }

    [TestMethod]
    public void Ground_WordMixingLettersAndDigits_MatchesItself()
    {
        var page = Page(E(1, "checkbox", "Archive Q2 invoices", 10), E(2, "checkbox", "Archive Q3 invoices", 50), E(3, "link", "3rd quarter", 90));

        Assert.AreEqual(2, Target(First("Mark \"Archive Q3 invoices\" as done", page)));
        Assert.AreEqual(2, Target(First("Tick archive q3 invoices", page)));
    }

    [TestMethod]
    public void Ground_SecondTextbox_IsTheSecondFieldInReadingOrder()
    {
        var page = Page(
            new UiElement { Id = 1, Role = "textbox", Bounds = new ScreenRect(40, 10, 200, 30) },
            new UiElement { Id = 2, Role = "textbox", Bounds = new ScreenRect(40, 60, 200, 30) },
            new UiElement { Id = 3, Role = "textbox", Bounds = new ScreenRect(40, 110, 200, 30) });

        var p = First("Type hello into the 2nd textbox", page);

        Assert.AreEqual(2, Target(p), p.Reason);
    }

    [TestMethod]
    public void Ground_ThirdCheckbox_IsTheThirdCheckbox()
    {
        var page = Page(
            E(1, "checkbox", "apple", 10) with { Checked = false },
            E(2, "checkbox", "pear", 50) with { Checked = false },
            E(3, "checkbox", "plum", 90) with { Checked = false },
            E(4, "button", "Submit", 130));

        var p = First("Check the 3rd checkbox", page);

        Assert.AreEqual(3, Target(p), p.Reason);
    }

    [TestMethod]
    public void Ground_FieldCalledX_UsesTheNameAfterCalled()
    {
        var page = Page(
            new UiElement { Id = 1, Role = "textbox", Name = "Title", Bounds = new ScreenRect(40, 10, 200, 30) },
            new UiElement { Id = 2, Role = "textbox", Name = "Comment", Bounds = new ScreenRect(40, 60, 200, 30) });

        var p = First("Type nice into the field called Comment", page);

        Assert.AreEqual(2, Target(p), p.Reason);
    }

    [TestMethod]
    public void Ground_BothTextFieldsWithTwoValues_FillsThemInOrder()
    {
        var page = Page(
            new UiElement { Id = 1, Role = "textbox", Bounds = new ScreenRect(40, 10, 200, 30) },
            new UiElement { Id = 2, Role = "textbox", Bounds = new ScreenRect(40, 60, 200, 30) },
            E(3, "button", "Submit", 110));
        var task = "Enter \"alpha\" and \"beta\" into both text fields";
        var steps = StepInterpreter.Parse(task);

        var first = _interpreter.Ground(steps[0], page);
        var second = steps.Count > 1 ? _interpreter.Ground(steps[1], page) : null;

        Assert.AreEqual(2, steps.Count, string.Join(" | ", steps));
        Assert.AreEqual(1, first.Element?.Id, first.Reason);
        Assert.AreEqual("alpha", ((TypeTextAction)first.Action!).Text);
        Assert.AreEqual(2, second!.Element?.Id, second.Reason);
        Assert.AreEqual("beta", ((TypeTextAction)second.Action!).Text);
    }

    [TestMethod]
    public void Ground_VisibleElementOfTheSameName_WinsOverAnOffscreenOne()
    {
        var page = Page(E(1, "button", "Save", 2000) with { IsOffscreen = true }, E(2, "button", "Save", 200));

        var p = First("Click Save", page);

        Assert.AreEqual(2, Target(p), p.Reason);
    }

    [TestMethod]
    public void Ground_CloseButtonWithAGlyphInParentheses_IsTheCloseButton()
    {
        var page = Page(E(1, "text", "Basic dialog", 10), E(2, "button", "Close", 10, 400), E(3, "text", "This is the default dialog.", 60), E(4, "button", "Cancel", 120));

        var p = First("Close the \"Basic dialog\" window with its Close (x) button", page);

        Assert.AreEqual(2, Target(p), p.Reason);
    }

    [TestMethod]
    public void Ground_CloseXIcon_IsTheTimesGlyphButton()
    {
        var page = Page(E(1, "text", "Your order", 10), E(2, "button", "\u00d7", 10, 400), E(3, "button", "Pay", 120));

        var p = First("Click the close (x) icon", page);

        Assert.AreEqual(2, Target(p), p.Reason);
    }

    // "The X" is what a person calls a dialog's close control, whatever its accessible name says: a CSS-drawn cross
    // named "Close" by aria-label or by its class. Where it sits ("in its corner", "at the top right") is no part of
    // its name. A "Close account" button is not the X.
    [TestMethod]
    [DataRow("Close it with the X in its corner", false)]
    [DataRow("Close it with the X in its corner, without answering OK or Cancel", false)]
    [DataRow("Click the X at the top right of the dialog", false)]
    [DataRow("Click the X in the upper-right corner", true)]
    [DataRow("Dismiss the dialog with the cross", true)]
    public void Ground_TheX_IsTheDialogsCloseControl(string task, bool drawnByClass)
    {
        var close = E(2, "button", "Close", 10, 400);
        var page = Page(E(1, "text", "Remodal", 10), drawnByClass ? close with { Icon = "close" } : close, E(3, "button", "Close account", 60, 100), E(4, "button", "Cancel", 120), E(5, "button", "OK", 120, 200));

        var p = First(task, page);

        Assert.AreEqual(2, Target(p), p.Reason);
    }

    // "Close Oceania" in a tree where Oceania is open: its own click folds it; a "Close" button elsewhere is not meant.
    [TestMethod]
    public void Ground_CloseAnOpenBranch_ClicksTheBranch()
    {
        var page = Page(E(1, "treeitem", "Continents", 10) with { Expanded = true }, E(2, "treeitem", "Oceania", 40) with { Expanded = true }, E(3, "treeitem", "Australia", 70),
            E(4, "treeitem", "Asia", 100) with { Expanded = false }, E(5, "button", "Close", 140));

        var p = First("Close Oceania", page);

        Assert.AreEqual(2, Target(p), p.Reason);
    }

    [TestMethod]
    public void Ground_TheX_IsNoCloseWithMoreWords()
    {
        var page = Page(E(1, "text", "Your account", 10), E(3, "button", "Close account", 60, 100), E(4, "button", "Cancel", 120));

        var p = First("Click the X", page);

        Assert.AreNotEqual(3, Target(p), p.Reason);
    }

    [TestMethod]
    [DataRow("Open the second section of the accordion", 2)]
    [DataRow("Expand the last section of the accordion", 3)]
    [DataRow("Click the first section", 1)]
    public void Ground_OrdinalSection_CountsTheCollapsibleHeaders(string task, int expected)
    {
        var page = Sections();

        var p = First(task, page);

        Assert.AreEqual(expected, Target(p), p.Reason);
    }

    // "In the "Vertical Tabs" box on the left, open the third tab": counted under the headings that hold those words. Where
    // no tab sits under such a heading, the third tab of another box is no match (it was clicked and reported done).
    [TestMethod]
    [DataRow(false, null)]
    [DataRow(true, 13)]
    public void Ground_OrdinalUnderAQuotedHeading_CountsThereOnly_OrFindsNothing(bool verticalAreTabs, int? expected)
    {
        var page = Page(
            E(1, "heading", "Tabs Float left", 10), E(2, "tab", "Home", 50), E(3, "tab", "Profile", 50, 120), E(4, "tab", "Contact", 50, 200),
            E(10, "heading", "Vertical Tabs Float left", 200), E(11, verticalAreTabs ? "tab" : "link", "Home", 240), E(12, verticalAreTabs ? "tab" : "link", "Profile", 280),
            E(13, verticalAreTabs ? "tab" : "link", "Messages", 320), E(14, verticalAreTabs ? "tab" : "link", "Settings", 360));
        page = page with { Elements = [.. page.Elements.Select(e => e.Role == "heading" ? e with { Tag = "h2" } : e)] };

        var p = First("In the \"Vertical Tabs\" box on the left, open the third tab.", page);

        if (expected is null)
        {
            Assert.AreNotEqual(4, Target(p), p.Reason);
            Assert.IsNotInstanceOfType<ClickAction>(p.Action, p.Reason);
        }
        else
        {
            Assert.AreEqual(expected, Target(p), p.Reason);
        }
    }

    [TestMethod]
    public void Ground_ExpandASectionAlreadyExpanded_ClicksNothing()
    {
        // A click would close it.
        var p = First("Expand the first section", Sections());

        Assert.IsInstanceOfType<DoneAction>(p.Action, p.Reason);
        StringAssert.Contains(((DoneAction)p.Action).Result, "already expanded");
    }

    private static Observation Sections()
    {
        var page = Page(
            E(1, "button", "Shipping", 10) with { Expanded = true },
            E(9, "text", "Ships in two days from our warehouse.", 45),
            E(2, "button", "Payment", 80) with { Expanded = false },
            E(3, "button", "Review", 120) with { Expanded = false },
            E(4, "link", "Help", 160));
        return page with { Elements = [.. page.Elements.Select(e => e.Id is 1 or 2 or 3 ? e with { Tag = "h3", Role = "tab" } : e)] };
    }

    [TestMethod]
    [DataRow("Tick \"5 Star\" hotel ratings", 3)]
    [DataRow("tick the \"2 Queen\" bed type", 5)]
    public void Ground_QuotedNameFollowedByGroupWords_IsTheQuotedControl(string task, int expected)
    {
        var page = Page(
            E(1, "text", "Hotel Ratings", 10),
            E(2, "checkbox", "4 Star", 40) with { Checked = false },
            E(3, "checkbox", "5 Star", 70) with { Checked = false },
            E(6, "text", "Bed Type", 110),
            E(4, "checkbox", "1 King", 140) with { Checked = false },
            E(5, "checkbox", "2 Queen", 170) with { Checked = false });

        var p = First(task, page);

        Assert.AreEqual(expected, Target(p), p.Reason);
    }

    [TestMethod]
    public void Ground_ChooseAnOptionOfAnUnlabelledSelect_UsesTheOnlySelectThatOffersIt()
    {
        var page = Page(
            E(1, "text", "Rental Car", 10),
            E(2, "combobox", "Compact car", 40) with { Tag = "select", Options = ["Compact car", "Midsize car", "Full car", "SUV", "Luxury", "Truck", "Van"], Value = "Compact car" },
            E(3, "combobox", "Standard", 40, 300) with { Tag = "select", Options = ["Standard", "Automatic"], Value = "Standard" },
            E(4, "button", "Book", 90));

        var p = First("choose \"SUV\" as the car type", page);

        Assert.IsInstanceOfType<SelectOptionAction>(p.Action, p.Reason);
        Assert.AreEqual(2, Target(p), p.Reason);
        Assert.AreEqual("SUV", ((SelectOptionAction)p.Action).Option);
    }

    [TestMethod]
    public void Ground_ChooseAnOptionTwoSelectsOffer_IsNotGuessed()
    {
        var page = Page(
            E(2, "combobox", "Pick one", 40) with { Tag = "select", Options = ["Pick one", "SUV", "Van"] },
            E(3, "combobox", "Pick one", 40, 300) with { Tag = "select", Options = ["Pick one", "SUV", "Van"] });

        var p = First("choose \"SUV\" as the car type", page);

        Assert.AreNotEqual(2, Target(p), p.Reason);
        Assert.AreNotEqual(3, Target(p), p.Reason);
    }

    [TestMethod]
    [DataRow("click day 15 of the month it shows", 15)]
    [DataRow("In the calendar, click day 21", 21)]
    public void Ground_DayNumber_IsTheCalendarCellOfThatNumber(string task, int day)
    {
        var cells = Enumerable.Range(1, 28).Select(d => E(100 + d, "link", d.ToString(System.Globalization.CultureInfo.InvariantCulture), 100 + (d - 1) / 7 * 30, 40 + (d - 1) % 7 * 40) with { Bounds = new ScreenRect(40 + (d - 1) % 7 * 40, 100 + (d - 1) / 7 * 30, 30, 25) });
        var page = Page([E(1, "text", "March 2025", 60), E(2, "link", "Prev", 60, 10), .. cells]);

        var p = First(task, page);

        Assert.AreEqual(100 + day, Target(p), p.Reason);
    }

    [TestMethod]
    public void Ground_ShowOnlyTheActiveTodos_ClicksTheActiveFilter()
    {
        var page = Page(
            E(1, "textbox", "What needs to be done?", 10),
            E(2, "checkbox", "Toggle Buy milk", 60) with { Checked = false },
            E(3, "text", "Buy milk", 60, 90),
            E(4, "link", "All", 200, 200), E(5, "link", "Active", 200, 260), E(6, "link", "Completed", 200, 330));

        var p = First("Show only the Active todos", page);

        Assert.AreEqual(5, Target(p), p.Reason);
    }

    private static Observation Ratings(bool twoStarTicked) => Page(
        E(1, "text", "Hotel Ratings", 10),
        E(2, "checkbox", "2 Star", 40, 40) with { Checked = twoStarTicked },
        E(3, "checkbox", "3 Star", 40, 160) with { Checked = true },
        E(4, "checkbox", "4 Star", 40, 280) with { Checked = false },
        E(5, "checkbox", "5 Star", 40, 400) with { Checked = true },
        E(6, "text", "Bed Type", 300),
        E(7, "checkbox", "1 King", 330) with { Checked = true });

    [TestMethod]
    public void Ground_LeaveTheOtherRatingsUnticked_HoldsWhenTheyAre()
    {
        var steps = StepInterpreter.Parse("In the Hotel Ratings group, tick \"3 Star\" and \"5 Star\" and leave the other ratings unticked.");

        var keep = _interpreter.Ground(steps[^1], Ratings(twoStarTicked: false));

        Assert.AreEqual(GroundingStatus.AlreadyDone, keep.Status, keep.Reason);
        StringAssert.Contains(keep.Reason, "'2 Star'");
        Assert.IsFalse(keep.Reason.Contains("1 King", StringComparison.Ordinal), keep.Reason);
        Assert.IsFalse(keep.Reason.Contains("5 Star", StringComparison.Ordinal), keep.Reason);
    }

    [TestMethod]
    public void Ground_LeaveTheOtherRatingsUnticked_FailsNamingOneThatIsTicked()
    {
        var steps = StepInterpreter.Parse("In the Hotel Ratings group, tick \"3 Star\" and \"5 Star\" and leave the other ratings unticked.");

        var keep = _interpreter.Ground(steps[^1], Ratings(twoStarTicked: true));

        Assert.AreEqual(GroundingStatus.NotFound, keep.Status, keep.Reason);
        StringAssert.Contains(keep.Reason, "'2 Star' is ticked");
        Assert.IsNull(keep.Action, "nothing is clicked: the task said to leave it");
    }

    [TestMethod]
    public void Ground_DoubleClickATodoToEditIt_HitsItsTextNotItsBox()
    {
        var page = Page(
            new UiElement { Id = 1, Role = "checkbox", Checked = false, Bounds = new ScreenRect(40, 60, 20, 20) },
            E(2, "text", "Walk dog", 60, 80) with { Tag = "label" },
            E(3, "button", "Clear completed", 200));

        var p = First("Double-click the todo \"Walk dog\" to edit it", page);

        Assert.AreEqual(2, Target(p), p.Reason);
    }
}
