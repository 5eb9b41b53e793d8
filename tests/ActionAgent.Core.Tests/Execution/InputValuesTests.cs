using ActionAgent.Core.Execution;

namespace ActionAgent.Core.Tests.Execution;

[TestClass]
public sealed class InputValuesTests
{
    [TestMethod]
    [DataRow("date", "05/20/2010", "2010-05-20")]
    [DataRow("date", "May 20, 2010", "2010-05-20")]
    [DataRow("date", "2010-05-20", "2010-05-20")]
    [DataRow("time", "2:30 PM", "14:30")]
    [DataRow("month", "May 2010", "2010-05")]
    [DataRow("datetime-local", "05/20/2010 14:30", "2010-05-20T14:30")]
    public void TryConvert_WrittenValue_BecomesTheControlsForm(string kind, string written, string expected)
    {
        Assert.IsTrue(InputValues.TryConvert(kind, written, out var value));
        Assert.AreEqual(expected, value);
    }

    [TestMethod]
    public void TryConvert_TextThatIsNoDate_IsLeftAlone()
    {
        Assert.IsFalse(InputValues.TryConvert("date", "next Tuesday", out var value));
        Assert.AreEqual("next Tuesday", value);
        Assert.IsFalse(InputValues.TryConvert("text", "05/20/2010", out _));
    }

    [TestMethod]
    [DataRow("ops", "ops", null)]
    [DataRow("Ops  Team", "ops team", null)]
    [DataRow("42", "42.00", "number")]
    [DataRow("05/20/2010", "2010-05-20", "date")]
    [DataRow("5551234567", "(555) 123-4567", "tel")]
    [DataRow("555-123-4567", "5551234567", "tel")]
    public void Reads_ValueAsTheControlFormatsIt_Counts(string typed, string shown, string? kind)
    {
        Assert.IsTrue(InputValues.Reads(typed, shown, kind, out var how), how);
    }

    [TestMethod]
    [DataRow("SPRING10", "SPRI")]
    [DataRow("ops", "")]
    [DataRow("87", "8")]
    [DataRow("Alice", "Bob")]
    [DataRow("2024-12-24", "20241224")]
    [DataRow("12/24/2024", "12242024")]
    public void Reads_ValueTheFieldDidNotTake_DoesNotCount(string typed, string shown)
    {
        Assert.IsFalse(InputValues.Reads(typed, shown, "text", out _));
    }
}
