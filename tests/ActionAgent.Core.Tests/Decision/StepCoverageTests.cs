using ActionAgent.Core.Decision.Interpretation;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// A run is not done when the task named something nothing the run did used: the part of a step the interpreter's
/// reading left out ("… and confirm it with OK", "… to switch the state to Ohio", "Zambia's rows").
/// </summary>
[TestClass]
public sealed class StepCoverageTests
{
    private static IReadOnlyList<string> Missing(string task, params string[] evidence) =>
        StepCoverage.Missing(StepInterpreter.Parse(task), evidence);

    [TestMethod]
    public void Missing_AClauseLeftOutOfAClick_NamesWhatWasNotUsed()
    {
        CollectionAssert.AreEqual(new[] { "OK" }, Missing("Open \"Modal 1\" and confirm it with OK.", "click #1 link \"Modal 1\"", "clicked #1 link \"Modal 1\" [checked: the URL is now /#modal]").ToArray());
    }

    [TestMethod]
    public void Missing_AValueInAPurposeNothingTyped_IsNamed_ButNotTheValueItReplaces()
    {
        var missing = Missing("In the FilteringSelect section, use the \"Edit previous value\" button to switch the state from Indiana to Ohio, and save.",
            "click #43 button \"Edit previous value\"", "clicked #43 button \"Edit previous value\"", "click #53 button \"Save\"", "FilteringSelect \u0001 Dijit forms");

        CollectionAssert.AreEqual(new[] { "Ohio" }, missing.ToArray());
    }

    [TestMethod]
    public void Missing_AStepReadAsTypingAStopWord_NamesTheRealValue()
    {
        CollectionAssert.Contains(Missing("Narrow the table down to Zambia's rows only.", "type \"only\" into #6 textbox \"Rows:\"").ToArray(), "Zambia");
    }

    // The grounder's own leniency is no gap: an everyday synonym or a one-letter slip in a longer word was used; a short
    // name that differs is not ("Ohio" is no "Oslo"), and neither is a different long word.
    [TestMethod]
    public void Missing_ASynonymOrATypoTheGrounderAccepted_IsUsed_ButAnotherNameIsNot()
    {
        Assert.AreEqual(0, Missing("Type 10115 into the Postcode field", "type \"10115\" into #15 \"Postal code\"").Count);
        Assert.AreEqual(0, Missing("Click the Submitt refund button", "click #22 \"Submit refund\"").Count);
        Assert.AreEqual(0, Missing("Set language to Francais", "select \"Français\" in #18 \"Language\"").Count, "accents aside");
        CollectionAssert.AreEqual(new[] { "Ohio" }, Missing("Set the city to Ohio", "select \"Oslo\" in #4 combobox \"City\"").ToArray());
        CollectionAssert.AreEqual(new[] { "Zambia" }, Missing("Pick Zambia in the country filter", "select \"Gambia\" in #4 combobox \"country\"").ToArray());
    }

    [TestMethod]
    public void Missing_EverythingUsed_IsEmpty()
    {
        Assert.AreEqual(0, Missing("Change the state from Indiana to Ohio.", "select \"Ohio\" in #4 combobox \"State\"").Count);
        Assert.AreEqual(0, Missing("Type 25 into Tip and press Enter.", "type \"25\" into #3 textbox \"Tip\" and press Enter").Count);
        Assert.AreEqual(0, Missing("Click Save in the Profile section.", "click #9 button \"Save\"", "Profile \u0001 Settings").Count, "the button sits under the Profile heading");
        Assert.AreEqual(0, Missing("Step 2: clear all filters with the clear-filters icon.", "click #3 link \"clear-filters icon\"").Count, "step numbers are not values");
        Assert.AreEqual(0, Missing("Set the amount to 1,500.", "type \"1500\" into #2 textbox \"Amount\"").Count, "a number written with a separator");
        Assert.AreEqual(0, Missing("The customer bought 5 refrigerators, not 3. Enter 5 as the quantity.", "type \"5\" into #7 textbox \"Quantity\"").Count, "what is denied is not wanted");
    }

    [TestMethod]
    public void Missing_NegationsAndKeptState_AreNotAskedFor()
    {
        Assert.AreEqual(0, Missing("Open Modal 1 and close it with the X in its corner. Do not press OK.", "click #1 link \"Modal 1\"", "click #5 button \"×\"").Count);
        Assert.AreEqual(0, Missing("Click the signature. The signature has to stay Bob Vance.", "click #2 text \"signature\"").Count);
    }

    [TestMethod]
    public void Missing_APlaceTheActedElementIsNotIn_IsNamed()
    {
        // "In the Round skin, …" on a page without such a section: a Checkbox 1 elsewhere was ticked. The place is not used
        // by the step's reading it; only by the element acted on sitting under it.
        CollectionAssert.AreEqual(new[] { "Round" }, Missing("In the Round skin, tick Checkbox 1.", "click #59 checkbox \"Checkbox 1\"", "Live \u0001 Minimal skin \u0001 SKINS").ToArray());
        CollectionAssert.AreEqual(new[] { "Round" }, Missing("Under \"Round skin\", select Radio button 1.", "click #69 radio \"Radio button 1\"", "Live \u0001 Minimal skin").ToArray());
        Assert.AreEqual(0, Missing("In the Flat skin, tick Checkbox 1.", "click #145 checkbox \"Checkbox 1\"", "Live \u0001 Flat skin \u0001 SKINS").Count);
        Assert.AreEqual(0, Missing("Everything here is inside one dialog. In it: switch the tabs to \"Third\".", "click #3 tab \"Third\"").Count, "a remark is no place");
        Assert.AreEqual(0, Missing("Go through the whole wizard: click Next until you reach \"Forth Step\" and then hit Finish.", "click #3 button \"Next\"", "tab \"Forth Step\" is selected", "click #4 button \"Finish\"").Count, "a goal is no place");
    }

    [TestMethod]
    public void UnusedPlace_ARemarkOrAGoalReadAsAPlace_AsksForNothing()
    {
        // Batch 17: "node-0-1-1 was ticked by mistake. Expand node-0-1 and clear that box" stopped at the expand, asking for
        // node-0-1-1 around node-0-1.
        var remark = StepInterpreter.Parse("node-0-1-1 was ticked by mistake. Expand node-0-1 and clear that box; leave the rest of the tree as it is.")
            .First(s => s.Context is { Length: > 0 });
        Assert.AreEqual(0, StepCoverage.UnusedPlace(remark, ["click #3 button \"node-0-1\""]).Count, remark.Context);
        var place = StepInterpreter.Parse("In the Round skin, tick Checkbox 1.")[0];
        CollectionAssert.AreEqual(new[] { "Round" }, StepCoverage.UnusedPlace(place, ["click #59 checkbox \"Checkbox 1\"", "Live \u0001 Minimal skin"]).ToArray());
    }
}
