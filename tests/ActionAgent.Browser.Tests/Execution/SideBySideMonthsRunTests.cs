using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// A date picker that shows several months side by side (as jQuery UI's numberOfMonths does): "in the middle month, click
/// the 10th" picks the 10th of the month in the middle, "in the July one, click the 3rd" the month named, and a place that names
/// no month shown (the middle of two, a fourth of three) picks nothing rather than the first month's day.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class SideBySideMonthsRunTests
{
    private const string Picker = """
        <!doctype html><title>Stay</title>
        <style> .month { display: inline-block; vertical-align: top; margin: 8px; } .month a { display: inline-block; width: 24px; } </style>
        <label>Arrival <input id="date" readonly></label>
        <div id="cal"></div>
        <script>
          const names = ['January','February','March','April','May','June','July','August','September','October','November','December'];
          const count = +(new URLSearchParams(location.search).get('months') || 3);
          const cal = document.getElementById('cal');
          for (let k = 0; k < count; k++) {
            const m = 4 + k, days = new Date(2026, m + 1, 0).getDate();
            const box = document.createElement('div'); box.className = 'month';
            box.innerHTML = '<div class="title">' + names[m] + ' 2026</div>';
            for (let d = 1; d <= days; d++) {
              const a = document.createElement('a'); a.href = '#'; a.textContent = d;
              a.onclick = e => { e.preventDefault(); cal.querySelectorAll('a.on').forEach(x => x.className = ''); a.className = 'on'; document.getElementById('date').value = '2026-' + String(m + 1).padStart(2, '0') + '-' + String(d).padStart(2, '0'); };
              box.appendChild(a);
              if (d % 7 === 0) box.appendChild(document.createElement('br'));
            }
            cal.appendChild(box);
          }
        </script>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) =>
        pages = await InterpreterPages.StartAsync("side-by-side-months", ("/stay", Picker));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    private static Task<string> DateAsync() => pages.Session.Page.InputValueAsync("#date");

    [TestMethod]
    [DataRow("/stay", "The calendar shows three months side by side; in the middle month, click the 10th.", "2026-06-10")]
    [DataRow("/stay", "In the last month shown, click the 2nd.", "2026-07-02")]
    [DataRow("/stay", "In the July one, click the 3rd.", "2026-07-03")]
    [DataRow("/stay", "Click the 14th.", "2026-05-14")]
    public async Task RunAsync_ADayInAMonthNamedByPlaceOrName_PicksItInThatMonth(string path, string task, string expected)
    {
        var result = await pages.RunAsync(path, task, TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual(expected, await DateAsync());
    }

    [TestMethod]
    [DataRow("/stay?months=2", "In the middle month, click the 10th.")]
    [DataRow("/stay", "In the fourth month, click the 10th.")]
    [DataRow("/stay", "In the October one, click the 3rd.")]
    public async Task RunAsync_APlaceThatNamesNoMonthShown_PicksNothing(string path, string task)
    {
        var result = await pages.RunAsync(path, task, TestContext.CancellationToken);

        Assert.AreNotEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("", await DateAsync());
    }
}
