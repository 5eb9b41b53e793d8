using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// "Open the vertically centered modal", "Launch the first modal on the page", "open the Large modal from Sizes": a modal,
/// drawer or pop-up is opened by a control named for it or placed under a heading that names it. Before, "Launch the first
/// modal" clicked the navigation link "Modals" and "open the vertically centered modal" clicked the heading's text.
/// </summary>
[TestClass]
public sealed class OpenerGroundingTests
{
    // A component demo: a navigation link "Modals", then sections each with a heading and the buttons that open a modal.
    private static Observation Demo() => GroundingPages.Page(
        new UiElement { Id = 1, Role = "link", Tag = "a", Name = "Modals", Bounds = new ScreenRect(10, 200, 100, 20) },
        new UiElement { Id = 2, Role = "text", Tag = "h6", Name = "Default", Bounds = new ScreenRect(300, 100, 200, 20) },
        new UiElement { Id = 3, Role = "button", Tag = "button", Name = "Launch modal", NearbyText = "Default", Bounds = new ScreenRect(300, 130, 120, 36) },
        new UiElement { Id = 4, Role = "text", Tag = "h6", Name = "Vertically centered", Bounds = new ScreenRect(600, 100, 200, 20) },
        new UiElement { Id = 5, Role = "button", Tag = "button", Name = "Launch modal", NearbyText = "Vertically centered", Bounds = new ScreenRect(600, 130, 120, 36) },
        new UiElement { Id = 6, Role = "text", Tag = "h6", Name = "Sizes", Bounds = new ScreenRect(300, 250, 200, 20) },
        new UiElement { Id = 7, Role = "button", Tag = "button", Name = "Small", NearbyText = "Sizes", Bounds = new ScreenRect(300, 280, 80, 36) },
        new UiElement { Id = 8, Role = "button", Tag = "button", Name = "Large", NearbyText = "Sizes", Bounds = new ScreenRect(390, 280, 80, 36) });

    // An app page: a button named for the dialog it opens, another button below it.
    private static Observation Account() => GroundingPages.Page(
        new UiElement { Id = 1, Role = "heading", Tag = "h1", Name = "Account", Bounds = new ScreenRect(20, 20, 300, 40) },
        new UiElement { Id = 2, Role = "button", Tag = "button", Name = "Settings", Bounds = new ScreenRect(20, 80, 100, 30) },
        new UiElement { Id = 3, Role = "button", Tag = "button", Name = "Help", Bounds = new ScreenRect(20, 130, 100, 30) },
        new UiElement { Id = 4, Role = "button", Tag = "button", Name = "Create new user", Bounds = new ScreenRect(20, 180, 160, 30) },
        new UiElement { Id = 5, Role = "button", Tag = "button", Name = "Delete user", Bounds = new ScreenRect(20, 230, 160, 30) });

    // A tab strip with a button that opens the list of the tabs that do not fit, and a panel's own close button.
    private static Observation Strip() => GroundingPages.Page(
        new UiElement { Id = 1, Role = "button", Tag = "li", Name = "Market", Bounds = new ScreenRect(482, 39, 72, 19) },
        new UiElement { Id = 2, Role = "button", Tag = "li", Name = "Performance", Bounds = new ScreenRect(552, 39, 104, 18) },
        new UiElement { Id = 3, Role = "button", Tag = "li", Name = "additional tabs", Bounds = new ScreenRect(724, 38, 18, 18) },
        new UiElement { Id = 4, Role = "button", Tag = "li", Name = "close", Bounds = new ScreenRect(778, 38, 18, 18) },
        new UiElement { Id = 5, Role = "text", Tag = "p", Name = "Lists of tabs are shown on the left", Bounds = new ScreenRect(482, 74, 317, 18) });

    [TestMethod]
    [DataRow("Open the list of additional tabs.", DisplayName = "the list of X")]
    [DataRow("Open the additional tabs list.", DisplayName = "the X list")]
    [DataRow("Click the additional tabs drop-down.", DisplayName = "the X drop-down")]
    [DataRow("Open the additional tabs list of the Market group.", DisplayName = "the X list of a group")]
    [DataRow("Open the list of additional tabs in the Market group.", DisplayName = "the list of X in a group")]
    public void Ground_AListNamedForWhatItHolds_IsTheButtonThatOpensIt(string task) =>
        Assert.AreEqual(3, Clicked(task, Strip()));

    private static int? Clicked(string task, Observation page)
    {
        var step = StepInterpreter.Parse(task)[0];
        var grounding = new StepInterpreter().Ground(step, page);
        return grounding.Action?.PrimaryTarget?.ElementId;
    }

    [TestMethod]
    public void Ground_TheModalNamedByItsHeading_IsTheButtonUnderIt() =>
        Assert.AreEqual(5, Clicked("Open the vertically centered modal.", Demo()));

    [TestMethod]
    public void Ground_TheFirstModalOnThePage_IsTheFirstButtonThatOpensOneNeverTheNavigationLink() =>
        Assert.AreEqual(3, Clicked("Launch the first modal on the page.", Demo()));

    [TestMethod]
    public void Ground_TheModalNamedInAPlace_IsTheButtonOfThatName() =>
        Assert.AreEqual(8, Clicked("Open the Large modal from Sizes.", Demo()));

    [TestMethod]
    public void Ground_ADialogNamedLikeItsButton_IsThatButtonNotTheOneBelow() =>
        Assert.AreEqual(2, Clicked("Open the settings dialog.", Account()));

    [TestMethod]
    public void Ground_AQuotedDialogName_IsTheButtonOfThatName() =>
        Assert.AreEqual(4, Clicked("Open the \"Create new user\" dialog.", Account()));

    [TestMethod]
    public void Parse_AStepAfterTheOpener_RefersToTheDialogAsWritten()
    {
        var steps = StepInterpreter.Parse("Bring up the bottom drawer, then close it with its Cancel button.");

        Assert.AreEqual("the bottom drawer", steps[1].Context);
    }

    [TestMethod]
    public void Parse_ABareModal_StaysAClickOnWhatItNames()
    {
        var steps = StepInterpreter.Parse("Open the modal.");

        Assert.AreEqual("the modal", steps.Single().Target);
    }
}
