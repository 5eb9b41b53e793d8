using ActionAgent.Browser.Tests.Support;

namespace ActionAgent.Browser.Tests.Perception;

/// <summary>
/// Text in a run of like boxes drawn with divs (a month grid, a board of cards) far from any control: what a person points
/// at ("the 22nd", "the third card"), so it is listed like a list item or a table cell. Before, only text within 150 px
/// of a control was, and a month grid lost the days of its lower rows (a calendar of 21 days is none).
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class RepeatedItemsTests
{
    private const string Grid = """
        <!doctype html><title>Board</title>
        <style>.row { display: flex; } .cell { width: 120px; height: 90px; border: 1px solid #ccc; } .far { margin-top: 260px; }</style>
        <button>Save</button>
        <div class="far">
          <div class="row"><div class="cell"><span>Alpha</span></div><div class="cell"><span>Bravo</span></div><div class="cell"><span>Charlie</span></div></div>
          <div class="row"><div class="cell"><span>Delta</span></div><div class="cell"><span>Echo</span></div><div class="cell"><span>Foxtrot</span></div></div>
        </div>
        <p style="margin-top: 260px">A lone remark far from everything.</p>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("repeated", ("/grid", Grid));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    [TestMethod]
    public async Task Observe_TextInRunsOfLikeBoxesFarFromAnyControl_IsListedAndALoneRemarkIsNot()
    {
        await pages.Session.Page.GotoAsync(pages.Server.Url("/grid"));
        var page = await pages.Session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);

        var names = page.Elements.Select(e => e.Name).ToList();
        foreach (var cell in new[] { "Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot" })
        {
            CollectionAssert.Contains(names, cell, string.Join("; ", page.Elements));
        }

        CollectionAssert.DoesNotContain(names, "A lone remark far from everything.");
    }
}
