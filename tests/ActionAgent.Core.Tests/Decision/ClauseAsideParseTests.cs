using ActionAgent.Core.Decision.Interpretation;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// What a sentence says besides its step (why, when, what the writer wants, what the page shows) is no part of the
/// step's target, and some of it changes what the step is: a purpose that names an order makes a header click a sort, a
/// description names what "it" is. Wordings from held-out batches 9 and 10 that the parser used to turn into
/// "I could not understand" or into a target no element could match.
/// </summary>
[TestClass]
public sealed class ClauseAsideParseTests
{
    private static IReadOnlyList<InterpretedStep> Parse(string task) => StepInterpreter.Parse(task);

    private static string Show(IEnumerable<InterpretedStep> steps) =>
        string.Join(" | ", steps.Select(s => $"{s.Kind} t=[{s.Target}] v=[{s.Value}] c=[{s.Context}]"));

    [TestMethod]
    [DataRow("Type \"tech\" into the Search box above the table to narrow it down.", "the Search box above the table")]
    [DataRow("Click Save so the form is stored.", "Save")]
    [DataRow("Press the Export button in order to get the report.", "the Export button")]
    [DataRow("Open the user menu to see your options.", "the user menu")]
    [DataRow("Open the Templating drop-down to look at its choices.", "the Templating drop-down")]
    [DataRow("Click Preview to make sure the layout is right.", "Preview")]
    [DataRow("Expand node-0-0 to see what is inside.", "node-0-0")]
    public void Parse_APurposeTail_IsNoPartOfTheTarget(string task, string target)
    {
        var step = Parse(task).Single();

        Assert.AreEqual(target, step.Target, Show([step]));
    }

    [TestMethod]
    [DataRow("Set the reminder to check the oven.", "the reminder", "check the oven", DisplayName = "a value-taking verb keeps its first to")]
    [DataRow("Type \"ok\" into the Note box to check it.", "the Note box", "ok", DisplayName = "after the value's place, the purpose goes")]
    public void Parse_APurposeInfinitive_NeverEatsTheValue(string task, string target, string value)
    {
        var step = Parse(task).Single();

        Assert.AreEqual((target, value), (step.Target, step.Value), Show([step]));
    }

    [TestMethod]
    public void Parse_ClickAHeaderSoAnOrderShows_IsASortInThatOrder()
    {
        var step = Parse("Click the Rating column header so the lowest rated film is on top.").Single();

        Assert.AreEqual((StepKind.Sort, "Rating", "asc"), (step.Kind, step.Target, step.Value), Show([step]));
    }

    [TestMethod]
    public void Parse_AGoalBeforeAColon_IsNoPlace_TheStepAfterItIsRead()
    {
        var step = Parse("I need ID 10 at the top: sort the table on the ID column, highest first.").Single();

        Assert.AreEqual((StepKind.Sort, "ID", "desc", (string?)null), (step.Kind, step.Target, step.Value, step.Context), Show([step]));
    }

    [TestMethod]
    public void Parse_SortSoTheYoungestIsOnTop_StaysASortWithNoColumnNamed()
    {
        var step = Parse("Sort it so the youngest player is on top.").Single();

        Assert.AreEqual((StepKind.Sort, (string?)null, "young"), (step.Kind, step.Target, step.Value), Show([step]));
    }

    [TestMethod]
    public void Parse_OnceSomethingIsAvailable_IsNoStep_AndThereIsWhatItNamed()
    {
        var steps = Parse("Pick London in Cities; once Tube stations becomes available, choose Old Street there.");

        Assert.HasCount(2, steps, Show(steps));
        Assert.AreEqual((StepKind.Select, "Tube stations", "Old Street"), (steps[1].Kind, steps[1].Target, steps[1].Value), Show(steps));
    }

    [TestMethod]
    public void Parse_AndCommaOnceItsContentIsShown_SplitsAndDropsTheWait()
    {
        var steps = Parse("Open the Ajax example and, once its content is shown, close it with the Escape key.");

        Assert.HasCount(2, steps, Show(steps));
        Assert.AreEqual("the Ajax example", steps[0].Target, Show(steps));
    }

    [TestMethod]
    public void Parse_APlaceInsideAPlace_TheNearerOneHolds_AndABareNameAfterAChoiceIsTheNextChoice()
    {
        var steps = Parse("Under \"Multiple select input\", in the Option groups box pick Paris and then Madrid.");

        Assert.AreEqual("Select v=[Paris] c=[the Option groups box] | Select v=[Madrid] c=[the Option groups box]",
            string.Join(" | ", steps.Select(s => $"{s.Kind} v=[{s.Value}] c=[{s.Context}]")), Show(steps));
    }

    [TestMethod]
    public void Parse_ADescriptionThenChangeIt_ChangesWhatTheDescriptionNamed()
    {
        var step = Parse("The movie rating currently says Mediocre. Change it to Awesome.").Single();

        Assert.AreEqual((StepKind.Set, "The movie rating", "Awesome", (string?)null), (step.Kind, step.Target, step.Value, step.Context), Show([step]));
    }

    [TestMethod]
    public void Parse_ShowOnlyUsingADropDown_ChoosesTheWordsOptionInIt()
    {
        var step = Parse("Show only the suspended people, using the Status drop-down.").Single();

        Assert.AreEqual((StepKind.Select, "Status drop-down", "suspended"), (step.Kind, step.Target, step.Value), Show([step]));
    }

    [TestMethod]
    [DataRow("Show the image lightbox and leave it open.")]
    [DataRow("Open the menu, and leave it there.")]
    public void Parse_LeaveItOpen_AsksForNothingMore(string task)
    {
        var steps = Parse(task);

        Assert.HasCount(1, steps, Show(steps));
    }

    [TestMethod]
    public void Parse_DoNotAddAnythingElse_IsNoStep_NeverAnUntick()
    {
        Assert.HasCount(0, Parse("Do not add anything else to it."));
    }

    [TestMethod]
    [DataRow("Give the \"Basic 5 star rater\" three stars.", "\"Basic 5 star rater\"", "3")]
    [DataRow("Set the \"5 star rater with step\" to two and a half stars.", "\"5 star rater with step\"", "2.5")]
    [DataRow("Rate the \"1/10 Rating\" box a 4.", "\"1/10 Rating\" box", "4")]
    [DataRow("give the Bootstrap stars 3 out of 5", "Bootstrap stars", "3/5")]
    [DataRow("Rate it 4 out of 5 stars.", "it", "4/5")]
    [DataRow("Give the fractional star example eight stars.", "fractional star example", "8")]
    public void Parse_RatingWordings_AreRateStepsWithTheValue(string task, string target, string value)
    {
        var step = Parse(task).Single();

        Assert.AreEqual(StepKind.Rate, step.Kind, Show([step]));
        Assert.AreEqual(value, step.Value, Show([step]));
        StringAssert.Contains(step.Target ?? "", target, Show([step]));
    }

    [TestMethod]
    [DataRow("Give the customer 3 apples.")]
    [DataRow("Set the volume to 7.")]
    [DataRow("Set Quantity to 3")]
    public void Parse_NumbersThatAreNoRating_StayWhatTheyWere(string task)
    {
        Assert.IsFalse(Parse(task).Any(s => s.Kind == StepKind.Rate), Show(Parse(task)));
    }

    [TestMethod]
    public void Parse_RateStarsInALeadingSection_TheSectionIsTheWidgetsPlace()
    {
        var steps = Parse("In the \"Clear/reset rater\" section, rate three stars, then clear the rating again with the Reset button.");

        Assert.AreEqual((StepKind.Rate, "3", "the Clear/reset rater section"), (steps[0].Kind, steps[0].Value, steps[0].Context), Show(steps));
    }

    [TestMethod]
    public void Parse_RepeatItInAnotherField_TypesTheValueBefore_NeverSwallowsTheClauseIntoTheValue()
    {
        // Before: the password was set to "Spring2027x and repeat it in Confirm Password" and the run said Completed.
        var steps = Parse("Set the password to Spring2027x and repeat it in Confirm Password.");

        Assert.AreEqual("Set t=[the password] v=[Spring2027x] | Type t=[Confirm Password] v=[Spring2027x]",
            string.Join(" | ", steps.Select(s => $"{s.Kind} t=[{s.Target}] v=[{s.Value}]")), Show(steps));
    }

    [TestMethod]
    public void Parse_StatedValues_AreSet_AndFillThoseInAddsNothing()
    {
        var steps = Parse("Time should be 14:45 and Month June 2027. Fill those two in.");

        Assert.AreEqual("Set t=[Time] v=[14:45] | Set t=[Month] v=[June 2027]",
            string.Join(" | ", steps.Select(s => $"{s.Kind} t=[{s.Target}] v=[{s.Value}]")), Show(steps));
    }

    [TestMethod]
    [DataRow("Newsletter should be ticked.", StepKind.Check)]
    [DataRow("The passport answer must be Canada.", StepKind.Set)]
    public void Parse_ShouldBe_IsTheStateWanted(string task, StepKind kind)
    {
        Assert.AreEqual(kind, Parse(task).Single().Kind, Show(Parse(task)));
    }

    [TestMethod]
    public void Parse_TheErrorShouldShow_IsNoValueToSet()
    {
        Assert.IsFalse(Parse("The error should show under the field.").Any(s => s.Kind == StepKind.Set), Show(Parse("The error should show under the field.")));
    }

    [TestMethod]
    public void Parse_WithoutFillingAnythingIn_IsNoStep()
    {
        var step = Parse("Without filling anything in, press Submit so that every required field shows its error message.").Single();

        Assert.AreEqual((StepKind.Click, "Submit"), (step.Kind, step.Target), Show([step]));
    }

    [TestMethod]
    public void Parse_DoNotSubmitTheForm_ForbidsOnly()
    {
        var step = Parse("Do not submit the form.").Single();

        Assert.IsTrue(step.Forbids, Show([step]));
    }

    [TestMethod]
    [DataRow("Under \"{ minLength: 2 }\", type \"ba\" into the Country box and take the third suggestion.", "the third one")]
    [DataRow("Open the full country list and choose the first entry.", "the first one")]
    [DataRow("Search for Deutschland and pick the country it finds.", "the first one")]
    public void Parse_AnEntryByPlace_IsCountedAmongWhatTheStepBeforeBroughtUp(string task, string target)
    {
        var step = Parse(task).Last();

        Assert.AreEqual((StepKind.Click, target, true), (step.Kind, step.Target, step.WithinPrevious), Show(Parse(task)));
    }

    [TestMethod]
    public void Parse_PressAKeyToDoSomething_IsThatKey()
    {
        var step = Parse("Press Enter to accept the highlighted suggestion.").Single();

        Assert.AreEqual((StepKind.PressKey, "Enter"), (step.Kind, step.Value), Show([step]));
    }

    [TestMethod]
    [DataRow("Tick the last box in the Checkboxes group.", "the last box", "Checkboxes group")]
    [DataRow("Answer \"No\" under Radio Buttons.", null, "Radio Buttons")]
    [DataRow("In the Select drop-down choose Star Wars.", null, "the Select drop-down")]
    public void Parse_TheGroupOrPlaceNamedAfterTheTarget_IsItsContext(string task, string? target, string context)
    {
        var step = Parse(task).Single();

        Assert.AreEqual((target, context), (step.Target, step.Context), Show([step]));
    }

    [TestMethod]
    public void Parse_WhereAButtonSitsOnThePage_IsNoPartOfItsName()
    {
        var step = Parse("Click the \"Reset\" button at the bottom of the form.").Single();

        Assert.AreEqual("the \"Reset\" button", step.Target, Show([step]));
    }
}
