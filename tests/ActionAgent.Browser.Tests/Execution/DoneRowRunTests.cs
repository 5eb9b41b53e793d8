using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// A to-do list drawn without checkboxes (Flat UI's): a row toggles done when clicked and the page marks done rows by a
/// class. "Mark X as done" clicks the row only when it is not done yet and is done when the row reads done; a row already
/// done is left alone; "not done" undoes it. Batch 22's first run refused all five such tasks ("no checkbox matches").
/// A list where no row is marked says nothing about done: nothing is clicked.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class DoneRowRunTests
{
    private const string Todo = """
        <!doctype html><title>Todo</title>
        <style> li { cursor: pointer; padding: 8px; list-style: none; border-bottom: 1px solid #ddd; width: 320px } .todo-done { color: #999; text-decoration: line-through } </style>
        <h4>Todo list</h4>
        <ul id="list">
          <li class="todo-done"><h4>Meet <strong>Adrian</strong> at 6pm</h4>Times Square</li>
          <li><h4>Chat with <strong>V.Kudinov</strong></h4>Skype conference at 9 am</li>
          <li><h4>Watch <strong>Iron Man</strong></h4>1998 Broadway</li>
          <li><h4>Fix bug on a <strong>Website</strong></h4>As soon as possible</li>
        </ul>
        <script>document.querySelectorAll('#list li').forEach((li) => li.addEventListener('click', () => li.classList.toggle('todo-done')));</script>
        """;

    // The same list with no row done yet: nothing tells which class would mean done.
    private const string Fresh = """
        <!doctype html><title>Todo</title>
        <style> li { cursor: pointer; padding: 8px; list-style: none } </style>
        <ul id="list"><li>Water the plants</li><li>Call the bank</li><li>Pay rent</li></ul>
        <script>document.querySelectorAll('#list li').forEach((li) => li.addEventListener('click', () => li.classList.toggle('todo-done')));</script>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("done-rows", ("/todo", Todo), ("/fresh", Fresh));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    private Task<string> DoneRows() =>
        pages.Session.Page.EvaluateAsync<string>("() => [...document.querySelectorAll('#list li')].map((li, i) => li.classList.contains('todo-done') ? i + 1 : '').filter(String).join(' ')");

    [TestMethod]
    [DataRow("Mark \"Watch Iron Man\" as done.", "1 3", DisplayName = "a row not done is clicked once")]
    [DataRow("Mark Chat with V.Kudinov as done.", "1 2", DisplayName = "named by its title")]
    [DataRow("Mark the meeting with Adrian as done.", "1", DisplayName = "a row already done is left alone")]
    [DataRow("Mark Meet Adrian at 6pm as not done.", "", DisplayName = "not done undoes it")]
    public async Task Run_MarkARowDone_ClicksItOnlyWhenItIsNotSoAlready(string task, string expected)
    {
        var result = await pages.RunAsync("/todo", task, TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual(expected, await DoneRows());
    }

    // Batch 22's re-run said Completed for this with "task" read as a row's kind word: the first row (already done) was
    // taken for the last. Whatever it does, it never says done while the last row is not.
    [TestMethod]
    public async Task Run_MarkTheLastTaskOnTheList_IsNeverDoneWhileTheLastRowIsNot()
    {
        var result = await pages.RunAsync("/todo", "Mark the last task on the todo list as done.", TestContext.CancellationToken);

        var done = await DoneRows();
        Assert.IsTrue(result.Status != RunStatus.Completed || done == "1 4", $"{result.Status} with rows {done} done: {result.Message}");
        Assert.IsTrue(done is "1" or "1 4", $"only the last row may change: {done}");
    }

    [TestMethod]
    public async Task Run_MarkDoneWhereNoRowIsMarked_ClicksNothing()
    {
        var result = await pages.RunAsync("/fresh", "Mark Call the bank as done.", TestContext.CancellationToken);

        Assert.AreNotEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("", await DoneRows());
    }
}
