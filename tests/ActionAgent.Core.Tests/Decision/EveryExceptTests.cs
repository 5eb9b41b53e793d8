using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// "Every … except …" said the ways people say it: the state before the exceptions ("Mark every open task as done except
/// "Fix bug on a Website"", batch 22), the exception named by a row's title only, and a name before the kind word that
/// says which items ("every ticked Stephen King title", batch 21). Each is played out: grounded, the click applied, grounded
/// again, until the step says it is done.
/// </summary>
[TestClass]
public sealed class EveryExceptTests
{
    // A todo list whose rows toggle done on a click: each row's words are its title and a second line.
    private static List<UiElement> Todos() =>
    [
        new() { Id = 1, Role = "button", Tag = "li", Name = "Meet Adrian at 6pm Times Square", Checked = true, Bounds = new ScreenRect(0, 100, 600, 60) },
        new() { Id = 2, Role = "button", Tag = "li", Name = "Chat with V.Kudinov Skype conference an 9 am", Checked = false, Bounds = new ScreenRect(0, 160, 600, 60) },
        new() { Id = 3, Role = "button", Tag = "li", Name = "Watch Iron Man 1998 Broadway", Checked = false, Bounds = new ScreenRect(0, 220, 600, 60) },
        new() { Id = 4, Role = "button", Tag = "li", Name = "Fix bug on a Website As soon as possible", Checked = false, Bounds = new ScreenRect(0, 280, 600, 60) },
    ];

    // Two authors' books under their names, some ticked.
    private static List<UiElement> Books() =>
    [
        new() { Id = 1, Role = "heading", Tag = "h3", Name = "Stephen King", Level = 3, Bounds = new ScreenRect(10, 80, 400, 24) },
        new() { Id = 2, Role = "checkbox", Tag = "input", Name = "The Dead Zone", Checked = true, Bounds = new ScreenRect(20, 110, 300, 20) },
        new() { Id = 3, Role = "checkbox", Tag = "input", Name = "Misery", Checked = true, Bounds = new ScreenRect(20, 135, 300, 20) },
        new() { Id = 4, Role = "checkbox", Tag = "input", Name = "Dreamcatcher", Checked = false, Bounds = new ScreenRect(20, 160, 300, 20) },
        new() { Id = 5, Role = "heading", Tag = "h3", Name = "John Grisham", Level = 3, Bounds = new ScreenRect(10, 200, 400, 24) },
        new() { Id = 6, Role = "checkbox", Tag = "input", Name = "The Firm", Checked = true, Bounds = new ScreenRect(20, 230, 300, 20) },
    ];

    // Grounds the step, applies each click to the page, and grounds again, as the interpreter does; returns the ids clicked
    // and how it ended.
    private static (List<int> Clicked, StepGrounding Last) PlayOut(string task, List<UiElement> elements)
    {
        var step = StepInterpreter.Parse(task).Single();
        var clicked = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            var grounding = new StepInterpreter().Ground(step, GroundingPages.Page([.. elements]));
            if (grounding.Action?.PrimaryTarget?.ElementId is not { } id)
            {
                return (clicked, grounding);
            }

            clicked.Add(id);
            var at = elements.FindIndex(e => e.Id == id);
            elements[at] = elements[at] with { Checked = !(elements[at].Checked ?? false) };
        }

        Assert.Fail($"the step never ended: {string.Join(", ", clicked)}");
        return default;
    }

    [TestMethod]
    public void Parse_TheStateSaidBeforeTheExceptions_IsAnEveryStepWithThoseExceptions()
    {
        var step = StepInterpreter.Parse("Mark every open task as done except \"Fix bug on a Website\".").Single();

        Assert.AreEqual((StepKind.Check, true, "Fix bug on a Website"), (step.Kind, step.Every, step.Except.SingleOrDefault()), step.ToString());
    }

    [TestMethod]
    public void Run_MarkEveryOpenTaskDoneExceptOneNamedByItsTitle_ClicksTheOtherOpenRowsOnly()
    {
        var (clicked, last) = PlayOut("Mark every open task as done except \"Fix bug on a Website\".", Todos());

        CollectionAssert.AreEqual(new[] { 2, 3 }, clicked, last.Reason);
        Assert.AreEqual(GroundingStatus.AlreadyDone, last.Status, last.Reason);
    }

    [TestMethod]
    public void Run_AnExceptionThatIsNoRowsTitle_ClicksNothing()
    {
        var (clicked, last) = PlayOut("Mark every open task as done except \"Call the bank\".", Todos());

        Assert.AreEqual(0, clicked.Count, $"clicked {string.Join(", ", clicked)}: {last.Reason}");
        Assert.AreEqual(GroundingStatus.NotFound, last.Status, last.Reason);
    }

    [TestMethod]
    public void Run_UntickEveryTickedTitleOfANamedAuthorExceptOne_LeavesTheOtherAuthorAlone()
    {
        var (clicked, last) = PlayOut("Untick every ticked Stephen King title except The Dead Zone.", Books());

        CollectionAssert.AreEqual(new[] { 3 }, clicked, last.Reason);
        Assert.AreEqual(GroundingStatus.AlreadyDone, last.Status, last.Reason);
    }

    [TestMethod]
    public void Run_EveryTitleOfANameThePageDoesNotShow_UnticksNothing()
    {
        var (clicked, last) = PlayOut("Untick every ticked Stephen Fry title.", Books());

        Assert.AreEqual(0, clicked.Count, $"clicked {string.Join(", ", clicked)}: {last.Reason}");
    }

    [TestMethod]
    public void Parse_LowerCaseWordsBeforeTheKind_AreTheKindNotAPlace()
    {
        var step = StepInterpreter.Parse("Tick every todo item except Milk.").Single();

        Assert.AreEqual((true, (string?)null, "Milk"), (step.Every, step.Context, step.Except.SingleOrDefault()), step.ToString());
    }
}
