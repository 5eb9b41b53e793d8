using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// "In the Validation wizard, enter the name Jo": the place is a heading ("Validation") followed by what the section is
/// (a wizard, a form, a table). Laid out like a held-out page (Equation's Bootstrap Wizard: four wizards in two columns,
/// each under its h4, each with a Name field, the lower two below the fold). Before, "wizard" kept the place from naming the heading, the first wizard's Name field was
/// found and the place check refused it, so nothing was done; a place whose words name no heading still acts nowhere.
/// </summary>
[TestClass]
public sealed class KindWordPlaceTests
{
    private static readonly string[] Wizards = ["Simple Tab", "Simple Pill", "Progress", "Validation"];

    private static Observation Page()
    {
        var elements = new List<UiElement>
        {
            new() { Id = 1, Role = "heading", Tag = "h3", Level = 3, Name = "Bootstrap Wizard", Bounds = new ScreenRect(20, 40, 180, 40) },
        };
        // Two columns of wizards, as on the page: the third (bottom left) and the fourth (bottom right) below the fold; the
        // page title is narrow, over the left column only (so only the left column's fields have "wizard" around them).
        for (var w = 0; w < Wizards.Length; w++)
        {
            var (left, top) = (40 + (w % 2 * 560), 100 + (w / 2 * 700));
            var off = top > 700;
            elements.Add(new UiElement { Id = (w + 1) * 100, Role = "heading", Tag = "h4", Level = 4, Name = Wizards[w], IsOffscreen = off, Bounds = new ScreenRect(left, top, 500, 60) });
            elements.Add(new UiElement { Id = (w + 1) * 100 + 1, Role = "tab", Tag = "a", Name = "Account", Selected = true, TabList = w + 1, IsOffscreen = off, Bounds = new ScreenRect(left, top + 80, 120, 30) });
            elements.Add(new UiElement { Id = (w + 1) * 100 + 2, Role = "tab", Tag = "a", Name = "Details", Selected = false, TabList = w + 1, IsOffscreen = off, Bounds = new ScreenRect(left + 130, top + 80, 120, 30) });
            elements.Add(new UiElement { Id = (w + 1) * 100 + 3, Role = "textbox", Tag = "input", InputType = "text", Name = "Name", IsOffscreen = off, Bounds = new ScreenRect(left + 40, top + 200, 450, 38) });
            elements.Add(new UiElement { Id = (w + 1) * 100 + 4, Role = "button", Tag = "a", Name = "Next", IsOffscreen = off, Bounds = new ScreenRect(left + 400, top + 400, 80, 30) });
        }

        return GroundingPages.Page([.. elements]);
    }

    private static async Task<BrowserAction> FirstActionAsync(string task)
    {
        var interpreter = new StepInterpreter(new StepInterpreterOptions());
        var proposal = await interpreter.DecideAsync(new DecisionContext("run", task, 1, Page(), []));
        return proposal.Action;
    }

    [TestMethod]
    [DataRow("In the Validation wizard, enter the name Jo.", 403)]
    [DataRow("In the Validation wizard, enter only the name Jo and press Next.", 403)]
    [DataRow("Progress wizard: type Marco as the name.", 303)]
    [DataRow("Simple Pill wizard: type Marco as the name.", 203)]
    [DataRow("Type Marco into the Name field of the Simple Pill wizard.", 203)]
    [DataRow("In the Simple Tab wizard, enter the name Jo.", 103)]
    [DataRow("Open the second tab of the Validation wizard.", 402)]
    public async Task Decide_APlaceThatIsAHeadingAndWhatItIs_ActsInThatSection(string task, int expected)
    {
        var action = await FirstActionAsync(task);

        Assert.AreEqual(expected, action.PrimaryTarget?.ElementId, action.Describe());
    }

    [TestMethod]
    [DataRow("In the Payment wizard, enter the name Jo.")]
    public async Task Decide_APlaceThatNamesNoHeading_TypesNowhere(string task)
    {
        var action = await FirstActionAsync(task);

        Assert.IsNull(action.PrimaryTarget, action.Describe());
    }
}
