using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Execution;

using static ActionAgent.Core.Tests.Decision.GroundingPages;

namespace ActionAgent.Core.Tests.Execution;

/// <summary>Times of day as people write them, typed the way the field shows its own time.</summary>
[TestClass]
public sealed class SpokenTimesTests
{
    [TestMethod]
    [DataRow("a quarter past four in the afternoon", "13:14", "16:15")]
    [DataRow("half past nine", "08:00", "09:30")]
    [DataRow("a quarter to four", "13:14", "03:45")]
    [DataRow("7:45 am", "13:14", "07:45")]
    [DataRow("7:45 pm", "13:14", "19:45")]
    [DataRow("noon", "18:00", "12:00")]
    [DataRow("midnight", "1:14 PM", "12:00 AM")]
    [DataRow("22:30", "1:14 PM", "10:30 PM")]
    [DataRow("4 o'clock in the afternoon", "9:05", "16:00")]
    public void Adapt_ATimeInWords_IsWrittenAsTheFieldWritesTimes(string written, string shown, string expected)
    {
        Assert.AreEqual(expected, SpokenTimes.Adapt(written, shown));
    }

    [TestMethod]
    [DataRow("four apples", "13:14")]
    [DataRow("12", "13:14")]
    [DataRow("a quarter past four", "Ada Lovelace")]
    [DataRow("Buy milk", null)]
    public void Adapt_NoTimeOrAFieldShowingNoTime_LeavesTheTextAsWritten(string written, string? shown)
    {
        Assert.AreEqual(written, SpokenTimes.Adapt(written, shown));
    }

    [TestMethod]
    public void Ground_SetAPickerUnderItsHeadingToATimeInWords_TypesTheFieldsOwnForm()
    {
        var page = Page(E(1, "heading", "Default", 20), E(2, "textbox", "", 60) with { Value = "13:14" },
            E(3, "heading", "Place at left", 120), E(4, "textbox", "", 160) with { Value = "13:14" },
            E(5, "text", "Default", 900) with { Tag = "th" }, E(6, "textbox", "", 940) with { Value = "now" });
        var step = StepInterpreter.Parse("Set the \"Default\" time picker to a quarter past four in the afternoon (it uses the 24-hour clock).")[0];

        var g = new StepInterpreter().Ground(step, page);

        Assert.AreEqual(2, g.Element?.Id, g.Reason);
        Assert.AreEqual("16:15", ((ActionAgent.Core.Decision.TypeTextAction)g.Action!).Text, g.Reason);
    }
}
