using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// "Tick the last box in the Checkboxes group" on a form where a bold title sits over four boxes: only the first boxes
/// are close enough to the title to have it as their nearby text, yet the group is all four, and it ends where the next
/// title starts. The box counted last is the fourth of that group, never the last one the title is near, nor a box of
/// the next group.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class GroupOrdinalRunTests
{
    private const string Form = """
        <!doctype html><title>Heroes</title>
        <style>label { display: block; margin: 14px 0; }</style>
        <form onsubmit="return false">
          <div><strong>Radio Buttons</strong>
            <label><input type="radio" name="r" id="yes"> Yes</label><label><input type="radio" name="r" id="no"> No</label></div>
          <div><strong>Checkboxes</strong>
            <label><input type="checkbox" id="wolverine"> Wolverine (must be checked)</label>
            <label><input type="checkbox" id="storm"> Storm</label>
            <label><input type="checkbox" id="cyclops"> Cyclops</label>
            <label><input type="checkbox" id="gambit"> Gambit</label></div>
          <div><strong>Extras</strong>
            <label><input type="checkbox" id="cape"> Cape</label>
            <label><input type="checkbox" id="mask"> Mask</label></div>
        </form>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("group-ordinal", ("/heroes", Form));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    private static Task<string> TickedAsync() =>
        pages.Session.Page.EvaluateAsync<string>("[...document.querySelectorAll('input:checked')].map(i => i.id).join(' ')");

    [TestMethod]
    [DataRow("Tick the last box in the Checkboxes group.", "gambit")]
    [DataRow("Tick the third box in the Checkboxes group.", "cyclops")]
    [DataRow("Tick the last box in the Extras group.", "mask")]
    public async Task RunAsync_ABoxCountedInATitledGroup_CountsTheWholeGroupAndOnlyIt(string task, string expected)
    {
        var result = await pages.RunAsync("/heroes", task, TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual(expected, await TickedAsync());
    }
}
