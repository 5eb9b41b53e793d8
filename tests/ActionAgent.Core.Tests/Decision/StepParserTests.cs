using ActionAgent.Core.Decision.Interpretation;

namespace ActionAgent.Core.Tests.Decision;

[TestClass]
public sealed class StepParserTests
{
    private static IReadOnlyList<InterpretedStep> Parse(string task) => StepInterpreter.Parse(task);

    [TestMethod]
    public void Parse_NumberedAndBulletedLines_OneStepPerItem()
    {
        var steps = Parse("1. Type 1042 into Order number\n2) Fill Amount with 42.00\n- Check Express\n* Click Submit refund\n\n");

        CollectionAssert.AreEqual(new[] { StepKind.Type, StepKind.Type, StepKind.Check, StepKind.Click }, steps.Select(s => s.Kind).ToArray());
        CollectionAssert.AreEqual(new[] { 1, 2, 3, 4 }, steps.Select(s => s.Number).ToArray());
        Assert.AreEqual("Type 1042 into Order number", steps[0].Text);
    }

    [TestMethod]
    [DataRow("Type Maria J. Santos into Full name. Then click Save.", "Maria J. Santos")]
    [DataRow("Type Dr. Patel into Full name. Then click Save.", "Dr. Patel")]
    [DataRow("Change the Author to L. Carroll. Then click Save.", "L. Carroll")]
    public void Parse_AFullStopAfterAnInitialOrATitle_EndsNoSentence(string task, string value)
    {
        // Batch 15 split "for Maria J. Santos: first name Maria, …" after "J.", so the list of fields became a step of its own.
        var steps = Parse(task);

        Assert.AreEqual(2, steps.Count, string.Join(" | ", steps.Select(s => s.Text)));
        Assert.AreEqual(value, steps[0].Value);
        Assert.AreEqual("Save", steps[1].Target);
    }

    [TestMethod]
    [DataRow("Pick grade B. Click Save.")]
    [DataRow("Sort the names from A to Z. Click Save.")]
    [DataRow("Sort the names from A to Z. Step 2: click Save.")]
    public void Parse_ALoneCapitalBeforeAStep_StillEndsTheSentence(string task)
    {
        // An initial joins only a name that follows it; a step (or "Step 2:") after a lone capital is a sentence of its own.
        var steps = Parse(task);

        Assert.AreEqual(2, steps.Count, string.Join(" | ", steps.Select(s => s.Text)));
        Assert.AreEqual("Save", steps[1].Target);
    }

    [TestMethod]
    public void Parse_ALeadingPlaceEndsAtItsComma_TheClauseAfterItIsAStepEvenWithAVerbNotKnown()
    {
        // Before: ", rate three stars" became part of the place's name, the clause was dropped, and only the Reset
        // step ran — and the run reported every step done.
        var steps = Parse("In the \"Clear/reset rater\" section, rate three stars, then clear the rating again with the Reset button.");

        Assert.HasCount(2, steps);
        Assert.AreEqual("rate three stars", steps[0].Text);
        Assert.AreEqual("the Clear/reset rater section", steps[0].Context);
        Assert.AreEqual("the Clear/reset rater section", steps[1].Context);
    }

    [TestMethod]
    [DataRow("Show the hidden details (date of birth and status) of Judi by using \"toggle\" in her row.", "\"toggle\"", "Judi")]
    [DataRow("Click \"toggle\" in the row of Judi", "\"toggle\"", "Judi")]
    [DataRow("Click Edit in Grace Hopper's row", "Edit", "Grace Hopper")]
    [DataRow("Click the Refund button in the row for Order 1043", "the Refund button", "Order 1043")]
    public void Parse_AControlInSomeonesRow_IsThatRowsControl(string task, string control, string owner)
    {
        var step = Parse(task).Single();

        Assert.AreEqual(control, step.Target);
        Assert.AreEqual(owner, step.Context);
        Assert.IsTrue(step.ContextIsOwner && step.OnOwnerRow, "another row's control must never do");
    }

    [TestMethod]
    [DataRow("open the second page of the table", "2")]
    [DataRow("Go to the 3rd page", "3")]
    [DataRow("click page number 3 in the pager", "3")]
    public void Parse_AnOrdinalOrNumberedPage_IsThatPagersNumberNeverTheNthLink(string task, string number)
    {
        var step = Parse(task).Single();

        Assert.AreEqual(StepKind.Click, step.Kind);
        Assert.AreEqual(number, step.Target);
    }

    [TestMethod]
    public void Parse_TickTwoAndNoOthers_TheOthersMustStayUnticked()
    {
        // Before: "no others" was a box to tick by that name.
        var steps = Parse("Tick Titanic and Frozen, and no others.");

        Assert.HasCount(3, steps);
        Assert.AreEqual(StepKind.Keep, steps[2].Kind);
        Assert.AreEqual("unchecked", steps[2].Value);
        CollectionAssert.AreEqual(new[] { "Titanic", "Frozen" }, steps[2].Except.ToArray());
    }

    [TestMethod]
    public void Parse_TheLastLinkOfThatSubMenu_IsSearchedAmongWhatTheStepBeforeBroughtUp()
    {
        var steps = Parse("Navigate menu item 1 > long menu item sets sub width, and choose the last link of that sub-menu.");

        Assert.HasCount(3, steps);
        Assert.IsTrue(steps[0].Opens && steps[0].Expands, "a level before the last must open the next");
        Assert.IsTrue(steps[1].Opens, "navigate opens the last level too");
        Assert.AreEqual(StepKind.Click, steps[2].Kind);
        Assert.AreEqual("the last link", steps[2].Target);
        Assert.IsTrue(steps[2].WithinPrevious);
    }

    [TestMethod]
    public void Parse_InlineNumberedItems_AreSeparateSteps()
    {
        var steps = Parse("1. Enter ops in Username 2. Click Sign in");

        Assert.HasCount(2, steps);
        Assert.AreEqual("Username", steps[0].Target);
        Assert.AreEqual("Sign in", steps[1].Target);
    }

    [TestMethod]
    public void Parse_ThenSemicolonAndSentences_SplitIntoSteps()
    {
        var steps = Parse("Type 42.00 into amount; select Wrong size from reason, then click Submit refund. Wait 2 seconds");

        CollectionAssert.AreEqual(new[] { StepKind.Type, StepKind.Select, StepKind.Click, StepKind.Wait }, steps.Select(s => s.Kind).ToArray());
        Assert.AreEqual("42.00", steps[0].Value, "a decimal point is not a sentence end");
        Assert.AreEqual("Wrong size", steps[1].Value);
        Assert.AreEqual("reason", steps[1].Target);
        Assert.AreEqual(TimeSpan.FromSeconds(2), steps[3].Duration);
    }

    [TestMethod]
    public void Parse_AndBeforeAVerb_SplitsButAndBetweenTargets_DoesNot()
    {
        var split = Parse("Type ops into Username and press Enter");
        var targets = Parse("Check Express and Gift wrap");

        CollectionAssert.AreEqual(new[] { StepKind.Type, StepKind.PressKey }, split.Select(s => s.Kind).ToArray());
        Assert.HasCount(2, targets);
        Assert.IsTrue(targets.All(s => s.Kind == StepKind.Check));
        CollectionAssert.AreEqual(new[] { "Express", "Gift wrap" }, targets.Select(s => s.Target).ToArray());
        CollectionAssert.AreEqual(new[] { "Check Express", "Check Gift wrap" }, targets.Select(s => s.Text).ToArray());
    }

    [TestMethod]
    public void Parse_EnterTwoFieldsThenPress_IsTwoFieldValuePairsAndAClick()
    {
        var steps = Parse("Enter the username ops and the password ops-pass then press Sign in");

        CollectionAssert.AreEqual(new[] { StepKind.Fill, StepKind.Fill, StepKind.Click }, steps.Select(s => s.Kind).ToArray());
        Assert.AreEqual("the username ops", steps[0].Target);
        Assert.AreEqual("the password ops-pass", steps[1].Target);
        Assert.AreEqual("Sign in", steps[2].Target);
    }

    [TestMethod]
    public void Parse_QuotedValues_KeepSeparatorsAndPunctuationInside()
    {
        var steps = Parse("Type \"Box crushed; then wet. Sorry!\" into Notes and click Save");
        var curly = Parse("Enter “1042” into the order number field");
        var single = Parse("Select 'Other' in the reason drop-down");

        Assert.HasCount(2, steps);
        Assert.AreEqual("Box crushed; then wet. Sorry!", steps[0].Value);
        Assert.AreEqual("1042", curly[0].Value);
        Assert.AreEqual("Other", single[0].Value);
        Assert.AreEqual("the reason drop-down", single[0].Target);
    }

    [TestMethod]
    public void Parse_Apostrophes_AreNotQuotes()
    {
        var steps = Parse("Don't notify the customer");

        Assert.HasCount(1, steps);
        Assert.AreEqual(StepKind.Uncheck, steps[0].Kind);
        Assert.AreEqual("notify the customer", steps[0].Target);
    }

    [TestMethod]
    [DataRow("Click Submit", StepKind.Click)]
    [DataRow("Press Submit", StepKind.Click)]
    [DataRow("Hit Submit", StepKind.Click)]
    [DataRow("Tap Submit", StepKind.Click)]
    [DataRow("Push Submit", StepKind.Click)]
    [DataRow("Double-click Order 1042", StepKind.DoubleClick)]
    [DataRow("double click Order 1042", StepKind.DoubleClick)]
    [DataRow("Right-click the logo", StepKind.RightClick)]
    [DataRow("Hover over Help", StepKind.Hover)]
    [DataRow("Mouse over Help", StepKind.Hover)]
    [DataRow("Tick Express", StepKind.Check)]
    [DataRow("Enable Dark mode", StepKind.Check)]
    [DataRow("Turn on Dark mode", StepKind.Check)]
    [DataRow("Turn Dark mode off", StepKind.Uncheck)]
    [DataRow("Untick Express", StepKind.Uncheck)]
    [DataRow("Disable Dark mode", StepKind.Uncheck)]
    [DataRow("Pick Other from Reason", StepKind.Select)]
    [DataRow("Choose Store credit", StepKind.Select)]
    [DataRow("Set Status to Open", StepKind.Set)]
    [DataRow("Change the time zone to UTC", StepKind.Set)]
    [DataRow("Clear the Notes field", StepKind.Clear)]
    [DataRow("Search for 1042", StepKind.Search)]
    [DataRow("Go back", StepKind.GoBack)]
    [DataRow("Scroll to the bottom", StepKind.Scroll)]
    [DataRow("Wait for Refund filed", StepKind.WaitForText)]
    [DataRow("Make sure Email notifications is on", StepKind.Check)]
    [DataRow("Selct Damaged item from Reason", StepKind.Select)]
    public void Parse_VerbSynonyms_MapToTheirKind(string instruction, StepKind expected)
    {
        Assert.AreEqual(expected, Parse(instruction).Single().Kind, instruction);
    }

    [TestMethod]
    [DataRow("Turn Filtering and Sorting off", StepKind.Uncheck)]
    [DataRow("Switch Filtering, Sorting and Paging off", StepKind.Uncheck)]
    [DataRow("Turn both Wi-Fi and Bluetooth on", StepKind.Check)]
    public void Parse_OnOffWithAList_OneSwitchEach(string instruction, StepKind expected)
    {
        var steps = Parse(instruction);

        Assert.IsTrue(steps.Count >= 2, instruction);
        Assert.IsTrue(steps.All(s => s.Kind == expected), instruction);
        Assert.IsFalse(steps.Any(s => s.Target!.Contains(" and ", StringComparison.Ordinal) || s.Target!.StartsWith("both", StringComparison.Ordinal)), string.Join(" | ", steps.Select(s => s.Target)));
    }

    [TestMethod]
    [DataRow("Type ops into Username", "ops", "Username")]
    [DataRow("Enter ops in the user name field", "ops", "the user name field")]
    [DataRow("Input 15.5 into Amount", "15.5", "Amount")]
    [DataRow("Write ops in the first text field", "ops", "the first text field")]
    [DataRow("Put ops-pass in the password box", "ops-pass", "the password box")]
    [DataRow("Enter 10115 as the postal code", "10115", "the postal code")]
    [DataRow("Fill Amount with 42.00", "42.00", "Amount")]
    [DataRow("Fill in the notes with \"Refund approved\"", "Refund approved", "the notes")]
    [DataRow("Replace the display name with Countess Lovelace", "Countess Lovelace", "the display name")]
    public void Parse_TypeSynonymsAndPrepositions_SplitValueFromField(string instruction, string value, string target)
    {
        var step = Parse(instruction).Single();

        Assert.AreEqual(StepKind.Type, step.Kind);
        Assert.AreEqual(value, step.Value);
        Assert.AreEqual(target, step.Target);
    }

    [TestMethod]
    [DataRow("Press Enter", "Enter")]
    [DataRow("Hit the Enter key", "Enter")]
    [DataRow("Press Control+A", "Control+A")]
    [DataRow("Press ctrl+a", "Control+A")]
    [DataRow("press escape", "Escape")]
    [DataRow("Press Shift+Tab", "Shift+Tab")]
    [DataRow("Press PageDown", "PageDown")]
    [DataRow("Press F5", "F5")]
    public void Parse_KeyNames_BecomePlaywrightChords(string instruction, string keys)
    {
        var step = Parse(instruction).Single();

        Assert.AreEqual(StepKind.PressKey, step.Kind);
        Assert.AreEqual(keys, step.Value);
    }

    [TestMethod]
    public void Parse_PressTheDeleteButton_IsAClickNotTheDeleteKey()
    {
        var step = Parse("Press the Delete button").Single();

        Assert.AreEqual(StepKind.Click, step.Kind);
    }

    [TestMethod]
    public void Parse_GoTo_UrlNavigatesButANameIsALink()
    {
        var path = Parse("Go to /orders").Single();
        var url = Parse("Navigate to https://example.com/x?y=1").Single();
        var bare = Parse("Visit example.com/orders").Single();
        var link = Parse("Go to Settings").Single();

        Assert.AreEqual((StepKind.Navigate, "/orders"), (path.Kind, path.Value));
        Assert.AreEqual("https://example.com/x?y=1", url.Value);
        Assert.AreEqual("https://example.com/orders", bare.Value);
        Assert.AreEqual((StepKind.Click, RoleHint.Link, "Settings"), (link.Kind, link.Role, link.Target));
    }

    [TestMethod]
    public void Parse_WaitForms_GiveDurationOrText()
    {
        Assert.AreEqual(TimeSpan.FromMilliseconds(500), Parse("wait 500ms").Single().Duration);
        Assert.AreEqual(TimeSpan.FromSeconds(1.5), Parse("Wait 1.5 seconds").Single().Duration);
        Assert.AreEqual(TimeSpan.FromSeconds(1), Parse("Wait a second").Single().Duration);
        Assert.AreEqual("Refund filed", Parse("Wait until \"Refund filed\" appears").Single().Value);
        Assert.AreEqual("Order 1042", Parse("Wait for Order 1042 to appear").Single().Value);
    }

    [TestMethod]
    public void Parse_ScrollForms_GiveDirection()
    {
        Assert.AreEqual("down", Parse("Scroll down a bit").Single().Value);
        Assert.AreEqual("up", Parse("scroll up").Single().Value);
        Assert.AreEqual("bottom", Parse("Scroll to the bottom of the page").Single().Value);
        Assert.AreEqual("top", Parse("Scroll all the way up").Single().Value);
        Assert.AreEqual("the Notes field", Parse("Scroll down to the Notes field").Single().Target);
    }

    [TestMethod]
    public void Parse_SelectForms_SplitOptionFromField()
    {
        var from = Parse("Select Damaged item from the Reason list").Single();
        var asForm = Parse("Choose France as the country").Single();
        var quoted = Parse("Select the reason 'Damaged item'").Single();
        var bare = Parse("Choose Store credit").Single();

        Assert.AreEqual(("Damaged item", "the Reason list"), (from.Value, from.Target));
        Assert.AreEqual(("France", "the country"), (asForm.Value, asForm.Target));
        Assert.AreEqual(("Damaged item", "the reason"), (quoted.Value, quoted.Target));
        Assert.AreEqual(("Store credit", (string?)null), (bare.Value, bare.Target));
    }

    [TestMethod]
    public void Parse_LoginSentence_ExpandsToUsernamePasswordAndSubmit()
    {
        var steps = Parse("Sign in as ops with password ops-pass");

        CollectionAssert.AreEqual(new[] { StepKind.Type, StepKind.Type, StepKind.Click }, steps.Select(s => s.Kind).ToArray());
        Assert.AreEqual(("username", "ops"), (steps[0].Target, steps[0].Value));
        Assert.AreEqual(("password", "ops-pass"), (steps[1].Target, steps[1].Value));
        Assert.Contains("submit", steps[2].Alternatives);
    }

    [TestMethod]
    public void Parse_NoKnownVerb_IsImplicitAndMarkedNotUnderstood()
    {
        var step = Parse("Frobnicate the widget").Single();
        var colon = Parse("Amount: 42.00").Single();
        var hyphen = Parse("Check-out date: 2026-12-05").Single();

        Assert.AreEqual(StepKind.Implicit, step.Kind);
        Assert.IsFalse(step.IsUnderstood);
        Assert.AreEqual(("Amount", "42.00"), (colon.Target, colon.Value));
        Assert.AreEqual((StepKind.Implicit, "Check-out date"), (hyphen.Kind, hyphen.Target), "'Check-out' does not start with the verb check");
    }

    [TestMethod]
    public void Parse_PeriodAfterAnInitial_IsKeptInTheValue()
    {
        Assert.AreEqual("Ada L.", Parse("Set Display name to Ada L.").Single().Value);
        Assert.AreEqual("42", Parse("Set Amount to 42.").Single().Value);
    }

    [TestMethod]
    public void Parse_PleaseAndThen_AreFillerNotText()
    {
        var steps = Parse("Please click the sign in button. Then wait for Orders");

        Assert.AreEqual("the sign in button", steps[0].Target);
        Assert.AreEqual(StepKind.WaitForText, steps[1].Kind);
    }

    [TestMethod]
    public void Parse_EmptyTask_HasNoSteps()
    {
        Assert.IsEmpty(Parse("  \n\n "));
    }

    [TestMethod]
    [DataRow("Select Item 2, then hold Ctrl and click Item 5 so that both are selected.", "Item 5", "Control")]
    [DataRow("Shift-click Row 3", "Row 3", "Shift")]
    [DataRow("Click \"Row 3\" while holding the Shift key", "\"Row 3\"", "Shift")]
    [DataRow("Hold down Cmd and click Photo 4", "Photo 4", "Meta")]
    public void Parse_ClickWithAKeyHeld_IsOneClickWithThatKey(string task, string target, string key)
    {
        var click = Parse(task).Last();

        Assert.AreEqual(StepKind.Click, click.Kind, click.ToString());
        Assert.AreEqual(target, click.Target);
        Assert.AreEqual(key, click.Value);
    }

    [TestMethod]
    public void Parse_ItAfterCreatingSomething_IsWhatWasCreated()
    {
        var steps = Parse("Create a todo called \"Renew passport\", then mark it as done.");

        Assert.AreEqual(StepKind.Check, steps[^1].Kind);
        Assert.AreEqual("\"Renew passport\"", steps[^1].Target);
    }

    [TestMethod]
    public void Parse_ItAfterAFieldStep_IsThatField()
    {
        var steps = Parse("Type 5 into Quantity, then clear it");

        Assert.AreEqual(StepKind.Clear, steps[^1].Kind);
        Assert.AreEqual("Quantity", steps[^1].Target);
    }

    [TestMethod]
    public void Parse_DropItBelowAnotherItem_IsADragBesideIt()
    {
        var step = Parse("Drag \"Item 1\" down and drop it below \"Item 3\".").Single();

        Assert.AreEqual(StepKind.Drag, step.Kind);
        Assert.AreEqual("\"Item 1\"", step.Target);
        Assert.AreEqual("below \"Item 3\"", step.Value);
    }

    [TestMethod]
    public void Parse_ChangeItToAQuotedValueAndConfirmWithEnter_TypesOnlyTheValueThenPressesEnter()
    {
        var steps = Parse("Double-click the todo \"Call Jon\", change it to \"Call Jonathan\" and confirm with Enter.");

        Assert.AreEqual("Call Jonathan", steps.Single(s => s.Kind == StepKind.Type).Value);
        Assert.AreEqual(StepKind.PressKey, steps[^1].Kind);
        Assert.AreEqual("Enter", steps[^1].Value);
    }

    [TestMethod]
    public void Parse_AndInsideItOpen_IsASecondStepInThatPlace()
    {
        var steps = Parse("Open the outer tab \"Second\", and inside it open the inner tab that is also called \"Second\".");

        Assert.HasCount(2, steps);
        Assert.AreEqual("the outer tab Second", steps[1].Context);
    }

    [TestMethod]
    public void Parse_UseTheSliderToSetAField_SetsTheFieldInsteadOfClickingTheSlider()
    {
        var step = Parse("Use the slider to set \"Minimum number of bedrooms\" to 5.").Single();
        var toggle = Parse("Use the Dark mode toggle to switch themes").Single();

        Assert.AreEqual(StepKind.Set, step.Kind);
        Assert.AreEqual("5", step.Value);
        Assert.AreEqual(StepKind.Click, toggle.Kind);
        Assert.AreEqual("the Dark mode toggle", toggle.Target);
    }

    // "… and confirm it with OK": the answer is its own step, not part of what is opened.
    [TestMethod]
    [DataRow("Open \"Modal 1\" and confirm it with OK.", "OK")]
    [DataRow("Open the first modal window and turn it down with Cancel.", "Cancel")]
    [DataRow("Click Delete and confirm it with Yes", "Yes")]
    public void Parse_AnAnswerAfterAnOpening_IsAClickOfItsOwn(string task, string button)
    {
        var steps = Parse(task);

        Assert.AreEqual(2, steps.Count, string.Join(" | ", steps.Select(s => $"{s.Kind} {s.Target}")));
        Assert.AreEqual(StepKind.Click, steps[1].Kind);
        Assert.AreEqual(button, steps[1].Target);
        Assert.IsFalse(steps[0].Target!.Contains(button, StringComparison.Ordinal), steps[0].Target);
    }

    // "Then, in the rootless tree below it, open South America": a sequencing word split off by the place's comma was a
    // step of its own ("Then"), which no page can carry out.
    [TestMethod]
    [DataRow("Open Oceania. Then, in the rootless tree below it, open South America.", 2, "South America")]
    [DataRow("Next, in the second form, type Bob into Name.", 1, "Name")]
    [DataRow("Finally, in the footer, click Contact.", 1, "Contact")]
    public void Parse_ASequencingWordBeforeAPlace_IsNoStep(string task, int count, string lastTarget)
    {
        var steps = Parse(task);

        Assert.HasCount(count, steps, string.Join(" | ", steps.Select(s => $"{s.Kind} {s.Target}")));
        Assert.IsTrue(steps.All(s => s.Kind != StepKind.Implicit), string.Join(" | ", steps.Select(s => $"{s.Kind} {s.Target}")));
        Assert.AreEqual(lastTarget, steps[^1].Target);
    }

    // "Collapse Asia there", "close Oceania again in the first tree": a repeat or a pointer back names nothing.
    [TestMethod]
    [DataRow("Collapse Asia there", "Asia")]
    [DataRow("Click Save again", "Save")]
    [DataRow("Press the Refresh button once more", "the Refresh button")]
    public void Parse_AgainOrThere_IsNoPartOfTheName(string task, string target)
    {
        var step = Parse(task).Single();

        Assert.AreEqual(target, step.Target);
    }

    [TestMethod]
    public void Parse_CloseABranchAgain_OwnerIsTheBranch()
    {
        var step = Parse("Finally close Oceania again in the first tree.").Single();

        Assert.IsTrue(step.Removes);
        Assert.AreEqual("Oceania in the first tree", step.Context);
    }

    // "start typing Jim Halpert over it, then change your mind and cancel the edit": replace what the open editor holds,
    // no step for the change of mind, and the page's Cancel.
    [TestMethod]
    public void Parse_StartTypingOverIt_ThenCancel_ReplacesInTheEditorAndPressesCancel()
    {
        var steps = Parse("Click the signature \"Bob Vance\" and start typing Jim Halpert over it, then change your mind and cancel the edit.");

        CollectionAssert.AreEqual(new[] { StepKind.Click, StepKind.PressKey, StepKind.Type, StepKind.Click }, steps.Select(s => s.Kind).ToArray(), string.Join(" | ", steps.Select(s => $"{s.Kind} {s.Target} {s.Value}")));
        Assert.AreEqual("Control+A", steps[1].Value);
        Assert.AreEqual("Jim Halpert", steps[2].Value);
        Assert.IsTrue(steps[2].InEditor);
        Assert.AreEqual("Cancel", steps[3].Target);
    }

    [TestMethod]
    [DataRow("Cancel your changes", "Cancel")]
    [DataRow("Cancel the order", "Cancel the order")]
    public void Parse_Cancel_IsTheCancelButtonOrTheOneItNames(string task, string target)
    {
        var step = Parse(task).Single();

        Assert.AreEqual(StepKind.Click, step.Kind);
        Assert.AreEqual(target, step.Target);
    }

    // "X has a button that … . Use it": "it" is the button, and X is where it is.
    [TestMethod]
    public void Parse_ItAfterAThingSomethingHas_IsThatThingInThatPlace()
    {
        var step = Parse("The rootless tree with the context menus has a button that opens all of its branches at once. Use it.").Single();

        Assert.AreEqual(StepKind.Click, step.Kind);
        Assert.AreEqual("the button that opens all of its branches at once", step.Target);
        Assert.AreEqual("The rootless tree with the context menus", step.Context);
    }

    // "Use the drop-down above the year column to show only 1996": a choice in that drop-down, not a click on a "1996"
    // cell of the table.
    [TestMethod]
    [DataRow("Use the drop-down above the year column to show only 1996.", "the drop-down above the year column", "1996")]
    [DataRow("Use the Status drop-down to show only suspended people", "the Status drop-down", "suspended")]
    public void Parse_UseADropDownToShowOnly_IsAChoiceInIt(string task, string target, string value)
    {
        var step = Parse(task).Single();

        Assert.AreEqual(StepKind.Select, step.Kind);
        Assert.AreEqual(target, step.Target);
        Assert.AreEqual(value, step.Value);
    }

    // "Two changes. …": an announcement of what follows is no step (it failed as an instruction with no verb).
    [TestMethod]
    [DataRow("Two changes. Click Save. Click Print.")]
    [DataRow("Three things to do: click Save. Then click Print.")]
    public void Parse_AnAnnouncementOfTheSteps_IsNoStep(string task)
    {
        var steps = Parse(task);

        CollectionAssert.AreEqual(new[] { "Save", "Print" }, steps.Select(s => s.Target).ToArray(), string.Join(" | ", steps.Select(s => $"{s.Kind} {s.Target}")));
    }

    // "Three changes in the grid: …": the count announces; the place of the steps is the grid, never "Three changes …"
    // (batch 21's place check refused every step: "Three" is nowhere around the cells).
    [TestMethod]
    public void Parse_ACountedAnnouncementWithAPlace_GivesOnlyThePlace()
    {
        var steps = Parse("Three changes in the grid: rename \"Boris Godunov\" to \"Boris\", untick In Store for Alice, and then click Save.");

        Assert.IsTrue(steps.All(s => s.Context is null or "the grid"), string.Join(" | ", steps.Select(s => $"{s.Kind} {s.Target} @ {s.Context}")));
        Assert.AreEqual("the grid", steps[0].Context);
    }

    // "make X the bestseller" marks X as the one, as "Mark X as the bestseller" does; a place in a list stays a move.
    [TestMethod]
    [DataRow("Make Alice in Wonderland the bestseller.", StepKind.Check, "Alice in Wonderland as the bestseller")]
    [DataRow("Make Top products the first panel of the dashboard.", StepKind.Drag, "Top products")]
    public void Parse_MakeXTheRole_MarksX(string task, StepKind kind, string target)
    {
        var steps = Parse(task);

        Assert.AreEqual(1, steps.Count, string.Join(" | ", steps.Select(s => $"{s.Kind} {s.Target}")));
        Assert.AreEqual(kind, steps[0].Kind);
        Assert.AreEqual(target, steps[0].Target);
    }

    // "everything should be off except X": every box off but X, then X on (it read as a field called "everything").
    [TestMethod]
    [DataRow("In the Mouse section, everything should be off except \"Drag-n-drop\".", StepKind.Uncheck, StepKind.Check)]
    [DataRow("All the boxes must be ticked except Newsletter.", StepKind.Check, StepKind.Uncheck)]
    public void Parse_EverythingInAStateExceptOne_IsEveryBoxThenTheException(string task, StepKind every, StepKind exception)
    {
        var steps = Parse(task);

        Assert.AreEqual(2, steps.Count, string.Join(" | ", steps.Select(s => $"{s.Kind} {s.Target}")));
        Assert.AreEqual(every, steps[0].Kind);
        Assert.IsTrue(steps[0].Every);
        Assert.AreEqual(1, steps[0].Except.Count);
        Assert.AreEqual(exception, steps[1].Kind);
    }
}
