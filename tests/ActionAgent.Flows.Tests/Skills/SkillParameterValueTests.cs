using ActionAgent.Flows.Definition;
using ActionAgent.Flows.Skills;

namespace ActionAgent.Flows.Tests.Skills;

/// <summary>Values given for a parameter (a model's run_skill params, an answer at the prompt): read as the type, or refused.</summary>
[TestClass]
public sealed class SkillParameterValueTests
{
    private static SkillParameter Of(SkillParameterType type) =>
        new("p", type, SourceLocation.None) { Options = type == SkillParameterType.Option ? ["Damaged item", "Late delivery"] : [] };

    [TestMethod]
    [DataRow("15", "15.00")]
    [DataRow("$15", "15.00")]
    [DataRow("15 dollars", "15.00")]
    [DataRow("1,250.5", "1250.50")]
    [DataRow("abc", null)]
    [DataRow("-5", null)]
    [DataRow("15 dollars and a pen", null)]
    [DataRow("", null)]
    public void Read_Money_IsAnAmountWithTwoDecimalsOrRefused(string given, string? expected) =>
        Assert.AreEqual(expected, SkillParameterValue.Read(Of(SkillParameterType.Money), given), given);

    [TestMethod]
    [DataRow("late delivery", "Late delivery")]
    [DataRow("Arrived late", null)]
    public void Read_Option_IsOneOfTheOptionsAsListedOrRefused(string given, string? expected) =>
        Assert.AreEqual(expected, SkillParameterValue.Read(Of(SkillParameterType.Option), given), given);

    [TestMethod]
    [DataRow("#1045", "1045")]
    [DataRow("10a", null)]
    public void Read_Number_IsDigitsOrRefused(string given, string? expected) =>
        Assert.AreEqual(expected, SkillParameterValue.Read(Of(SkillParameterType.Number), given), given);

    [TestMethod]
    [DataRow("2025-01-15", "2025-01-15")]
    [DataRow("March 22, 2025", "2025-03-22")]
    [DataRow("next Friday", null)]
    [DataRow("2025-02-30", null)]
    public void Read_Date_IsYearMonthDayOrRefused(string given, string? expected) =>
        Assert.AreEqual(expected, SkillParameterValue.Read(Of(SkillParameterType.Date), given), given);
}
