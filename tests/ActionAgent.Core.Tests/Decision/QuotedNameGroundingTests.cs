using ActionAgent.Core.Decision.Interpretation;

using static ActionAgent.Core.Tests.Decision.GroundingPages;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// Words in quotes name the target exactly, also when they name it by where it is ("the box in front of "can check
/// 1-2-1""): an element whose label and surroundings lack a quoted word is no match, however many other words it
/// shares (the page that showed it is in the browser tests' QuotedPlaceRunTests); a label that holds the words still matches.
/// </summary>
[TestClass]
public sealed class QuotedNameGroundingTests
{
    private static readonly StepInterpreter Interpreter = new(new StepInterpreterOptions());

    [TestMethod]
    public void Ground_AQuotedNameTheLabelHolds_StillMatches()
    {
        var page = Page(E(1, "checkbox", "can check 1-2-1", 100) with { Checked = false }, E(2, "checkbox", "can check 1-2-2", 140) with { Checked = false });

        var g = Interpreter.Ground(StepInterpreter.Parse("Tick the box labelled \"can check 1-2-1\".").Single(), page);

        Assert.AreEqual(GroundingStatus.Grounded, g.Status, g.Reason);
        Assert.AreEqual(1, g.Action!.PrimaryTarget?.ElementId);
    }
}
