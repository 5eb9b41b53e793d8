using ActionAgent.Browser.Execution;
using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Policy;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>"Tick every todo (except X)" in real Chromium: one checked click per box, done only when every box shows it.</summary>
[TestClass]
[DoNotParallelize]
public sealed class EveryBoxRunTests
{
    // A todo list written here: rows with an unnamed box and a label, a named "Mark all as complete" toggle, and a row
    // whose box refuses to change (?stubborn).
    private const string Todos = """
        <!doctype html><title>Todos</title>
        <label><input type="checkbox" id="all"> Mark all as complete</label>
        <ul id="list"></ul>
        <script>
          const stubborn = new URLSearchParams(location.search).has('stubborn');
          ['Buy milk', 'Call the bank', 'Water plants', 'Pay rent'].forEach((t, i) => {
            const li = document.createElement('li');
            const box = document.createElement('input'); box.type = 'checkbox';
            if (stubborn && i === 2) { box.addEventListener('click', e => e.preventDefault()); }
            const label = document.createElement('label'); label.textContent = t;
            li.append(box, label); document.getElementById('list').append(li);
          });
          document.getElementById('all').onchange = e => document.querySelectorAll('#list input').forEach(b => b.checked = e.target.checked);
        </script>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("every", ("/todos", Todos));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    private Task<string[]> TickedAsync() =>
        pages.Session.Page.EvalOnSelectorAllAsync<string[]>("#list li", "rows => rows.filter(r => r.querySelector('input').checked).map(r => r.textContent)");

    [TestMethod]
    public async Task RunAsync_TickEveryTodoExceptOne_TicksTheOthersOnly()
    {
        await pages.Session.Page.GotoAsync(pages.Server.Url("/todos"));

        var result = await RunAsync("Tick off every todo except \"Call the bank\".");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        CollectionAssert.AreEqual(new[] { "Buy milk", "Water plants", "Pay rent" }, await TickedAsync());
        Assert.IsFalse(await pages.Session.Page.IsCheckedAsync("#all"), "the Mark all toggle is no row");
        StringAssert.Contains(result.Message, "all 3 boxes are ticked, except Call the bank");
    }

    [TestMethod]
    public async Task RunAsync_AnExceptionThePageDoesNotHave_FailsBeforeTickingAnything()
    {
        await pages.Session.Page.GotoAsync(pages.Server.Url("/todos"));

        var result = await RunAsync("Tick every todo except \"Walk the dog\".");

        Assert.AreEqual(RunStatus.Failed, result.Status, result.Message);
        Assert.IsEmpty(await TickedAsync(), "nothing was ticked on a guess");
    }

    [TestMethod]
    public async Task RunAsync_ABoxThatWillNotTick_IsNeverReportedDone()
    {
        await pages.Session.Page.GotoAsync(pages.Server.Url("/todos?stubborn"));

        var result = await RunAsync("Tick every todo.");

        Assert.AreEqual(RunStatus.Failed, result.Status, result.Message);
        CollectionAssert.DoesNotContain(await TickedAsync(), "Water plants");
    }

    private Task<RunResult> RunAsync(string task) => InterpreterRun.RunAsync(pages.Session, pages.Recordings, task, TestContext.CancellationToken);
}
