using ActionAgent.Core.Decision.Interpretation;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// Wordings of batch 22 that a person uses to look at a page or tab and come back, or to follow a link, and that the
/// parser read as one unknown step ("Peek at the Upload tab" was not understood; "Go to Services, follow its link …" was
/// one target). Each verb here is a click, each "come back to" / "return to" a click on what is named, and a "Mark …
/// as not done" unticks.
/// </summary>
[TestClass]
public sealed class LookAndReturnParseTests
{
    private static string Show(IEnumerable<InterpretedStep> steps) =>
        string.Join(" | ", steps.Select(s => $"{s.Kind} t=[{s.Target}] c=[{s.Context}]"));

    [TestMethod]
    [DataRow("Peek at the Upload tab, then return to Information.", "Click t=[the Upload tab] c=[] | Click t=[Information] c=[]")]
    [DataRow("Have a look at the Form page and come back to the start page.", "Click t=[the Form page] c=[] | Click t=[the start page] c=[]")]
    [DataRow("Go to Services, follow its link to the About page.", "Click t=[Services] c=[] | Click t=[the link to the About page] c=[Services]")]
    [DataRow("Glance at the Photos tab.", "Click t=[the Photos tab] c=[]")]
    [DataRow("Mark it as not done.", "Uncheck t=[it] c=[]")]
    [DataRow("Mark the meeting with Adrian as incomplete.", "Uncheck t=[the meeting with Adrian] c=[]")]
    public void Parse_LookingReturningFollowingAndUndoing_AreStepsOfTheirOwn(string task, string expected) =>
        Assert.AreEqual(expected, Show(StepInterpreter.Parse(task)));
}
