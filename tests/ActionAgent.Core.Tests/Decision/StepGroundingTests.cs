using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Tests.Decision.Corpus;

namespace ActionAgent.Core.Tests.Decision;

[TestClass]
public sealed class StepGroundingTests
{
    private readonly StepInterpreter _interpreter = new();

    private StepGrounding Ground(string instruction, string page) =>
        _interpreter.Ground(StepInterpreter.Parse(instruction).Single(), CorpusPages.Get(page));

    private static int? TargetId(StepGrounding g) => g.Action?.PrimaryTarget?.ElementId;

    [TestMethod]
    public void Ground_FieldByLabel_TypesWithClearFirstAndExplainsTheMatch()
    {
        var g = Ground("Type \"Ada Lovelace\" into the Full name field", "checkout");

        Assert.AreEqual(GroundingStatus.Grounded, g.Status);
        var type = (TypeTextAction)g.Action!;
        Assert.AreEqual(12, type.Target!.ElementId);
        Assert.AreEqual("Full name", type.Target.Description);
        Assert.AreEqual("Ada Lovelace", type.Text);
        Assert.IsTrue(type.ClearFirst);
        Assert.AreEqual(1.0, g.Score, 1e-9);
        Assert.AreEqual("matched 'Full name' text field by label (score 1.00)", g.Reason);
    }

    [TestMethod]
    public void Ground_PlaceholderOnlyField_MatchesByPlaceholder()
    {
        var g = Ground("Type Lovelace into Last name", "signup");

        Assert.AreEqual(3, TargetId(g));
        StringAssert.Contains(g.Reason, "by placeholder");
    }

    [TestMethod]
    public void Ground_FieldNamedOnlyByNearbyText_MatchesIt()
    {
        var g = Ground("Enter 10115 as the postal code", "checkout");

        Assert.AreEqual(15, TargetId(g));
        StringAssert.Contains(g.Reason, "by nearby text");
    }

    [TestMethod]
    public void Ground_UnnamedControl_TakesTheLooseTextLabelToItsLeftOrAbove()
    {
        var title = Ground("Type Printer on fire into Title", "ticket");
        var description = Ground("Type smoke into Description", "ticket");

        Assert.AreEqual(3, TargetId(title), "'Title' sits to the left of the first input");
        StringAssert.Contains(title.Reason, "by text label");
        Assert.AreEqual(7, TargetId(description), "'Description' sits above the text area");
    }

    [TestMethod]
    public void Ground_ButtonHint_PrefersTheButtonOverTheSearchBox()
    {
        var click = Ground("Click the Search button", "orders");
        var type = Ground("Type 1042 in the search box", "orders");

        Assert.AreEqual(12, TargetId(click));
        Assert.AreEqual(11, TargetId(type));
    }

    [TestMethod]
    public void Ground_PasswordField_ByRoleWordsOnAPlaceholderOnlyForm()
    {
        var g = Ground("Type S3cret! into the password field", "signup");

        Assert.AreEqual(5, TargetId(g), "'Password', not 'Confirm password'");
    }

    [TestMethod]
    public void Ground_OrdinalRoleOnly_PicksTheNthField()
    {
        var g = Ground("Write ops in the first text field", "login");

        Assert.AreEqual(2, TargetId(g));
    }

    [TestMethod]
    public void Ground_SelectOption_FuzzyWordsGiveTheExactOptionLabel()
    {
        var partial = Ground("Select damaged", "refund");
        var accents = Ground("Set language to Francais", "settings");

        var select = (SelectOptionAction)partial.Action!;
        Assert.AreEqual((14, "Damaged item"), (select.Target.ElementId, select.Option));
        Assert.AreEqual("Français", ((SelectOptionAction)accents.Action!).Option);
        StringAssert.Contains(partial.Reason, "option 'Damaged item'");
    }

    [TestMethod]
    public void Ground_SelectWithUnknownOption_FailsListingTheOptions()
    {
        var g = Ground("Select Klingon from Language", "settings");

        Assert.AreEqual(GroundingStatus.NotFound, g.Status);
        StringAssert.Contains(g.Reason, "no option like 'Klingon'");
        StringAssert.Contains(g.Reason, "English, Deutsch, Français, Español");
    }

    [TestMethod]
    public void Ground_RadioByName_OrByGroupAndValue_ClicksIt()
    {
        var byName = Ground("Choose Store credit", "refund");
        var byGroup = Ground("Set the refund method to Store credit", "refund");

        Assert.IsInstanceOfType<ClickAction>(byName.Action);
        Assert.AreEqual(17, TargetId(byName));
        Assert.AreEqual(17, TargetId(byGroup));
    }

    [TestMethod]
    public void Ground_CheckboxState_ClicksOnlyWhenItMustChange()
    {
        var check = Ground("Check Express", "refund");
        var already = Ground("Check Notify customer", "refund");
        var uncheck = Ground("Uncheck Notify customer", "refund");
        var radioAlready = Ground("Choose Original payment", "refund");

        Assert.AreEqual(18, TargetId(check));
        Assert.AreEqual(GroundingStatus.AlreadyDone, already.Status);
        Assert.IsNull(already.Action);
        StringAssert.Contains(already.Reason, "already checked");
        Assert.AreEqual(20, TargetId(uncheck));
        Assert.AreEqual(GroundingStatus.AlreadyDone, radioAlready.Status);
    }

    [TestMethod]
    public void Ground_DuplicateLabels_ContextWordsPickTheRightSection()
    {
        var first = Ground("Type Ada into the Name field", "addresses");
        var billing = Ground("Type Ada into the billing Name field", "addresses");
        var under = Ground("Type Berlin into City under Billing address", "addresses");
        var ordinal = Ground("Click the second Save button", "addresses");

        Assert.AreEqual(3, TargetId(first), "equal matches go to the first in reading order");
        Assert.AreEqual(8, TargetId(billing));
        Assert.AreEqual(10, TargetId(under));
        Assert.AreEqual(11, TargetId(ordinal));
    }

    [TestMethod]
    public void Ground_RowContext_PicksTheButtonInTheNamedRow()
    {
        var g = Ground("Click Refund next to Order 1043", "orders");

        Assert.AreEqual(23, TargetId(g));
    }

    [TestMethod]
    public void Ground_HiddenAndDisabledTwins_PickTheUsableElement()
    {
        Assert.AreEqual(14, TargetId(Ground("Click Delete address", "addresses")), "#13 has no size");
        Assert.AreEqual(16, TargetId(Ground("Click Submit", "addresses")), "#15 is disabled");
    }

    [TestMethod]
    public void Ground_TypoInAName_StillMatchesWithALowerScore()
    {
        var g = Ground("Click the Submitt refund button", "refund");

        Assert.AreEqual(22, TargetId(g));
        Assert.IsLessThan(1.0, g.Score);
    }

    [TestMethod]
    public void Ground_NothingMatches_SaysWhatWasSoughtAndTheClosestCandidate()
    {
        var g = Ground("Click the Approve button", "refund");

        Assert.AreEqual(GroundingStatus.NotFound, g.Status);
        Assert.IsNull(g.Action);
        StringAssert.StartsWith(g.Reason, "no element matches 'Approve'");
        Assert.IsFalse(g.IsConfident());
    }

    [TestMethod]
    public void Ground_NumbersMustMatchExactly_Order1045IsNotOrder1044()
    {
        var g = Ground("Open Order 1045", "orders");

        Assert.AreEqual(GroundingStatus.NotFound, g.Status);
    }

    [TestMethod]
    public void Ground_SignUp_NeverMatchesLogIn()
    {
        var g = Ground("Sign up", "signup");

        Assert.AreNotEqual(13, TargetId(g), "'Sign up' must not click the 'Log in' link");
    }

    [TestMethod]
    public void Ground_SearchStep_TypesIntoTheSearchBoxAndPressesEnter()
    {
        var g = Ground("Search customers for alan@example.com", "customers");

        var type = (TypeTextAction)g.Action!;
        Assert.AreEqual((11, "alan@example.com", true), (type.Target!.ElementId, type.Text, type.PressEnter));
    }

    [TestMethod]
    public void Ground_FixedActions_HaveFullConfidence()
    {
        Assert.AreEqual(new PressKeyAction("Control+A"), Ground("Press Control+A", "orders").Action);
        Assert.AreEqual(new ScrollAction(0, 600), Ground("Scroll down", "orders").Action);
        Assert.AreEqual(new NavigateAction("/orders"), Ground("Go to /orders", "orders").Action);
        Assert.AreEqual(new WaitAction(TimeSpan.FromSeconds(2)), Ground("Wait 2 seconds", "orders").Action);
        Assert.AreEqual(new WaitAction(TimeSpan.FromSeconds(10), "Refund filed") { Besides = "Wait for Refund filed" }, Ground("Wait for Refund filed", "orders").Action);
        Assert.IsInstanceOfType<GoBackAction>(Ground("Go back", "orders").Action);
        Assert.IsTrue(Ground("Press Enter", "orders").IsConfident(1.0));
    }

    [TestMethod]
    public void Ground_ScrollToAnElement_ScrollsByItsOffset()
    {
        var g = Ground("Scroll down to Older", "inbox");

        var scroll = (ScrollAction)g.Action!;
        Assert.AreEqual(700 - (800 / 3.0), scroll.DeltaY, 1.0);
    }

    [TestMethod]
    public void Ground_ImplicitButtonName_ClicksIt()
    {
        var g = Ground("Submit the refund", "refund");

        Assert.AreEqual(22, TargetId(g));
    }

    [TestMethod]
    public void Ground_OcrTextWithoutControls_CanStillBeClicked()
    {
        var page = new Observation
        {
            Url = "http://127.0.0.1/canvas",
            Geometry = ViewportGeometry.Identity(800, 600),
            Elements = [new UiElement { Id = 1, Role = "text", Name = "Continue", Source = ElementSource.Ocr, Confidence = 0.8, Bounds = new ScreenRect(100, 100, 90, 20) }],
        };

        var g = _interpreter.Ground(StepInterpreter.Parse("Click Continue").Single(), page);

        Assert.AreEqual(1, TargetId(g));
        Assert.IsLessThan(1.0, g.Score, "loose text counts a little less than a real control");
    }
}
