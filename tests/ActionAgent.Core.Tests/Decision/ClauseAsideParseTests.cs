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
    public void Parse_APurposeTail_IsNoPartOfTheTarget(string task, string target)
    {
        var step = Parse(task).Single();

        Assert.AreEqual(target, step.Target, Show([step]));
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
    public void Parse_TakeAQuotedItemOutOfAQuotedList_IsARemovalOfThatItem()
    {
        var step = Parse("Take \"Dropdown item 1\" out of the \"With remove button\" multi-select.").Single();

        Assert.IsTrue(step.Removes, Show([step]));
        Assert.AreEqual("Dropdown item 1", step.Context, Show([step]));
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
}
