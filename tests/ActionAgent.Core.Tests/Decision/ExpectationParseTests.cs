using ActionAgent.Core.Decision.Interpretation;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// What a QA script says the page must show ("You should see "Thanks"", "Verify that the page shows "Order placed"") is a
/// check of shown text, never an action, never a description passed over and never an answer to a dialog; a check with no
/// text to look for is left not understood rather than guessed.
/// </summary>
[TestClass]
public sealed class ExpectationParseTests
{
    [TestMethod]
    [DataRow("You should see \"Thanks for your order\".", "Thanks for your order")]
    [DataRow("You'll see \"3 items left\".", "3 items left")]
    [DataRow("Verify that the page shows \"Order placed\".", "Order placed")]
    [DataRow("Check that the message \"Saved\" appears.", "Saved")]
    [DataRow("The error \"Name is required\" should now show under the field.", "Name is required")]
    [DataRow("Confirm that the heading reads Welcome back.", "Welcome back")]
    [DataRow("The page should say Thanks for shopping.", "Thanks for shopping")]
    [DataRow("A toast saying \"Copied\" pops up at the bottom.", "Copied")]
    [DataRow("Expect \"Done\".", "Done")]
    public void Parse_AStatedExpectation_IsAWaitForItsText(string task, string text)
    {
        var steps = StepInterpreter.Parse(task);

        Assert.HasCount(1, steps, string.Join(" | ", steps));
        Assert.AreEqual(StepKind.WaitForText, steps[0].Kind);
        Assert.AreEqual(text, steps[0].Value);
    }

    [TestMethod]
    [DataRow("Click Save and \"Saved\" should appear.")]
    [DataRow("Click Save and see \"Saved\".")]
    public void Parse_AnExpectationAfterAnd_IsItsOwnStepAfterTheAction(string task)
    {
        var steps = StepInterpreter.Parse(task);

        Assert.HasCount(2, steps, string.Join(" | ", steps));
        Assert.AreEqual(StepKind.Click, steps[0].Kind);
        Assert.AreEqual("Save", steps[0].Target);
        Assert.AreEqual(StepKind.WaitForText, steps[1].Kind);
        Assert.AreEqual("Saved", steps[1].Value);
    }

    [TestMethod]
    [DataRow("Log in. Verify that the list shows 2 items.")]
    [DataRow("Log in. Check that the form flags it as too short.")]
    [DataRow("Log in. The range error should now show under the number field.")]
    public void Parse_ACheckWithNoTextToLookFor_IsKeptAndNotUnderstood(string task)
    {
        var steps = StepInterpreter.Parse(task);

        Assert.HasCount(2, steps, string.Join(" | ", steps));
        Assert.IsFalse(steps[1].IsUnderstood, steps[1].ToString());
    }

    [TestMethod]
    [DataRow("Check \"Remember me\".", StepKind.Check)]
    [DataRow("Make sure \"Remember me\" is checked.", StepKind.Check)]
    [DataRow("Confirm the dialog.", StepKind.AnswerDialog)]
    public void Parse_TickingAndConfirmingADialog_StayWhatTheyWere(string task, StepKind kind)
    {
        var steps = StepInterpreter.Parse(task);

        Assert.HasCount(1, steps, string.Join(" | ", steps));
        Assert.AreEqual(kind, steps[0].Kind);
    }

    [TestMethod]
    public void Parse_ThePageShowsSomethingUnquoted_IsStillADescriptionOfThePage()
    {
        // "shows" with no text given describes the page (batch 5's b5-rich-03); it is no check and no step.
        var steps = StepInterpreter.Parse("The page shows an editable extract from Great Expectations. Delete its last paragraph.");

        Assert.HasCount(1, steps, string.Join(" | ", steps));
        Assert.AreNotEqual(StepKind.WaitForText, steps[0].Kind);
        Assert.IsTrue(steps[0].IsUnderstood, steps[0].ToString());
    }
}
