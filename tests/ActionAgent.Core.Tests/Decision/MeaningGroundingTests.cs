using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Tests.Decision.Corpus;
using ActionAgent.TestKit.Fakes;
using static ActionAgent.TestKit.Fakes.Pages;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>Grounding with a meaning model (a hand-set fake here): used only where words fail, and never a guess.</summary>
[TestClass]
public sealed class MeaningGroundingTests
{
    private static StepGrounding Ground(string step, Observation page, FakeMeaningModel? meaning) =>
        new StepInterpreter(new StepInterpreterOptions { Meaning = meaning }).Ground(StepInterpreter.Parse(step).Single(), page);

    [TestMethod]
    public void Select_ReasonDescribedNotNamed_ChoosesTheOptionThatMeansIt()
    {
        var meaning = new FakeMeaningModel().Same("Late delivery").Near("arrived late", 0.7, "Late delivery");

        var g = Ground("Select arrived late in Reason", CorpusPages.Get("refund"), meaning);

        Assert.AreEqual(GroundingStatus.Grounded, g.Status, g.Reason);
        var select = (SelectOptionAction)g.Action!;
        Assert.AreEqual("Late delivery", select.Option);
        Assert.AreEqual(14, select.Target.ElementId);
        StringAssert.Contains(g.Reason, "meaning (similarity 0.70");
    }

    [TestMethod]
    public void Select_WithoutMeaningModel_DescribedReasonIsNotGrounded()
    {
        var g = Ground("Select arrived late in Reason", CorpusPages.Get("refund"), meaning: null);

        Assert.AreEqual(GroundingStatus.NotFound, g.Status);
        Assert.IsNull(g.Action);
    }

    [TestMethod]
    public void Select_TwoOptionsMeanItAlmostEqually_NotGroundedRatherThanGuessed()
    {
        var meaning = new FakeMeaningModel().Same("Late delivery").Same("Damaged item")
            .Near("it was a mess", 0.6, "Late delivery", "Damaged item");

        var g = Ground("Select it was a mess in Reason", CorpusPages.Get("refund"), meaning);

        Assert.AreEqual(GroundingStatus.NotFound, g.Status, g.Reason);
        Assert.IsNull(g.Action);
        StringAssert.Contains(g.Reason, "has no option like 'it was a mess'");
    }

    [TestMethod]
    public void Select_OptionSayingTheOpposite_NotGroundedEvenIfTheModelSaysItIsClose()
    {
        // Embeddings put "early" next to "late": the opposite word rules the option out.
        var meaning = new FakeMeaningModel().Same("Late delivery").Near("arrived early", 0.7, "Late delivery");

        var g = Ground("Select arrived early in Reason", CorpusPages.Get("refund"), meaning);

        Assert.AreEqual(GroundingStatus.NotFound, g.Status, g.Reason);
        Assert.IsNull(g.Action);
    }

    [TestMethod]
    public void Select_BestMeaningTooWeak_NotGrounded()
    {
        var meaning = new FakeMeaningModel().Same("Late delivery").Near("a bit off", 0.3, "Late delivery");

        var g = Ground("Select a bit off in Reason", CorpusPages.Get("refund"), meaning);

        Assert.AreEqual(GroundingStatus.NotFound, g.Status, g.Reason);
    }

    [TestMethod]
    public void Select_OptionNamedInWords_KeepsTheWordMatchAndItsScore_ModelNotAsked()
    {
        // A hostile model that says "Damaged item" means "Other": words that match must win without asking it.
        var meaning = new FakeMeaningModel().Same("Other", "Damaged item", "damaged");
        var page = CorpusPages.Get("refund");

        var withModel = Ground("Select damaged in Reason", page, meaning);
        var without = Ground("Select damaged in Reason", page, meaning: null);

        Assert.AreEqual("Damaged item", ((SelectOptionAction)withModel.Action!).Option);
        Assert.AreEqual(without.Score, withModel.Score);
        Assert.AreEqual(without.Reason, withModel.Reason);
        Assert.AreEqual(0, meaning.Encoded);
    }

    [TestMethod]
    public void Click_ButtonNamedDifferently_ClicksTheOneThatMeansIt()
    {
        var page = PageOf(Element(1, "button", "Reset", 100), Element(2, "button", "Save", 150), Element(3, "link", "Help", 200));
        var meaning = new FakeMeaningModel().Same("Reset").Near("Click the button that wipes the form", 0.65, "Reset");

        var g = Ground("Click the button that wipes the form", page, meaning);

        Assert.AreEqual(GroundingStatus.Grounded, g.Status, g.Reason);
        Assert.AreEqual(1, g.Action!.PrimaryTarget?.ElementId);
        StringAssert.Contains(g.Reason, "by meaning");
    }

    [TestMethod]
    public void Click_TwoButtonsCloseInMeaning_NotGrounded()
    {
        var page = PageOf(Element(1, "button", "Reset", 100), Element(2, "button", "Clear all", 150));
        var meaning = new FakeMeaningModel().Same("Reset").Same("Clear all")
            .Near("Click the button that wipes the form", 0.55, "Reset", "Clear all");

        var g = Ground("Click the button that wipes the form", page, meaning);

        Assert.AreNotEqual(GroundingStatus.Grounded, g.Status, g.Reason);
        Assert.IsNull(g.Action);
    }

    [TestMethod]
    public void Implicit_SentenceMeaningASwitch_TurnsItOn()
    {
        var page = PageOf(Element(1, "switch", "Private profile", 100) with { Checked = false }, Element(2, "button", "Edit profile", 150));
        var meaning = new FakeMeaningModel().Same("Private profile").Near("Make my profile private", 0.8, "Private profile");

        var g = Ground("Make my profile private", page, meaning);

        Assert.AreEqual(GroundingStatus.Grounded, g.Status, g.Reason);
        Assert.AreEqual(1, g.Action!.PrimaryTarget?.ElementId);
    }

    [TestMethod]
    public void Implicit_GoalSentenceMeaningAButton_IsNotClicked()
    {
        // Only checkboxes and switches are matched by meaning from a sentence without a verb: a goal is not a click.
        var page = PageOf(Element(1, "button", "File a refund", 100), Element(2, "link", "Back to orders", 150));
        var meaning = new FakeMeaningModel().Same("File a refund").Near("Refund this order because it arrived late", 0.8, "File a refund");

        var g = Ground("Refund this order because it arrived late", page, meaning);

        Assert.AreNotEqual(GroundingStatus.Grounded, g.Status, g.Reason);
        Assert.IsNull(g.Action);
    }

    [TestMethod]
    public void Select_SecondStepOnTheSamePage_EncodesOnlyItsOwnWords()
    {
        var meaning = new FakeMeaningModel().Same("Late delivery").Near("arrived late", 0.7, "Late delivery")
            .Same("Wrong size").Near("it does not fit", 0.6, "Wrong size");
        var interpreter = new StepInterpreter(new StepInterpreterOptions { Meaning = meaning });
        var page = CorpusPages.Get("refund");

        var first = interpreter.Ground(StepInterpreter.Parse("Select arrived late in Reason").Single(), page);
        var afterFirst = meaning.Encoded;
        var second = interpreter.Ground(StepInterpreter.Parse("Select it does not fit in Reason").Single(), page);

        Assert.AreEqual("Late delivery", ((SelectOptionAction)first.Action!).Option);
        Assert.AreEqual("Wrong size", ((SelectOptionAction)second.Action!).Option);
        Assert.AreEqual(6, afterFirst, "the query and the five options, once each");
        Assert.AreEqual(1, meaning.Encoded - afterFirst, "the page's options come from the cache; only the new words are encoded");
    }

    [TestMethod]
    public void Click_ExactName_SameResultWithAndWithoutModel()
    {
        var page = CorpusPages.Get("refund");
        var meaning = new FakeMeaningModel().Same("Submit refund", "Cancel");

        var withModel = Ground("Click Submit refund", page, meaning);
        var without = Ground("Click Submit refund", page, meaning: null);

        Assert.AreEqual(22, withModel.Action!.PrimaryTarget?.ElementId);
        Assert.AreEqual(without.Score, withModel.Score);
        Assert.AreEqual(0, meaning.Encoded);
    }
}
