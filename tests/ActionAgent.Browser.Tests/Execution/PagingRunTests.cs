using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// Paged lists written here, run through the interpreter in real Chromium: "jump to the last page", "go to page 3" (on a
/// page whose table also holds a cell reading 3), an icon pager named only by aria-labels, and the honest end of the
/// list: "go to the next page" on the last page is never Completed.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class PagingRunTests
{
    private const string Grid = """
        <!doctype html><title>Clients</title>
        <h1>Clients</h1>
        <table><thead><tr><th>Name</th><th>Visits</th></tr></thead><tbody id="rows"></tbody></table>
        <div id="pager"></div>
        <script>
          const q = new URLSearchParams(location.search);
          const icons = q.has('icons');
          let page = Number(q.get('page') || 1);
          const pages = 5;
          function go(p) { page = Math.max(1, Math.min(pages, p)); draw(); }
          function link(text, p, label) {
            const b = icons ? document.createElement('button') : document.createElement('a');
            b.textContent = text;
            if (label) b.setAttribute('aria-label', label);
            if (!icons) b.href = '#';
            if (p === page && !icons) { const s = document.createElement('span'); s.textContent = text; return s; }
            if (icons && (p < 1 || p > pages)) b.disabled = true;
            b.onclick = e => { e.preventDefault(); go(p); };
            return b;
          }
          function draw() {
            const rows = document.getElementById('rows');
            rows.innerHTML = '';
            for (let i = (page - 1) * 5 + 1; i <= page * 5; i++) {
              const tr = document.createElement('tr');
              tr.innerHTML = `<td>Client ${i}</td><td>${i % 4}</td>`;
              rows.appendChild(tr);
            }
            const pager = document.getElementById('pager');
            pager.innerHTML = '';
            const parts = icons
              ? [link('«', 1, 'Go to first page'), link('‹', page - 1, 'Go to previous page'), link('›', page + 1, 'Go to next page'), link('»', pages, 'Go to last page')]
              : [link('First', 1), link('Prev', page - 1), ...[1, 2, 3, 4, 5].map(n => link(String(n), n)), link('Next', page + 1), link('Last', pages)];
            parts.forEach(p => { pager.appendChild(p); pager.appendChild(document.createTextNode(' ')); });
          }
          draw();
        </script>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("paging", ("/grid", Grid));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    private Task<RunResult> RunAsync(string query, string task) => pages.RunAsync("/grid" + query, task, TestContext.CancellationToken);

    private Task<string> FirstRowAsync() => pages.Session.Page.InnerTextAsync("#rows tr:first-child td:first-child");

    [TestMethod]
    public async Task RunAsync_JumpToTheVeryLastPage_ShowsTheLastRows()
    {
        var result = await RunAsync("", "With the pager under the grid, jump to the very last page.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("Client 21", await FirstRowAsync());
    }

    [TestMethod]
    public async Task RunAsync_GoToPageThree_ClicksThePagersThreeNotACell()
    {
        var result = await RunAsync("", "Open page 3 of the clients grid.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("Client 11", await FirstRowAsync());
    }

    [TestMethod]
    public async Task RunAsync_IconPagerNamedByAriaLabels_GoesToTheNextPage()
    {
        var result = await RunAsync("?icons", "Go to the next page.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("Client 6", await FirstRowAsync());
    }

    [TestMethod]
    public async Task RunAsync_NextPageOnTheLastPage_IsNotCompleted()
    {
        var result = await RunAsync("?icons&page=5", "Go to the next page.");

        Assert.AreNotEqual(RunStatus.Completed, result.Status, "claimed: " + result.Message);
        Assert.AreEqual("Client 21", await FirstRowAsync());
    }
}
