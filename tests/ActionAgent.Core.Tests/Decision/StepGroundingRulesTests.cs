using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>Grounding rules that hold on pages nobody here designed: quotes, role words, ordinals, numbers, the task's own text.</summary>
[TestClass]
public sealed class StepGroundingRulesTests
{
    private readonly StepInterpreter _interpreter = new();

    private static UiElement E(int id, string role, string name, double y, double x = 40) =>
        new() { Id = id, Role = role, Name = name, Bounds = new ScreenRect(x, y, 200, 30) };

    private static Observation Page(params UiElement[] elements) => new()
    {
        Url = "http://127.0.0.1:9000/widget",
        Geometry = ViewportGeometry.Identity(1280, 720),
        Elements = elements,
    };

    private ProposedAction First(string task, Observation page) =>
        _interpreter.DecideAsync(new DecisionContext(Guid.NewGuid().ToString(), task, 1, page, [])).GetAwaiter().GetResult();

    private static int? Target(ProposedAction p) => p.Action.PrimaryTarget?.ElementId;

    [TestMethod]
    public void Ground_TaskTextShownOnThePage_IsNeverTheTarget()
    {
        var page = Page(
            E(1, "text", "Click on the link \"Eget\".", 10),
            E(2, "link", "Tellus", 100),
            E(3, "link", "Eget", 140));

        var p = First("Click on the link \"Eget\"", page);

        Assert.AreEqual(3, Target(p), p.Reason);
    }

    [TestMethod]
    public void Ground_FieldWhoseNearbyTextIsTheInstruction_IsFoundByItsOwnName()
    {
        var page = Page(
            E(1, "text", "Enter \"Juan\" into the text field and press Submit.", 10),
            new UiElement { Id = 2, Role = "textbox", Name = "", NearbyText = "Enter \"Juan\" into the text field and press Submit.", Bounds = new ScreenRect(40, 60, 200, 30) },
            E(3, "button", "Submit", 110));

        var p = First("Enter \"Juan\" into the text field", page);

        Assert.IsInstanceOfType<TypeTextAction>(p.Action, p.Reason);
        Assert.AreEqual(2, Target(p), p.Reason);
        Assert.AreEqual("Juan", ((TypeTextAction)p.Action).Text);
    }

    [TestMethod]
    public void Ground_ButtonInTheDialogBoxLabeledCancel_IsCancelNotClose()
    {
        var page = Page(E(1, "heading", "Delete file?", 10), E(2, "button", "Close", 50), E(3, "button", "Cancel", 90), E(4, "button", "Delete", 130));

        var p = First("Click the button in the dialog box labeled \"Cancel\"", page);

        Assert.AreEqual(3, Target(p), p.Reason);
    }

    [TestMethod]
    public void Ground_RoleWordsAfterTheName_AreHintsNotName()
    {
        var page = Page(E(1, "button", "All", 10), E(2, "button", "Active", 10, 260), E(3, "button", "Completed", 10, 480), E(4, "link", "Active filters help", 90));

        var p = First("Click the Active filter", page);

        Assert.AreEqual(2, Target(p), p.Reason);
    }

    [TestMethod]
    public void Ground_NumberInTheName_MatchesExactly()
    {
        var page = Page(E(1, "button", "0: not clicked", 10), E(2, "button", "8: not clicked", 50), E(3, "button", "87: not clicked", 900));

        var p = First("Click the \"87: not clicked\" button", page);

        Assert.AreEqual(3, Target(p), p.Reason);
    }

    [TestMethod]
    public void Ground_UnquotedNumberedName_NeverMatchesAnotherNumber()
    {
        var page = Page(E(1, "button", "0: not clicked", 10), E(2, "button", "1: not clicked", 50));

        var p = First("Click 87: not clicked", page);

        Assert.IsInstanceOfType<FailAction>(p.Action, $"clicked {p.Action.Describe()}");
    }

    [TestMethod]
    public void Ground_SecondTextbox_IsTheSecondFieldInReadingOrder()
    {
        var page = Page(
            new UiElement { Id = 1, Role = "textbox", Bounds = new ScreenRect(40, 10, 200, 30) },
            new UiElement { Id = 2, Role = "textbox", Bounds = new ScreenRect(40, 60, 200, 30) },
            new UiElement { Id = 3, Role = "textbox", Bounds = new ScreenRect(40, 110, 200, 30) });

        var p = First("Type hello into the 2nd textbox", page);

        Assert.AreEqual(2, Target(p), p.Reason);
    }

    [TestMethod]
    public void Ground_ThirdCheckbox_IsTheThirdCheckbox()
    {
        var page = Page(
            E(1, "checkbox", "apple", 10) with { Checked = false },
            E(2, "checkbox", "pear", 50) with { Checked = false },
            E(3, "checkbox", "plum", 90) with { Checked = false },
            E(4, "button", "Submit", 130));

        var p = First("Check the 3rd checkbox", page);

        Assert.AreEqual(3, Target(p), p.Reason);
    }

    [TestMethod]
    public void Ground_FieldCalledX_UsesTheNameAfterCalled()
    {
        var page = Page(
            new UiElement { Id = 1, Role = "textbox", Name = "Title", Bounds = new ScreenRect(40, 10, 200, 30) },
            new UiElement { Id = 2, Role = "textbox", Name = "Comment", Bounds = new ScreenRect(40, 60, 200, 30) });

        var p = First("Type nice into the field called Comment", page);

        Assert.AreEqual(2, Target(p), p.Reason);
    }

    [TestMethod]
    public void Ground_BothTextFieldsWithTwoValues_FillsThemInOrder()
    {
        var page = Page(
            new UiElement { Id = 1, Role = "textbox", Bounds = new ScreenRect(40, 10, 200, 30) },
            new UiElement { Id = 2, Role = "textbox", Bounds = new ScreenRect(40, 60, 200, 30) },
            E(3, "button", "Submit", 110));
        var task = "Enter \"alpha\" and \"beta\" into both text fields";
        var steps = StepInterpreter.Parse(task);

        var first = _interpreter.Ground(steps[0], page);
        var second = steps.Count > 1 ? _interpreter.Ground(steps[1], page) : null;

        Assert.AreEqual(2, steps.Count, string.Join(" | ", steps));
        Assert.AreEqual(1, first.Element?.Id, first.Reason);
        Assert.AreEqual("alpha", ((TypeTextAction)first.Action!).Text);
        Assert.AreEqual(2, second!.Element?.Id, second.Reason);
        Assert.AreEqual("beta", ((TypeTextAction)second.Action!).Text);
    }

    [TestMethod]
    public void Ground_VisibleElementOfTheSameName_WinsOverAnOffscreenOne()
    {
        var page = Page(E(1, "button", "Save", 2000) with { IsOffscreen = true }, E(2, "button", "Save", 200));

        var p = First("Click Save", page);

        Assert.AreEqual(2, Target(p), p.Reason);
    }
}
