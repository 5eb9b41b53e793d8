using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// A grid edited in place, in real Chromium, through the interpreter, the policy and the DOM effect verifier. The grid is
/// written here the way script grids draw themselves: its header is a table of its own (div header cells, no th), the
/// price cell is two spans, and a cell is edited only after a double-click: a text box in the cell (Enter saves), a list
/// under the cell (Enter saves), or a text area (a click off it saves; Enter is a new line, Tab saves and opens the next
/// cell). Hostile variants save into the row below, lose the edit, or change another cell too: the run must never say
/// done when the cell asked for does not read the value, or when another cell changed with it.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class GridCellRunTests
{
    private const string Grid = """
        <!doctype html><title>Books</title>
        <style> td { padding: 6px; border: 1px solid #ddd; height: 22px; } .hdrcell { font-weight: bold; padding: 4px 6px; } table { border-collapse: collapse; table-layout: fixed; } </style>
        <h1>Book stock</h1>
        <div id="box">
          <table class="hdr"><tr><td style="width: 70px"><div class="hdrcell">Sales</div></td><td style="width: 160px"><div class="hdrcell">Book Title</div></td><td style="width: 120px"><div class="hdrcell">Author</div></td><td style="width: 80px"><div class="hdrcell">Price</div></td><td style="width: 90px"><div class="hdrcell">Shipping</div></td></tr></table>
          <table class="body"><tbody></tbody></table>
        </div>
        <script>
          const q = new URLSearchParams(location.search);
          const cols = ['sales', 'title', 'author', 'price', 'ship'];
          const widths = [70, 160, 120, 80, 90];
          const ships = ['1 Hour', '12 Hours', '24 Hours', '2 days', '1 week'];
          window.rows = [
            { sales: '-1500', title: 'A Time to Kill', author: 'John Grisham', price: '12.99', ship: '24 Hours' },
            { sales: '1000', title: 'The Green Mile', author: 'Stephen King', price: '11.10', ship: '24 Hours' },
            { sales: '-200', title: 'It', author: 'Stephen King', price: '9.70', ship: '2 days' },
            { sales: '350', title: 'Cousin Bette', author: 'Honore de Balzac', price: '0', ship: '1 Hour' },
            { sales: '4500', title: 'Alice in Wonderland', author: 'Lewis Carroll', price: '4.15', ship: '1 Hour' },
          ];
          function show(r, c) {
            const v = rows[r][cols[c]];
            if (c === 3) return '<span>$</span><span style="color: green">' + v + '</span>';
            if (c === 0) return '<span style="color: ' + (v.startsWith('-') ? 'red' : 'green') + '">' + v + '</span>';
            return v;
          }
          function draw() {
            document.querySelector('.body tbody').innerHTML = rows.map((row, r) => '<tr>' + cols.map((_, c) => '<td style="width: ' + widths[c] + 'px">' + show(r, c) + '</td>').join('') + '</tr>').join('');
          }
          let editing = null;
          function save(value) {
            const { r, c, el } = editing;
            editing = null;
            el.remove();
            if (!q.has('lose')) rows[q.has('below') ? Math.min(r + 1, rows.length - 1) : r][cols[c]] = value;
            if (q.has('also')) rows[(r + 1) % rows.length].price = '0';
            draw();
          }
          // A click anywhere off the open editor saves it, as script grids do.
          document.addEventListener('click', (ev) => { if (editing && ev.target !== editing.el) save(editing.el.value); });
          document.querySelector('.body').addEventListener('dblclick', (ev) => {
            const td = ev.target.closest('td');
            if (!td || editing) return;
            const r = td.parentElement.rowIndex, c = td.cellIndex;
            const old = rows[r][cols[c]];
            let el;
            if (c === 4) {
              el = document.createElement('select'); el.size = 5; el.innerHTML = ships.map(s => '<option>' + s + '</option>').join(''); el.value = old;
              const b = td.getBoundingClientRect();
              el.style = 'position: absolute; left: ' + (b.left + scrollX) + 'px; top: ' + (b.bottom + scrollY) + 'px; width: ' + b.width + 'px';
              document.body.appendChild(el);
              el.addEventListener('keydown', (k) => { if (k.key === 'Enter') save(el.value); });
            } else if (c === 2) {
              el = document.createElement('textarea'); el.value = old;
              const b = td.getBoundingClientRect();
              el.style = 'position: absolute; left: ' + (b.left + scrollX) + 'px; top: ' + (b.bottom + scrollY) + 'px; width: 200px; height: 60px';
              document.body.appendChild(el);
              // Tab saves and opens the next cell's editor (Enter is a new line).
              el.addEventListener('keydown', (k) => { if (k.key === 'Tab') { k.preventDefault(); save(el.value); document.querySelector('.body').rows[r].cells[c + 1].dispatchEvent(new MouseEvent('dblclick', { bubbles: true })); } });
            } else {
              el = document.createElement('input'); el.value = old; el.style = 'width: 90%';
              td.innerHTML = ''; td.appendChild(el);
              el.addEventListener('keydown', (k) => { if (k.key === 'Enter') save(el.value); });
            }
            editing = { r, c, el };
            el.focus();
          });
          draw();
        </script>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("grid", ("/books", Grid));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    private Task<RunResult> RunAsync(string query, string task) => pages.RunAsync("/books" + query, task, TestContext.CancellationToken);

    private Task<string> CellAsync(int row, string column) => pages.Session.Page.EvaluateAsync<string>($"() => rows[{row}]['{column}']");

    private Task<string> AllAsync() => pages.Session.Page.EvaluateAsync<string>("() => JSON.stringify(rows)");

    [TestMethod]
    [DataRow("Set the price of The Green Mile to 13.50.", 1, "price", "13.50")]
    [DataRow("In the books grid, change the title \"It\" to \"It (hardcover)\".", 2, "title", "It (hardcover)")]
    [DataRow("The Sales figure for Cousin Bette should read 1750.", 3, "sales", "1750")]
    [DataRow("Change the Shipping time of \"Cousin Bette\" to 1 week.", 3, "ship", "1 week")]
    [DataRow("For the last book in the grid, change the Author to L. Carroll.", 4, "author", "L. Carroll")]
    [DataRow("Set Cousin Bette's price to 10.99", 3, "price", "10.99")]
    public async Task RunAsync_ACellNamedByItsColumnAndRow_IsEditedInPlaceAndReadBack(string task, int row, string column, string expected)
    {
        var result = await RunAsync("", task);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual(expected, await CellAsync(row, column), result.Message);
        StringAssert.Contains(result.Message, "reads", "done is said from what the cell shows");
    }

    [TestMethod]
    public async Task RunAsync_AGridThatSavesIntoTheRowBelow_IsNotReportedDone()
    {
        var result = await RunAsync("?below=1", "Set the price of The Green Mile to 13.50.");

        Assert.AreNotEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("11.10", await CellAsync(1, "price"));
        StringAssert.Contains(result.Message, "The Green Mile");
    }

    [TestMethod]
    [DataRow("Set the price of The Green Mile to 13.50.")]
    [DataRow("For the last book in the grid, change the Author to L. Carroll.")]
    public async Task RunAsync_AGridThatAlsoChangesAnotherCell_IsNotReportedDone(string task)
    {
        var result = await RunAsync("?also=1", task);

        Assert.AreNotEqual(RunStatus.Completed, result.Status, result.Message);
        StringAssert.Contains(result.Message, "also changed");
    }

    [TestMethod]
    public async Task RunAsync_ATextAreaEditor_IsClosedByAClickAwayNotByTab()
    {
        var result = await RunAsync("", "For the last book in the grid, change the Author to L. Carroll.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("L. Carroll", await CellAsync(4, "author"));
        Assert.AreEqual("4.15", await CellAsync(4, "price"), "the next cell was not opened or changed");
        Assert.AreEqual(0, await pages.Session.Page.Locator("input, select, textarea").CountAsync(), "no editor is left open");
    }

    [TestMethod]
    public async Task RunAsync_AGridThatLosesTheEdit_IsNotReportedDone()
    {
        var result = await RunAsync("?lose=1", "Change the Shipping time of \"Cousin Bette\" to 1 week.");

        Assert.AreNotEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("1 Hour", await CellAsync(3, "ship"));
    }

    [TestMethod]
    public async Task RunAsync_ARowTheGridDoesNotHave_ChangesNothing()
    {
        await pages.Session.Page.GotoAsync(pages.Server.Url("/books"));
        var before = await AllAsync();
        var result = await RunAsync("", "Set the price of The Shining to 8.99.");

        Assert.AreNotEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual(before, await AllAsync());
    }

    [TestMethod]
    public async Task RunAsync_ACellThatAlreadyReadsTheValue_IsNotEdited()
    {
        var result = await RunAsync("", "Set the price of It to 9.70");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        StringAssert.Contains(result.Message, "reads");
        Assert.AreEqual(0, await pages.Session.Page.Locator("input, select, textarea").CountAsync(), "no editor was opened");
    }
}
