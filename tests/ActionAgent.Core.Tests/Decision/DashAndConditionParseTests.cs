using ActionAgent.Core.Decision.Interpretation;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// Punctuation people type that the parser read as words: a dash that ends a clause or sets off a remark, "but" before
/// a step, what is not to be done ("without picking anything", "instead of saving it"), a dialog's condition before or
/// after its answer. Each case parsed into a wrong value or step before the rule it names.
/// </summary>
[TestClass]
public sealed class DashAndConditionParseTests
{
    private static string Show(IEnumerable<InterpretedStep> steps) => string.Join(" | ", steps.Select(s => $"{s.Kind} t=[{s.Target}] v=[{s.Value}] c=[{s.Context}] p=[{string.Join(";", s.Pairs)}]"));

    [TestMethod]
    public void Parse_ADashBeforeThen_EndsTheValue()
    {
        var steps = StepInterpreter.Parse("Change the city to Oslo - then press Reset.");

        Assert.HasCount(2, steps, Show(steps));
        Assert.AreEqual("Oslo", steps[0].Value, Show(steps));
        Assert.AreEqual("Reset", steps[1].Target, Show(steps));
    }

    [TestMethod]
    public void Parse_AStatementAfterADash_IsNoPartOfTheButtonName()
    {
        var steps = StepInterpreter.Parse("Type 12 as the quantity, then close it with Close - nothing is to be stored.");

        Assert.HasCount(2, steps, Show(steps));
        Assert.AreEqual("Close", steps[1].Target, Show(steps));
    }

    [TestMethod]
    public void Parse_ARemarkBetweenTwoDashes_DescribesThePlace()
    {
        var steps = StepInterpreter.Parse("Take the second wizard - the one with tabs on the left - to its last step.");

        Assert.HasCount(1, steps, Show(steps));
        Assert.AreEqual(StepKind.ClickUntil, steps[0].Kind, Show(steps));
        Assert.AreEqual("#last", steps[0].Value, Show(steps));
        StringAssert.StartsWith(steps[0].Context, "the second wizard", Show(steps));
    }

    [TestMethod]
    public void Parse_AListBetweenTwoDashesAfterFillItIn_IsFieldsWithTheirValues()
    {
        var steps = StepInterpreter.Parse("Fill it in - City Oslo, Zip 0150, Country Norway - and press Save.");

        Assert.HasCount(2, steps, Show(steps));
        CollectionAssert.AreEqual(new[] { "City Oslo", "Zip 0150", "Country Norway" }, steps[0].Pairs.ToArray(), Show(steps));
        Assert.AreEqual("Save", steps[1].Target, Show(steps));
    }

    [TestMethod]
    public void Parse_ADashInsideAName_StaysInTheName()
    {
        var steps = StepInterpreter.Parse("In the Region list choose Europe - West.");

        Assert.HasCount(1, steps, Show(steps));
        Assert.AreEqual("Europe - West", steps[0].Value, Show(steps));
    }

    [TestMethod]
    public void Parse_TwoSettingsButDontSave_SetsBothAndSavesNothing()
    {
        var steps = StepInterpreter.Parse("Set the Size to Large and the Colour to Red, but don't save yet.");

        Assert.IsTrue(steps.Any(s => s.Kind == StepKind.Set && s.Target == "the Size" && s.Value == "Large"), Show(steps));
        Assert.IsTrue(steps.Any(s => s.Kind == StepKind.Set && s.Target == "the Colour" && s.Value == "Red"), Show(steps));
        Assert.IsFalse(steps.Any(s => s.Kind is StepKind.Click or StepKind.Check), Show(steps));
    }

    [TestMethod]
    public void Parse_WhatIsNotToBeDone_IsNoPartOfTheTarget()
    {
        var escape = StepInterpreter.Parse("Close the list with Escape without choosing anything.");
        var discard = StepInterpreter.Parse("Press the Discard button instead of saving the form.");

        Assert.IsFalse(escape.Any(s => (s.Target ?? "").Contains("choosing", StringComparison.Ordinal)), Show(escape));
        Assert.HasCount(1, discard, Show(discard));
        Assert.AreEqual("the Discard button", discard[0].Target, Show(discard));
    }

    [TestMethod]
    public void Parse_AConditionBeforeTheAnswer_AnswersTheDialog()
    {
        var steps = StepInterpreter.Parse("Delete the draft, but when the confirmation pops up, choose Cancel.");

        Assert.HasCount(2, steps, Show(steps));
        Assert.AreEqual(StepKind.AnswerDialog, steps[1].Kind, Show(steps));
        Assert.IsFalse(steps[1].Reply!.Accept, Show(steps));
    }

    [TestMethod]
    public void Parse_AConditionAfterTheAnswer_AnswersTheDialog()
    {
        var steps = StepInterpreter.Parse("Start removing the filter, and answer No when asked to confirm.");

        Assert.HasCount(2, steps, Show(steps));
        Assert.AreEqual(StepKind.Click, steps[0].Kind, Show(steps));
        Assert.AreEqual(StepKind.AnswerDialog, steps[1].Kind, Show(steps));
        Assert.IsFalse(steps[1].Reply!.Accept, Show(steps));
    }

    [TestMethod]
    public void Parse_ADialogSentenceWithADash_StaysOneAnswer()
    {
        var steps = StepInterpreter.Parse("Remove Ann from the list. The browser asks for confirmation - answer OK.");

        Assert.HasCount(2, steps, Show(steps));
        Assert.AreEqual(StepKind.AnswerDialog, steps[1].Kind, Show(steps));
    }

    [TestMethod]
    public void Parse_LaunchOrBringUp_OpensWhatItNames()
    {
        var launch = StepInterpreter.Parse("Launch the report builder.");
        var bring = StepInterpreter.Parse("Bring up the help panel.");

        Assert.AreEqual("the report builder", launch.Single().Target, Show(launch));
        Assert.AreEqual("the help panel", bring.Single().Target, Show(bring));
    }

    [TestMethod]
    public void Parse_AnUnknownVerbDoneWithEscape_PressesTheKey()
    {
        var steps = StepInterpreter.Parse("Open the Country list, then shut it with Escape.");

        Assert.HasCount(2, steps, Show(steps));
        Assert.AreEqual(StepKind.PressKey, steps[1].Kind, Show(steps));
        Assert.AreEqual("Escape", steps[1].Value, Show(steps));
    }

    [TestMethod]
    public void Parse_EnterOnlyANamedValue_TypesThatValueIntoThatField()
    {
        var steps = StepInterpreter.Parse("In the sign-up form, enter only the name Jo and press Next.");

        // A field and its value, told apart on the page ("only" named neither).
        Assert.HasCount(2, steps, Show(steps));
        Assert.AreEqual("the name Jo", steps[0].Target, Show(steps));
    }

    [TestMethod]
    public void Parse_ForwardToANamedStepThenBackWithPrevious_ClicksThatTabThenPrevious()
    {
        var steps = StepInterpreter.Parse("Checkout wizard: type Ann as the name, move forward to Shipping, then return with previous.");

        Assert.HasCount(3, steps, Show(steps));
        Assert.AreEqual("Click t=[Shipping]", $"{steps[1].Kind} t=[{steps[1].Target}]", Show(steps));
        Assert.AreEqual("Click t=[Previous]", $"{steps[2].Kind} t=[{steps[2].Target}]", Show(steps));
    }
}
