using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// Removing steps on lists written here, run through the interpreter in real Chromium: a row's own remove button, a
/// row's actions menu whose Remove entry does the removing, and the trap where the remove button only selects the row
/// (the page changes, the item stays): never Completed.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class RemovalRunTests
{
    private const string List = """
        <!doctype html><title>Nodes</title>
        <h1>Nodes</h1>
        <ul id="nodes"></ul>
        <script>
          const q = new URLSearchParams(location.search);
          const editable = q.has('editable');
          const names = editable ? ['array', 'null', 'number'] : ['leaf node 1-3', 'leaf node 3-1', 'leaf node 3-2'];
          function draw() {
            const ul = document.getElementById('nodes');
            ul.innerHTML = '';
            names.forEach((n, i) => {
              const li = document.createElement('li');
              const span = document.createElement(editable ? 'div' : 'span'); span.textContent = n;
              if (editable) { span.contentEditable = 'true'; span.style.display = 'inline-block'; }
              if (q.has('menu')) {
                const more = document.createElement('button'); more.title = 'Click to open the actions menu'; more.style.cssText = 'width:20px;height:16px';
                more.onclick = () => {
                  const m = document.createElement('div'); m.setAttribute('role', 'menu');
                  const r = document.createElement('button'); r.setAttribute('role', 'menuitem'); r.textContent = 'Remove';
                  r.onclick = () => { names.splice(i, 1); draw(); };
                  m.appendChild(r); li.appendChild(m);
                };
                li.insertBefore(more, li.firstChild);
                li.appendChild(span);
              } else {
                li.appendChild(span);
                const rm = document.createElement('button'); rm.textContent = 'remove';
                rm.onclick = q.has('selects') ? () => li.classList.toggle('selected') : () => { names.splice(i, 1); draw(); };
                li.appendChild(rm);
              }
              ul.appendChild(li);
            });
          }
          draw();
        </script>
        """;

    private const string Table = """
        <!doctype html><title>Clients</title>
        <style>td { padding: 4px 40px; }</style>
        <table id="clients"><thead><tr><th>Name</th><th>Email</th><th>City</th><th></th></tr></thead><tbody></tbody></table>
        <script>
          const rows = [['Ada Lovelace', 'ada@example.com', 'London'], ['Grace Hopper', 'grace@example.com', 'Arlington'], ['Alan Turing', 'alan@example.com', 'Wilmslow']];
          function draw() {
            const body = document.querySelector('#clients tbody');
            body.innerHTML = '';
            rows.forEach((r, i) => {
              const tr = document.createElement('tr');
              tr.innerHTML = `<td>${r[0]}</td><td>${r[1]}</td><td>${r[2]}</td><td><button>Delete</button></td>`;
              tr.querySelector('button').onclick = () => { rows.splice(i, 1); draw(); };
              body.appendChild(tr);
            });
          }
          draw();
        </script>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("removal", ("/nodes", List), ("/clients", Table));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    private Task<RunResult> RunAsync(string query, string task) => pages.RunAsync("/nodes" + query, task, TestContext.CancellationToken);

    private Task<string> NodesAsync() => pages.Session.Page.InnerTextAsync("#nodes");

    [TestMethod]
    public async Task RunAsync_TakeANodeOutWithItsRemoveButton_RemovesThatNodeOnly()
    {
        var result = await RunAsync("", "Take \"leaf node 3-1\" out of the tree with its remove button.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        var left = await NodesAsync();
        Assert.IsFalse(left.Contains("leaf node 3-1", StringComparison.Ordinal), left);
        StringAssert.Contains(left, "leaf node 1-3");
        StringAssert.Contains(left, "leaf node 3-2");
    }

    [TestMethod]
    public async Task RunAsync_DeleteThroughTheRowsActionsMenu_ClicksItsRemoveEntry()
    {
        var result = await RunAsync("?menu", "Delete the \"leaf node 3-2\" entry through its actions menu.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        var left = await NodesAsync();
        Assert.IsFalse(left.Contains("leaf node 3-2", StringComparison.Ordinal), left);
        StringAssert.Contains(left, "leaf node 3-1");
    }

    [TestMethod]
    public async Task RunAsync_DeleteALowerCaseEntryHeldInAnEditableField_UsesThatRowsMenu()
    {
        // The first row's menu comes first on the page; the entry named is the second row's field text.
        var result = await RunAsync("?menu&editable", "Delete the \"null\" entry through its actions menu (the small menu button at the start of its row).");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        var left = await NodesAsync();
        Assert.IsFalse(left.Contains("null", StringComparison.Ordinal), left);
        StringAssert.Contains(left, "array");
        StringAssert.Contains(left, "number");
    }

    [TestMethod]
    public async Task RunAsync_OwnerNamedInAnAside_IsTheRowWhoseEntryIsRemoved()
    {
        var result = await RunAsync("?menu&editable", "Delete the last entry, number, through the actions menu of that row.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        var left = await NodesAsync();
        Assert.IsFalse(left.Contains("number", StringComparison.Ordinal), left);
        StringAssert.Contains(left, "null");
    }

    [TestMethod]
    public async Task RunAsync_RemoveAClientWhoseDeleteIsAtTheRowsEnd_RemovesThatRow()
    {
        var result = await pages.RunAsync("/clients", "Remove Grace Hopper from the clients table.", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        var left = await pages.Session.Page.InnerTextAsync("#clients");
        Assert.IsFalse(left.Contains("Grace Hopper", StringComparison.Ordinal), left);
        StringAssert.Contains(left, "Ada Lovelace");
        StringAssert.Contains(left, "Alan Turing");
    }

    [TestMethod]
    public async Task RunAsync_RemoveButtonThatOnlySelectsTheRow_IsNotCompleted()
    {
        var result = await RunAsync("?selects", "Take \"leaf node 3-1\" out of the tree with its remove button.");

        Assert.AreNotEqual(RunStatus.Completed, result.Status, "claimed: " + result.Message);
        StringAssert.Contains(await NodesAsync(), "leaf node 3-1");
    }
}
