using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// Sorting a table by a column in real Chromium, through the interpreter, the policy and the DOM effect verifier. The
/// table is written here: clicking a header sorts by it ascending, then descending (as most table widgets do); prices,
/// file sizes with units and version numbers are compared as what they are. A hostile variant sorts versions as text
/// ("11.0.1" before "3.0.0"): asked for the lowest version first, the run must not say done.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class TableSortRunTests
{
    private const string Table = """
        <!doctype html><title>Parts</title>
        <style> th { cursor: pointer; padding: 4px 12px; } td { padding: 4px 12px; } </style>
        <table id="t"><thead><tr><th>Name</th><th>Price</th><th>Size</th><th>Version</th></tr></thead><tbody></tbody></table>
        <script>
          const q = new URLSearchParams(location.search);
          const rows = [['Gear', '$12.09', '134.56 GB', '11.0.1'], ['Bolt', '$0.63', '124k', '31.0.1650.57'], ['Nut', '$2.78', '4.13 TiB', '3.0.0'], ['Axle', '$5.50', '134 B', '3.1.2']];
          const size = (t) => { const m = /([\d.]+)\s*([A-Za-z]*)/.exec(t); return +m[1] * Math.pow(1024, 'BKMGT'.indexOf((m[2][0] || 'B').toUpperCase())); };
          const ver = (a, b) => { const x = a.split('.').map(Number), y = b.split('.').map(Number); for (let i = 0; i < Math.max(x.length, y.length); i++) { if ((x[i] || 0) !== (y[i] || 0)) return (x[i] || 0) - (y[i] || 0); } return 0; };
          const cmp = [(a, b) => a.localeCompare(b), (a, b) => +a.slice(1) - +b.slice(1), (a, b) => size(a) - size(b), q.has('textual') ? (a, b) => a.localeCompare(b) : ver];
          let by = -1, dir = 1;
          function draw() { document.querySelector('tbody').innerHTML = rows.map(r => '<tr>' + r.map(c => '<td>' + c + '</td>').join('') + '</tr>').join(''); }
          document.querySelectorAll('th').forEach((th, i) => th.onclick = () => {
            dir = by === i ? -dir : 1; by = i;
            rows.sort((a, b) => dir * cmp[i](a[i], b[i])); draw();
          });
          if (q.has('sorted')) { rows.sort((a, b) => cmp[1](a[1], b[1])); }
          draw();
        </script>
        """;

    // Two tables with a date column each: a small one described by its place and columns, and another above it.
    private const string TwoTables = """
        <!doctype html><title>Players</title>
        <h1>A small and simple sorting table</h1>
        <table id="a"><thead><tr><th>Who</th><th>Birthday</th></tr></thead><tbody><tr><td>Ann</td><td>12-05-1955</td></tr><tr><td>Bob</td><td>04/07/1975</td></tr><tr><td>Cy</td><td>1/09/1966</td></tr></tbody></table>
        <h2>Events</h2>
        <p>Listeners fire before and after each sort.</p>
        <table id="b"><thead><tr><th>Name</th><th>Born</th></tr></thead><tbody><tr><td>Armstrong</td><td>1901</td></tr><tr><td>Davis</td><td>1926</td></tr><tr><td>Baker</td><td>1929</td></tr><tr><td>Bix</td><td>1903</td></tr></tbody></table>
        <script>
          document.querySelectorAll('table').forEach(t => t.querySelectorAll('th').forEach((th, i) => { let dir = 1; th.onclick = () => {
            const body = t.tBodies[0]; const rows = [...body.rows];
            const key = (r) => { const v = r.cells[i].textContent; return /^\d{4}$/.test(v) ? +v : Date.parse(v.replace(/-/g, '/')) || v; };
            rows.sort((x, y) => dir * (key(x) > key(y) ? 1 : key(x) < key(y) ? -1 : 0)); dir = -dir; rows.forEach(r => body.appendChild(r));
          }; }));
        </script>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("sort", ("/parts", Table), ("/players", TwoTables));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    private Task<RunResult> RunAsync(string query, string task) => pages.RunAsync("/parts" + query, task, TestContext.CancellationToken);

    private Task<string[]> NamesAsync() => pages.Session.Page.Locator("tbody tr td:first-child").AllInnerTextsAsync().ContinueWith(t => t.Result.ToArray());

    [TestMethod]
    public async Task RunAsync_SortByPriceCheapestFirst_TheRowsReadByPriceAscending()
    {
        var result = await RunAsync("", "Sort the table by Price so that the cheapest part is listed first.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        CollectionAssert.AreEqual(new[] { "Bolt", "Nut", "Axle", "Gear" }, await NamesAsync());
    }

    [TestMethod]
    public async Task RunAsync_BiggestSizeOnTop_UnitsCountAndTheHeaderIsClickedTwice()
    {
        var result = await RunAsync("", "Sort the parts by Size, biggest on top.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        CollectionAssert.AreEqual(new[] { "Nut", "Gear", "Bolt", "Axle" }, await NamesAsync(), "4.13 TiB > 134.56 GB > 124k > 134 B");
    }

    // A column named by its place: counted left to right (the third is Size), never matched by words.
    [TestMethod]
    public async Task RunAsync_SortByItsThirdColumnDescending_SortsSize()
    {
        var result = await RunAsync("", "Sort the table by its third column in descending order.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        CollectionAssert.AreEqual(new[] { "Nut", "Gear", "Bolt", "Axle" }, await NamesAsync());
    }

    [TestMethod]
    public async Task RunAsync_SortByAColumnTheTableDoesNotHave_FailsSayingSo()
    {
        var result = await RunAsync("", "Sort the table by its sixth column.");

        Assert.AreNotEqual(RunStatus.Completed, result.Status, result.Message);
        StringAssert.Contains(result.Message, "4 column");
    }

    [TestMethod]
    public async Task RunAsync_LowestVersionFirst_VersionsCompareByTheirParts()
    {
        var result = await RunAsync("", "Order the rows by the Version column, lowest version first.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        CollectionAssert.AreEqual(new[] { "Nut", "Axle", "Gear", "Bolt" }, await NamesAsync());
    }

    [TestMethod]
    public async Task RunAsync_ATableThatSortsVersionsAsText_IsNeverReportedSorted()
    {
        var result = await RunAsync("?textual", "Order the rows by the Version column, lowest version first.");

        Assert.AreNotEqual(RunStatus.Completed, result.Status, result.Message);
    }

    [TestMethod]
    public async Task RunAsync_AColumnAlreadyInOrder_IsDoneWithoutAClick()
    {
        var result = await RunAsync("?sorted", "Sort the table by Price, cheapest first.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        StringAssert.Contains(result.Message, "ascending");
        CollectionAssert.AreEqual(new[] { "Bolt", "Nut", "Axle", "Gear" }, await NamesAsync());
    }

    [TestMethod]
    public async Task RunAsync_NoColumnNamed_TheDateColumnTheDescriptionNamesIsSorted_NeverAnotherTables()
    {
        await pages.Session.Page.GotoAsync(pages.Server.Url("/players"));
        var first = await pages.Session.Page.Locator("#a tbody td:first-child").AllInnerTextsAsync();

        var result = await InterpreterRun.RunAsync(pages.Session, pages.Recordings,
            "In the Events section there is a small table of trumpeters (Name / Born). Sort it so the youngest player is on top.", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        CollectionAssert.AreEqual(new[] { "Baker", "Davis", "Bix", "Armstrong" }, (await pages.Session.Page.Locator("#b tbody td:first-child").AllInnerTextsAsync()).ToArray());
        CollectionAssert.AreEqual(first.ToArray(), (await pages.Session.Page.Locator("#a tbody td:first-child").AllInnerTextsAsync()).ToArray(), "the other table is not touched");
    }
}
