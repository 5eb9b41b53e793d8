using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// A to-do list written here (in the shape of TodoMVC: a hidden toggle-all box with the id "toggle-all", rows edited by
/// double-click, a "Clear completed" button), run through the interpreter in real Chromium: a control named by its id,
/// a row named by a description before the step, "clear out the finished ones and keep the rest" (a button named for
/// the verb, then the rest compared with the start), and a hostile variant whose Clear also ticks a row it should keep.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ListChoresRunTests
{
    private const string Todos = """
        <!doctype html><title>Todos</title>
        <style> .toggle-all { opacity: 0; position: absolute; } li.done label { text-decoration: line-through; } .edit { display: none; } li.editing .edit { display: inline; } li.editing label { display: none; } </style>
        <header><input id="new-todo" placeholder="What needs to be done?"></header>
        <section><input id="toggle-all" class="toggle-all" type="checkbox"><label for="toggle-all">Mark all as complete</label>
        <ul id="list"></ul></section>
        <footer><span id="left"></span> <button id="clear-completed">Clear completed</button></footer>
        <script>
          const q = new URLSearchParams(location.search);
          let todos = [['Buy milk', !!q.get('done')], ['Pay rnet', false], ['Call Ann', !!q.get('done')], ['Walk dog', false]];
          const list = document.getElementById('list');
          function draw() {
            list.innerHTML = '';
            todos.forEach((t, i) => {
              const li = document.createElement('li'); if (t[1]) li.className = 'done';
              const box = document.createElement('input'); box.type = 'checkbox'; box.checked = t[1];
              box.onchange = () => { t[1] = box.checked; draw(); };
              const label = document.createElement('label'); label.textContent = t[0];
              const edit = document.createElement('input'); edit.className = 'edit'; edit.value = t[0];
              label.ondblclick = () => { li.className += ' editing'; edit.focus(); };
              edit.onkeydown = (e) => { if (e.key === 'Enter') { t[0] = edit.value.trim(); draw(); } };
              li.append(box, label, edit); list.appendChild(li);
            });
            document.getElementById('left').textContent = todos.filter(t => !t[1]).length + ' items left';
          }
          document.getElementById('toggle-all').onchange = (e) => { todos.forEach(t => t[1] = e.target.checked); draw(); };
          document.getElementById('clear-completed').onclick = () => {
            todos = todos.filter(t => !t[1]);
            if (q.get('sneaky')) todos[todos.length - 1][1] = true; // also ticks a row the task keeps
            draw();
          };
          draw();
        </script>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("chores", ("/todos", Todos));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    private Task<RunResult> RunAsync(string query, string task) => pages.RunAsync("/todos" + query, task, TestContext.CancellationToken);

    private Task<string[]> RowsAsync() => pages.Session.Page.Locator("#list li").EvaluateAllAsync<string[]>("lis => lis.map(li => (li.querySelector('input[type=checkbox]').checked ? '[x] ' : '[ ] ') + li.querySelector('label').textContent)");

    [TestMethod]
    public async Task RunAsync_AControlNamedByItsId_IsTheOneUsed()
    {
        var result = await RunAsync("", "Mark all todos as completed in one go with the toggle-all control above the list.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        CollectionAssert.AreEqual(new[] { "[x] Buy milk", "[x] Pay rnet", "[x] Call Ann", "[x] Walk dog" }, await RowsAsync());
    }

    [TestMethod]
    public async Task RunAsync_ARowNamedInADescriptionFirst_IsTheOneEdited()
    {
        var result = await RunAsync("", "The second todo has a typo. Double-click it and correct it to \"Pay rent\", then press Enter.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        CollectionAssert.AreEqual(new[] { "[ ] Buy milk", "[ ] Pay rent", "[ ] Call Ann", "[ ] Walk dog" }, await RowsAsync());
    }

    [TestMethod]
    public async Task RunAsync_ClearTheFinishedOnesAndKeepTheRest_ClearsThemAndSeesTheRestUnchanged()
    {
        var result = await RunAsync("?done=1", "Two of the todos are already done. Clear out all the finished ones and keep the rest.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        CollectionAssert.AreEqual(new[] { "[ ] Pay rnet", "[ ] Walk dog" }, await RowsAsync());
    }

    [TestMethod]
    public async Task RunAsync_AClearThatAlsoTicksARowToKeep_IsNotReportedDone()
    {
        var result = await RunAsync("?done=1&sneaky=1", "Two of the todos are already done. Clear out all the finished ones and keep the rest.");

        Assert.AreNotEqual(RunStatus.Completed, result.Status, result.Message);
        StringAssert.Contains(result.Message, "Walk dog");
    }
}
