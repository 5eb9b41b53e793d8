using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

using static ActionAgent.Core.Tests.Decision.GroundingPages;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// Phrasings from held-out batch 12: a second target after "and after that" takes the first one's verb, a handle moved
/// "from A to B" or pushed "to N" is dragged to the value, "fold X back up" names X, and a verb that is also a button's
/// name does not stand for a sentence about a name the page does not show.
/// </summary>
[TestClass]
public sealed class SequenceAndMotionParseTests
{
    [TestMethod]
    [DataRow("Open the Neville tab, and after that the Ron Weasley tab.")]
    [DataRow("Open the Neville tab, afterwards the Ron Weasley tab.")]
    public void Parse_AfterThatAndANounPhrase_IsASecondStepWithTheSameVerb(string task)
    {
        var steps = StepInterpreter.Parse(task);

        Assert.HasCount(2, steps, string.Join(" | ", steps));
        Assert.AreEqual(StepKind.Click, steps[1].Kind);
        StringAssert.Contains(steps[1].Target, "Ron Weasley");
    }

    [TestMethod]
    [DataRow("Move the slider from -75 to -73.", "-73")]
    [DataRow("Move the left pointer from 30 to 32.", "32")]
    [DataRow("Push the upper handle to 87.", "87")]
    [DataRow("Slide the letter slider from d to s.", "s")]
    public void Parse_AHandleMovedFromAValueOrPushedToOne_IsDraggedToTheNewValue(string task, string value)
    {
        var steps = StepInterpreter.Parse(task);

        Assert.HasCount(1, steps, string.Join(" | ", steps));
        Assert.AreEqual(StepKind.Drag, steps[0].Kind);
        Assert.AreEqual(value, steps[0].Value);
        Assert.DoesNotContain("from", steps[0].Target!, "the value it starts at is no part of its name");
    }

    [TestMethod]
    public void Parse_PressAButton_StaysAClick()
    {
        var steps = StepInterpreter.Parse("Press the Save button and push Send to Bob.");

        CollectionAssert.AreEqual(new[] { StepKind.Click, StepKind.Click }, steps.Select(s => s.Kind).ToArray(), string.Join(" | ", steps));
    }

    [TestMethod]
    [DataRow("Fold Chocolate back up.")]
    [DataRow("Collapse Chocolate again.")]
    public void Parse_FoldBackUp_NamesTheNodeOnly(string task)
    {
        var steps = StepInterpreter.Parse(task);

        Assert.HasCount(1, steps, string.Join(" | ", steps));
        Assert.AreEqual("Chocolate", steps[0].Target);
    }

    [TestMethod]
    public void Decide_AVerbThatIsAButtonsName_AboutANameThePageDoesNotShow_DoesNotPressTheButton()
    {
        var page = Page(
            E(1, "button", "@mention", 20),
            E(2, "textbox", "Tribute on contenteditable element", 60));

        var proposal = new StepInterpreter().DecideAsync(new DecisionContext("r", "Mention Sir Walter Riley.", 1, page, [])).GetAwaiter().GetResult();

        Assert.AreNotEqual(1, proposal.Action.PrimaryTarget?.ElementId, proposal.Reason);
    }

    [TestMethod]
    public void Decide_AVerbThatIsAButtonsName_AboutWhatThePageShows_PressesIt()
    {
        var page = Page(
            E(1, "button", "Refresh", 20),
            E(2, "heading", "Inbox", 60));

        var proposal = new StepInterpreter().DecideAsync(new DecisionContext("r", "Refresh the Inbox.", 1, page, [])).GetAwaiter().GetResult();

        Assert.AreEqual(1, proposal.Action.PrimaryTarget?.ElementId, proposal.Reason);
    }

    [TestMethod]
    [DataRow("First slider on the page: bring it down to 47.", StepKind.Drag, "First slider on the page", "47")]
    [DataRow("Take the middle handle and move it to 30.", StepKind.Drag, "the middle handle", "30")]
    [DataRow("Grab \"Item 2\" and drop it on \"Trash\".", StepKind.Drag, "\"Item 2\"", "Trash")]
    [DataRow("Raise the volume slider to 80.", StepKind.Drag, "the volume slider", "80")]
    [DataRow("Newsletter checkbox: tick it.", StepKind.Check, "Newsletter checkbox", null)]
    [DataRow("Basic slider: it should read 6. Adjust it.", StepKind.Set, "Basic slider", "6")]
    public void Parse_ItNamedByATopicOrByWhatWasTaken_IsThatTarget(string task, StepKind kind, string target, string? value)
    {
        var steps = StepInterpreter.Parse(task);

        Assert.HasCount(1, steps, string.Join(" | ", steps));
        Assert.AreEqual(kind, steps[0].Kind);
        Assert.AreEqual(target, steps[0].Target);
        Assert.AreEqual(value, steps[0].Value);
    }

    [TestMethod]
    [DataRow("Bring the total to 40.")]
    [DataRow("Tags field at the top of the page: add a new tag \"x\".")]
    public void Parse_BringingSomethingNotAHandle_OrATopicWithNoIt_IsNoDragOfTheTopic(string task)
    {
        var steps = StepInterpreter.Parse(task);

        Assert.IsFalse(steps.Any(s => s.Kind == StepKind.Drag), string.Join(" | ", steps));
    }

    [TestMethod]
    [DataRow("Go back one slide from where the carousel starts, so that 12 is the first slide shown.", "Previous", 1)]
    [DataRow("Move two images forward.", "Next", 2)]
    [DataRow("Go one page forward with the arrow.", "Next", 1)]
    [DataRow("Step ahead three cards.", "Next", 3)]
    public void Parse_SlidesOrItemsCountedBackOrForward_PressThePreviousOrNextControlThatManyTimes(string task, string control, int times)
    {
        var steps = StepInterpreter.Parse(task);

        Assert.HasCount(times, steps, string.Join(" | ", steps));
        Assert.IsTrue(steps.All(s => s.Kind == StepKind.Click && s.Target == control), string.Join(" | ", steps));
    }

    [TestMethod]
    [DataRow("Go back.")]
    [DataRow("Go back a page.")]
    public void Parse_GoingBackAPage_IsStillTheBrowsersBackOrThePreviousControl(string task)
    {
        var steps = StepInterpreter.Parse(task);

        Assert.HasCount(1, steps, string.Join(" | ", steps));
        Assert.IsTrue(steps[0].Kind == StepKind.GoBack || steps[0] is { Kind: StepKind.Click, Target: "Previous" }, steps[0].ToString());
    }

    [TestMethod]
    [DataRow("Move the second calendar forward a month and then back again.", "+1,-1")]
    [DataRow("Go forward two months, then back again.", "+1,+1,-1,-1")]
    [DataRow("Go back a month, then back again.", "-1,+1")]
    public void Parse_BackAgainAfterAMoveOfTheMonths_UndoesTheWholeMoveInTheSamePlace(string task, string moves)
    {
        // Batch 18 read "back again" as a step of its own ("I could not understand"), after moving the calendar forward.
        var steps = StepInterpreter.Parse(task);

        Assert.IsTrue(steps.All(s => s.Kind == StepKind.ShowMonth), string.Join(" | ", steps.Select(s => $"{s.Kind} {s.Text}")));
        Assert.AreEqual(moves, string.Join(",", steps.Select(s => s.Value)));
        if (task.Contains("second calendar", StringComparison.Ordinal))
        {
            StringAssert.Contains(steps[^1].Text, "second calendar", "the place stays in the words of the step");
        }
    }

    [TestMethod]
    [DataRow("Move Julia Weber back to the Department list.", "Julia Weber", "the Department list")]
    [DataRow("Take Julia Weber off the Invited list.", "Julia Weber", "off the Invited list")]
    [DataRow("Add Carla Rossi to the right-hand list.", "Carla Rossi", "the right-hand list")]
    public void Parse_AMoveBetweenNamedLists_IsADragToThatListWithItsOtherReadingKept(string task, string target, string value)
    {
        var step = StepInterpreter.Parse(task).Single();

        Assert.AreEqual((StepKind.Drag, target, value), (step.Kind, step.Target, step.Value));
        Assert.IsNotNull(step.Otherwise, "on a page without two lists the sentence is read as before");
    }

    [TestMethod]
    [DataRow("Add the Churn panel to the dashboard.", "the Churn panel", "the dashboard")]
    [DataRow("Take the Open orders panel off the dashboard.", "the Open orders panel", "off the dashboard")]
    [DataRow("Move Diego Alvarez back to Department.", "Diego Alvarez", "Department")]
    public void Parse_AMoveToAListNamedWithoutTheWordList_KeepsTheUsualReadingWithTheMoveBesideIt(string task, string target, string value)
    {
        // The sentence is read as before (what an older page gets); the move is grounded only where two list boxes are.
        var step = StepInterpreter.Parse(task).Single();

        Assert.AreNotEqual(StepKind.Drag, step.Kind, "the usual reading stays the step");
        Assert.IsNotNull(step.ListMove, "the move between lists is kept beside the usual reading");
        Assert.AreEqual((StepKind.Drag, target, value), (step.ListMove.Kind, step.ListMove.Target, step.ListMove.Value));
    }

    [TestMethod]
    public void Parse_AMoveWithAPronoun_NamesWhomTheStepBeforeActedOn()
    {
        var steps = StepInterpreter.Parse("Tick Diego Alvarez in the Department list, then move him back to Department.");

        Assert.AreEqual("Diego Alvarez", steps[1].ListMove?.Target, string.Join(" | ", steps.Select(s => $"{s.Kind} {s.Target} {s.ListMove?.Target}")));
    }

    [TestMethod]
    [DataRow("Make Top products the first panel of the dashboard.", "Top products", "place at 1")]
    [DataRow("Put the last panel of the dashboard in second place.", "the last panel of the dashboard", "place at 2")]
    [DataRow("Move Team activity up until it sits right below Revenue.", "Team activity", "place below Revenue")]
    [DataRow("Move Churn down until it is just above Revenue.", "Churn", "place above Revenue")]
    public void Parse_AMoveToAPlaceInAList_SaysWhereTheRowEnds(string task, string target, string value)
    {
        var step = StepInterpreter.Parse(task).Single();

        Assert.AreEqual((StepKind.Drag, target, value), (step.Kind, step.Target, step.Value));
    }

    [TestMethod]
    public void Parse_BackUpAgainAfterAMoveInAList_MovesTheSameRowTheOtherWay()
    {
        var steps = StepInterpreter.Parse("Move Revenue down one place, then back up again, so the dashboard order ends unchanged.");

        Assert.AreEqual(3, steps.Count, string.Join(" | ", steps.Select(s => $"{s.Kind} {s.Target} {s.Value}")));
        Assert.AreEqual((StepKind.Drag, "Revenue", "place up 1"), (steps[1].Kind, steps[1].Target, steps[1].Value));
        Assert.AreEqual((StepKind.Keep, "the dashboard order", "unchanged"), (steps[2].Kind, steps[2].Target, steps[2].Value));
    }

    [TestMethod]
    [DataRow("Make Top products the first panel, keeping the others in their order.", "in order")]
    [DataRow("Open the Notes panel, keeping the others as they are.", "unchanged")]
    public void Parse_KeepingTheOthers_IsAStateCheckedAfterTheStep(string task, string state)
    {
        var steps = StepInterpreter.Parse(task);

        Assert.AreEqual(2, steps.Count, string.Join(" | ", steps.Select(s => $"{s.Kind} {s.Target} {s.Value}")));
        Assert.AreEqual((StepKind.Keep, "the others", state), (steps[1].Kind, steps[1].Target, steps[1].Value));
    }

    [TestMethod]
    [DataRow("Empty the Invited list: move everyone on it back to Department.", "move everyone on it back to Department")]
    [DataRow("Deactivate this account: tick the box that confirms it.", "tick the box that confirms it")]
    public void Parse_AStepBeforeAColonThatTheStepsAfterItExplain_IsTheirHeadingNotAStep(string task, string first)
    {
        // Before, "Deactivate this account: tick the box …" was one step that unticked a box named with all those words.
        var steps = StepInterpreter.Parse(task);

        Assert.AreEqual(first, steps[0].Text, string.Join(" | ", steps.Select(s => $"{s.Kind} {s.Target}")));
        Assert.IsTrue(steps.All(s => s.Kind is not (StepKind.Clear or StepKind.Uncheck)), "the heading's own verb is not done");
    }

    [TestMethod]
    [DataRow("Select a file: choose \"Some unknown file\".")]
    [DataRow("Toggle Between Modals: launch it.")]
    public void Parse_AColonHeadingThatNamesAControlOrASection_IsReadAsBefore(string task)
    {
        // The same verb names the control ("Select a file" is its label); title case names a section.
        var step = StepInterpreter.Parse(task)[0];

        StringAssert.Contains(step.Text, ":", step.Text);
    }

    [TestMethod]
    public void Parse_HerAfterALeadNamingAPerson_IsThatPerson()
    {
        var steps = StepInterpreter.Parse("Invite Hana Sato: tick her in the Department list, then move her across with the \"Add selected\" arrow.");

        Assert.AreEqual((StepKind.Check, "Hana Sato"), (steps[0].Kind, steps[0].Target));
    }

    [TestMethod]
    [DataRow("Open the last of the nested tabs.", "the last nested tab")]
    [DataRow("Pick the second of its options.", "the second option")]
    [DataRow("Remove the second of the three todos.", "the second of the three todos")]
    public void Parse_AnOrdinalOfAPlural_IsOneOfThem(string task, string said)
    {
        // "the last of the nested tabs" matched a heading that says "Nested Tabs"; a count ("of the three") is kept.
        StringAssert.Contains(StepInterpreter.Parse(task)[0].Text, said);
    }

    [TestMethod]
    public void Parse_HaveALookAt_IsAStep()
    {
        var steps = StepInterpreter.Parse("Have a look at Horizontal 2, then return to Horizontal 1.");

        Assert.AreEqual((StepKind.Click, "Horizontal 2"), (steps[0].Kind, steps[0].Target), string.Join(" | ", steps.Select(s => $"{s.Kind} {s.Target}")));
    }

    [TestMethod]
    public void Parse_TheListAlone_NamesNoListToMoveTo()
    {
        // "the list" names neither of two lists: "Remove the first todo from the list" presses the todo's remove button.
        var step = StepInterpreter.Parse("Remove the first todo from the list.").Single();

        Assert.AreEqual(StepKind.Click, step.Kind);
    }
}
