using ActionAgent.Core.Decision.Interpretation;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// Sentences whose shape, not their verbs, used to break them: remarks in brackets with commas in them, a place named
/// before a colon, a statement followed by "so …", constraints with no state, verbs we do not know done "with" a
/// named control. Each case failed to parse (or parsed into a wrong step) before the rule it names.
/// </summary>
[TestClass]
public sealed class StepRemarkTests
{
    private static string Show(IEnumerable<InterpretedStep> steps) => string.Join(" | ", steps.Select(s => $"{s.Kind} t=[{s.Target}] v=[{s.Value}] c=[{s.Context}]"));

    [TestMethod]
    public void Parse_AGestureRemarkInBrackets_IsNoStepAndItsCommasSplitNothing()
    {
        var steps = StepInterpreter.Parse("Change the note \"Call Ann\" to \"Call Ann at 5\" (double-click the text to open the editor, Enter saves).");

        Assert.IsFalse(steps.Any(s => (s.Value ?? "").Contains("saves", StringComparison.Ordinal) || (s.Target ?? "").Contains("double-click", StringComparison.Ordinal)), Show(steps));
        Assert.IsTrue(steps.Any(s => s.Value == "Call Ann at 5"), Show(steps));
    }

    [TestMethod]
    public void Parse_ARemarkAboutAValue_IsNoPartOfTheValueAndNoClauseBreak()
    {
        var steps = StepInterpreter.Parse("In City, type zurich (lower case, without the umlaut) and pick \"Zürich\" from the list.");

        Assert.HasCount(2, steps, Show(steps));
        Assert.AreEqual(StepKind.Type, steps[0].Kind, Show(steps));
        Assert.AreEqual("zurich", steps[0].Value, Show(steps));
        Assert.AreEqual("Zürich", steps[1].Value, Show(steps));
    }

    [TestMethod]
    public void Parse_AMultiSelectWithItsMethodInBrackets_KeepsTheValuesOnly()
    {
        var steps = StepInterpreter.Parse("Select Red, Blue and Green in the Colours list (click Red, then Ctrl-click the other two).");

        Assert.HasCount(1, steps, Show(steps));
        Assert.AreEqual("the Colours list", steps[0].Target, Show(steps));
    }

    [TestMethod]
    public void Parse_ABracketThatDescribesThePlace_KeepsItsCommaAndStaysThePlace()
    {
        var steps = StepInterpreter.Parse("In the Regions box (the one that takes several, up to five), choose Alps.");

        Assert.HasCount(1, steps, Show(steps));
        Assert.AreEqual("Alps", steps[0].Value, Show(steps));
        StringAssert.StartsWith(steps[0].Context, "the Regions box (the one that takes several, up to five)", Show(steps));
    }

    [TestMethod]
    public void Parse_APlaceBeforeAColon_IsWhereTheStepsAct()
    {
        var steps = StepInterpreter.Parse("Shipping panel on the right: tick \"Gift wrap\", then press Save.");

        Assert.HasCount(2, steps, Show(steps));
        Assert.AreEqual(StepKind.Check, steps[0].Kind, Show(steps));
        Assert.AreEqual("\"Gift wrap\"", steps[0].Target, Show(steps));
        Assert.AreEqual("Shipping panel on the right", steps[0].Context, Show(steps));
    }

    [TestMethod]
    public void Parse_InItColon_AfterADescription_ActsInTheDescribedPlace()
    {
        var steps = StepInterpreter.Parse("The settings are in a popup. In it: open \"Advanced\" and tick \"Debug\".");

        Assert.HasCount(2, steps, Show(steps));
        Assert.IsTrue(steps.All(s => s.Context == "The settings are in a popup"), Show(steps));
        Assert.AreEqual("\"Advanced\"", steps[0].Target, Show(steps));
    }

    [TestMethod]
    public void Parse_AStatementThenSo_IsNoStepButThePlaceOfWhatFollows()
    {
        var steps = StepInterpreter.Parse("The Amount box is read-only, so press \"Edit amount\" and type 40 into it.");

        Assert.AreEqual(StepKind.Click, steps[0].Kind, Show(steps));
        Assert.AreEqual("\"Edit amount\"", steps[0].Target, Show(steps));
        Assert.IsFalse(steps.Any(s => s.Kind == StepKind.Implicit), Show(steps));
    }

    [TestMethod]
    public void Parse_HasToStay_AndKeepAQuotedName_AreKeepStepsWithNoStateNamed()
    {
        var steps = StepInterpreter.Parse("Remove \"Oslo\". Bergen has to stay. Keep \"Tromsø\".");

        Assert.HasCount(3, steps, Show(steps));
        Assert.AreEqual(StepKind.Keep, steps[1].Kind, Show(steps));
        Assert.AreEqual("Bergen", steps[1].Target, Show(steps));
        Assert.AreEqual("unchanged", steps[1].Value, Show(steps));
        Assert.AreEqual(StepKind.Keep, steps[2].Kind, Show(steps));
        Assert.AreEqual("unchanged", steps[2].Value, Show(steps));
    }

    [TestMethod]
    public void Parse_AnUnknownVerbDoneWithANamedControl_ClicksTheControl()
    {
        var steps = StepInterpreter.Parse("Tick \"Paid\", then archive the finished invoices with \"Archive done\". Send the form with Submit.");

        Assert.HasCount(3, steps, Show(steps));
        Assert.AreEqual(StepKind.Click, steps[1].Kind, Show(steps));
        Assert.AreEqual("\"Archive done\"", steps[1].Target, Show(steps));
        Assert.AreEqual("Submit", steps[2].Target, Show(steps));
    }

    [TestMethod]
    public void Parse_GoDownTo_ScrollsThere()
    {
        var steps = StepInterpreter.Parse("Go down to the section \"Billing\", then click Edit.");

        Assert.AreEqual(StepKind.Scroll, steps[0].Kind, Show(steps));
        Assert.AreEqual("the section Billing", steps[0].Target, Show(steps));
    }

    [TestMethod]
    public void Parse_ChangeFromOldToNew_TheOldValueIsNoPartOfTheName()
    {
        var steps = StepInterpreter.Parse("Change the currency picker labelled \"Main\" from EUR to CHF.");

        Assert.AreEqual(StepKind.Set, steps[0].Kind, Show(steps));
        Assert.AreEqual("the currency picker labelled \"Main\"", steps[0].Target, Show(steps));
        Assert.AreEqual("CHF", steps[0].Value, Show(steps));
    }

    [TestMethod]
    public void Parse_DoNotPressAnything_IsNoStep_DoNotTickStaysAnUntick()
    {
        var steps = StepInterpreter.Parse("Tick \"Express\". Do not press any of the buttons. Don't tick Newsletter.");

        Assert.HasCount(2, steps, Show(steps));
        Assert.AreEqual(StepKind.Uncheck, steps[1].Kind, Show(steps));
        Assert.AreEqual("Newsletter", steps[1].Target, Show(steps));
    }

    [TestMethod]
    public void Parse_TheNewEntryQuoted_IsTheOptionAndAgainIsNoPartOfAName()
    {
        var steps = StepInterpreter.Parse("Choose the new option \"Bulk order\" in Type, then untick \"Urgent\" again.");

        Assert.AreEqual("Bulk order", steps[0].Value, Show(steps));
        Assert.AreEqual("Type", steps[0].Target, Show(steps));
        Assert.AreEqual("\"Urgent\"", steps[1].Target, Show(steps));
    }

    [TestMethod]
    public void Parse_TakeOut_RemovesTheNamedItem()
    {
        var steps = StepInterpreter.Parse("Take out Lisbon.");

        Assert.AreEqual(StepKind.Click, steps[0].Kind, Show(steps));
        Assert.AreEqual("remove", steps[0].Target, Show(steps));
        Assert.AreEqual("Lisbon", steps[0].Context, Show(steps));
    }

    [TestMethod]
    [DataRow("The accordion on the first tab stays as it is.", "The accordion on the first tab")]
    [DataRow("The other five keep their order.", "The other five")]
    [DataRow("The locked boxes keep what they show.", "The locked boxes")]
    [DataRow("\"awesome\" and \"neat\" stay.", "\"awesome\" and \"neat\"")]
    public void Parse_ConstraintsInThePresentTense_AreKeepSteps_NeverClicks(string sentence, string target)
    {
        var steps = StepInterpreter.Parse("Tick \"Paid\". " + sentence);

        Assert.HasCount(2, steps, Show(steps));
        Assert.AreEqual(StepKind.Keep, steps[1].Kind, Show(steps));
        Assert.AreEqual(target, steps[1].Target, Show(steps));
    }

    [TestMethod]
    public void Parse_TwoConstraintsInOneSentence_AreTwoKeepSteps()
    {
        var steps = StepInterpreter.Parse("The \"Now\" box must stay empty, and the other times keep their values.");

        Assert.HasCount(2, steps, Show(steps));
        Assert.AreEqual("empty", steps[0].Value, Show(steps));
        Assert.AreEqual("the other times", steps[1].Target, Show(steps));
    }

    [TestMethod]
    public void Ground_AnInputNamedOnlyByItsSection_IsNotAnInputOfAnotherSection()
    {
        var page = GroundingPages.Page(
            GroundingPages.E(1, "heading", "French countries", 20), GroundingPages.E(2, "textbox", "Select French speaking country", 60),
            GroundingPages.E(3, "heading", "Custom list example", 120), GroundingPages.E(4, "text", "new Awesomplete(input, { list: [] })", 160));
        var step = StepInterpreter.Parse("Type \"report\" into the input of the \"Custom list example\" section.")[0];

        var g = new StepInterpreter().Ground(step, page);

        Assert.IsNull(g.Action, $"typed into {g.Element?.Name}: {g.Reason}");
    }

    [TestMethod]
    public void Parse_AddTwoValues_TheSecondGoesWhereTheFirstWent()
    {
        var steps = StepInterpreter.Parse("In the Words box, add the words \"sensor\" and \"relay\".");

        Assert.IsFalse(steps[0].Continues, Show(steps));
        Assert.IsTrue(steps.Single(s => s.Value == "relay").Continues, Show(steps));
    }

    [TestMethod]
    public void Ground_ChangeItAfterADescription_ChangesWhatTheDescriptionNamed_NeverWhateverHasTheFocus()
    {
        // "it" is the picker the sentence before described: there is no second picker here, so nothing is edited (before,
        // "change it" edited the text being edited, and reported only that no editor was open).
        var page = GroundingPages.Page(GroundingPages.E(1, "text", "Place at left, auto close", 20), GroundingPages.E(2, "textbox", "", 60) with { Value = "13:14" });
        var steps = StepInterpreter.Parse("The second picker on the page shows 13:14. Change it to 7:45 am.");

        var g = new StepInterpreter().Ground(steps[0], page);

        Assert.AreEqual(StepKind.Set, steps[0].Kind, steps[0].ToString());
        Assert.AreEqual("The second picker on the page", steps[0].Target);
        Assert.AreEqual(GroundingStatus.NotFound, g.Status, g.Reason);
    }

    [TestMethod]
    public void Parse_PickFromTheSuggestions_TheListNamesNoField_ThePlaceDoes()
    {
        var steps = StepInterpreter.Parse("In \"Favourite fruit\", start typing and choose Mango from the suggestions.");

        Assert.HasCount(1, steps, Show(steps));
        Assert.AreEqual(StepKind.Select, steps[0].Kind, Show(steps));
        Assert.IsNull(steps[0].Target, Show(steps));
        Assert.AreEqual("Favourite fruit", steps[0].Context, Show(steps));
    }

    [TestMethod]
    public void Parse_AChoiceAfterGoingToAField_IsMadeInThatField()
    {
        var steps = StepInterpreter.Parse("Scroll down to the Region box and choose Tyrol.");

        Assert.AreEqual("the Region box", steps[1].Context, Show(steps));
    }

    [TestMethod]
    public void Ground_AChoiceInAPlaceThatIsATextFieldWithSuggestions_TypesAndPicks()
    {
        var page = GroundingPages.Page(GroundingPages.E(1, "textbox", "Favourite fruit", 40), GroundingPages.E(2, "textbox", "Comment", 90));
        var step = StepInterpreter.Parse("In \"Favourite fruit\", choose Mango from the suggestions.")[0];

        var g = new StepInterpreter().Ground(step, page);

        Assert.AreEqual(1, g.Element?.Id, g.Reason);
        Assert.IsInstanceOfType<ActionAgent.Core.Decision.SelectOptionAction>(g.Action, g.Reason);
    }

    [TestMethod]
    public void Ground_DragATabSoItBecomesTheFirst_DropsItOnTheLeftOfTheFirstTab()
    {
        ActionAgent.Core.Perception.UiElement Tab(int id, string name, double x) =>
            new() { Id = id, Role = "tab", Name = name, Bounds = new ActionAgent.Core.Perception.ScreenRect(x, 40, 100, 30) };
        var page = GroundingPages.Page(Tab(1, "1 - Home", 20), Tab(2, "2 - News", 130), Tab(3, "3 - Empty", 240));
        var interpreter = new StepInterpreter();

        var g = interpreter.Ground(StepInterpreter.Parse("Drag \"3 - Empty\" so it becomes the first tab.")[0], page);
        var already = interpreter.Ground(StepInterpreter.Parse("Drag \"1 - Home\" so it becomes the first tab.")[0], page);

        var drop = ((ActionAgent.Core.Decision.DragAction)g.Action!).To;
        Assert.IsTrue(drop.Point is { X: < 60 } p && Math.Abs(p.Y - 55) < 1, $"{drop}: {g.Reason}");
        Assert.AreEqual(GroundingStatus.AlreadyDone, already.Status, already.Reason);
    }
}
