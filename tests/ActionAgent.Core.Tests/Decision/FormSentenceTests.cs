using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// Sentence shapes of form tasks seen on held-out pages (batch 6): a value named by what it is ("the phone number 555 …"),
/// "fill in X as Y", a date's written order and pattern, a pop-up to OK, a warning about the page, a sort. Each parsed
/// into a wrong step, or none, before the rule it names.
/// </summary>
[TestClass]
public sealed class FormSentenceTests
{
    private static string Show(IEnumerable<InterpretedStep> steps) => string.Join(" | ", steps.Select(s => $"{s.Kind} t=[{s.Target}] v=[{s.Value}] c=[{s.Context}]"));

    [TestMethod]
    public void Parse_AValueNamedByWhatItIs_TypesOnlyTheValue()
    {
        var steps = StepInterpreter.Parse("Enter the phone number 555 010 4477 in the Phone field.");

        Assert.HasCount(1, steps, Show(steps));
        Assert.AreEqual("555 010 4477", steps[0].Value, Show(steps));
    }

    [TestMethod]
    public void Parse_FillInTwoFieldsAsValues_IsOneTypingEach()
    {
        var steps = StepInterpreter.Parse("Fill in the Tax ID as 12-3456789 and the Product Key as ab-123-c456.");

        Assert.HasCount(2, steps, Show(steps));
        Assert.AreEqual("the Tax ID", steps[0].Target, Show(steps));
        Assert.AreEqual("12-3456789", steps[0].Value, Show(steps));
        Assert.AreEqual("ab-123-c456", steps[1].Value, Show(steps));
    }

    [TestMethod]
    public void Parse_ADateWithItsOrderAndPattern_IsOneStepThatKnowsThePattern()
    {
        var steps = StepInterpreter.Parse("Put the 31st of March 2027 into the Date field, month first (it shows mm/dd/yyyy as you type).");

        Assert.HasCount(1, steps, Show(steps));
        Assert.AreEqual(new DateTime(2027, 3, 31), steps[0].DateValue, Show(steps));
        Assert.AreEqual("MM/dd/yyyy", steps[0].DateFormat, Show(steps));
    }

    [TestMethod]
    public void Parse_IfAMessagePopsUpOkIt_IsAnOkThatHoldsWhenNothingIsShown()
    {
        var steps = StepInterpreter.Parse("Click Save. If a \"completed!\" message pops up, OK it.");

        Assert.HasCount(2, steps, Show(steps));
        Assert.IsTrue(steps[1].IfShown, Show(steps));
        Assert.AreEqual("OK", steps[1].Target, Show(steps));
    }

    [TestMethod]
    public void Parse_AWarningAboutThePage_IsNoStep_ButANoteWithAVerbIs()
    {
        var warned = StepInterpreter.Parse("Choose Niger in Country. Careful, Nigeria shows up in the same list.");
        var noted = StepInterpreter.Parse("Note: click Save afterwards.");

        Assert.HasCount(1, warned, Show(warned));
        Assert.HasCount(1, noted, Show(noted));
        Assert.AreEqual(StepKind.Click, noted[0].Kind, Show(noted));
    }

    [TestMethod]
    public void Parse_SortSentences_NameTheColumnAndTheDirection()
    {
        var cheapest = StepInterpreter.Parse("In the muppets table at the top of the page, sort the rows by Price so that the cheapest item is listed first.");
        var biggest = StepInterpreter.Parse("Sort the first table by Filesize, biggest file on top.");
        var youngest = StepInterpreter.Parse("Sort it so the youngest player is on top.");

        Assert.AreEqual((StepKind.Sort, "Price", "asc"), (cheapest[0].Kind, cheapest[0].Target, cheapest[0].Value), Show(cheapest));
        Assert.AreEqual((StepKind.Sort, "Filesize", "desc"), (biggest[0].Kind, biggest[0].Target, biggest[0].Value), Show(biggest));
        Assert.AreEqual((StepKind.Sort, null, "young"), (youngest[0].Kind, youngest[0].Target, youngest[0].Value), Show(youngest));
    }

    [TestMethod]
    public void Parse_SortByANameThatMayBeADropDownsOption_KeepsThatReadingToo()
    {
        // The corpus's shop page has a "Sort by" drop-down and no table: the sort step falls back to this reading.
        var steps = StepInterpreter.Parse("Sort by newest");

        Assert.AreEqual(StepKind.Sort, steps[0].Kind, Show(steps));
        Assert.IsNotNull(steps[0].Otherwise, Show(steps));
        Assert.AreNotEqual(StepKind.Sort, steps[0].Otherwise!.Kind);
    }

    [TestMethod]
    public void Parse_APlaceThenFieldsWithTheirValuesAfterAColon_ListsThePairsToFillThere()
    {
        var steps = StepInterpreter.Parse("Horizontal form wizard: first name Lena, last name Kovac, gender Male, date of birth 03/14/1990. Then continue to step 2.");

        Assert.HasCount(2, steps, Show(steps));
        Assert.AreEqual("Horizontal form wizard", steps[0].Target, Show(steps));
        CollectionAssert.AreEqual(new[] { "first name Lena", "last name Kovac", "gender Male", "date of birth 03/14/1990" }, steps[0].Pairs.ToArray(), Show(steps));
        Assert.AreEqual(StepKind.ClickUntil, steps[1].Kind, Show(steps));
        Assert.AreEqual("#2", steps[1].Value, Show(steps));
    }

    [TestMethod]
    public void Parse_OneFieldWhoseValueHoldsCommas_StaysOneValue()
    {
        // Numbers first, prose fillers or one-word items are values, not "field value" pairs.
        foreach (var (task, value) in new[]
        {
            ("Address: 12 Main Street, New York", "12 Main Street, New York"),
            ("Toppings: ham, cheese", "ham, cheese"),
            ("Message: see you soon, the team", "see you soon, the team"),
        })
        {
            var steps = StepInterpreter.Parse(task);

            Assert.HasCount(1, steps, task + ": " + Show(steps));
            Assert.AreEqual(value, steps[0].Value, task + ": " + Show(steps));
            Assert.IsEmpty(steps[0].Pairs, task + ": " + Show(steps));
        }
    }

    [TestMethod]
    public void Parse_WizardMovesInOtherWords_AreTheWizardsControls()
    {
        var ahead = StepInterpreter.Parse("move ahead one step");
        var last = StepInterpreter.Parse("Take the vertical-style wizard all the way to its last step, but don't finish it.");
        var proceed = StepInterpreter.Parse("Proceed to step 3.");

        Assert.AreEqual(StepKind.Click, ahead[0].Kind, Show(ahead));
        Assert.AreEqual("Next", ahead[0].Target, Show(ahead));
        Assert.AreEqual(StepKind.ClickUntil, last[0].Kind, Show(last));
        Assert.AreEqual("#last", last[0].Value, Show(last));
        Assert.AreEqual("the vertical-style wizard", last[0].Context, Show(last));
        Assert.AreEqual("#3", proceed[0].Value, Show(proceed));
    }

    [TestMethod]
    public void Parse_PairsAfterAPlaceThenMoreSteps_KeepsThePairsTogetherEvenWhenOneStartsWithAVerb()
    {
        var steps = StepInterpreter.Parse("Validation wizard: name Tomas Berg, email tomas.berg@example.org, password hunter22, then Next to the Details tab.");
        var verbHead = StepInterpreter.Parse("Update the profile details: phone number 202 555 0199, state Oregon, country Canada. Save the changes.");

        CollectionAssert.AreEqual(new[] { "name Tomas Berg", "email tomas.berg@example.org", "password hunter22" }, steps[0].Pairs.ToArray(), Show(steps));
        Assert.IsGreaterThan(1, steps.Count, Show(steps));
        CollectionAssert.AreEqual(new[] { "phone number 202 555 0199", "state Oregon", "country Canada" }, verbHead[0].Pairs.ToArray(), Show(verbHead));
        Assert.AreEqual(StepKind.Click, verbHead[^1].Kind, Show(verbHead));
    }

    [TestMethod]
    public void Parse_ActionsAfterAPlace_AreNoPairs()
    {
        var steps = StepInterpreter.Parse("Under \"Warning message\": start it, answer Delete, and close the result message with OK.");
        var typed = StepInterpreter.Parse("Simple Pill wizard: type Marco as the name, move forward to Details, then return with previous.");

        Assert.IsTrue(steps.All(s => s.Pairs.Count == 0), Show(steps));
        Assert.IsGreaterThan(1, steps.Count, Show(steps));
        Assert.IsTrue(typed.All(s => s.Pairs.Count == 0), Show(typed));
        Assert.AreEqual(StepKind.Type, typed[0].Kind, Show(typed));
        Assert.AreEqual("Marco", typed[0].Value, Show(typed));
        Assert.AreEqual("the name", typed[0].Target, Show(typed));
        Assert.IsFalse(typed.Skip(1).Any(s => s.Kind == StepKind.Type), "\"move forward to Details\" is no field to type Marco into: " + Show(typed));
    }

    [TestMethod]
    public void Decide_PairsAfterAPlaceNamedByAHeading_FillEachFieldNeverTheWholeListIntoOne()
    {
        // Batch 16: the quoted place is a heading with a Name field under it, so the whole list "Name Priya Nair, email …,
        // password …" was typed into Name, and the run said done.
        var page = GroundingPages.Page(
            new UiElement { Id = 1, Role = "heading", Tag = "h4", Level = 4, Name = "Simple Tab", Bounds = new ScreenRect(40, 10, 300, 30) },
            new UiElement { Id = 2, Role = "textbox", Tag = "input", Name = "Name", Bounds = new ScreenRect(40, 60, 300, 30) },
            new UiElement { Id = 3, Role = "textbox", Tag = "input", Name = "Email", Bounds = new ScreenRect(40, 100, 300, 30) },
            new UiElement { Id = 4, Role = "textbox", Tag = "input", Name = "Password", InputType = "password", Bounds = new ScreenRect(40, 140, 300, 30) });

        var first = new StepInterpreter().DecideAsync(new DecisionContext("run",
            "Work through the \"Simple Tab\" wizard: Name Priya Nair, email priya.nair@acme.test, password Nair#2024.", 1, page, [])).GetAwaiter().GetResult();

        Assert.IsInstanceOfType<TypeTextAction>(first.Action, first.Reason);
        Assert.AreEqual(2, first.Action.PrimaryTarget?.ElementId, first.Reason);
        Assert.AreEqual("Priya Nair", ((TypeTextAction)first.Action).Text, first.Reason);
    }
}
