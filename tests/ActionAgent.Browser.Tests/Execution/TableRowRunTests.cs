using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// Controls on a person's table row, run through the interpreter in real Chromium: every row has the same "toggle" and
/// remove controls, so only the row decides which one is meant. A row counted by its place ("the third person") is
/// removed only when that row is gone, not when the click changed something.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class TableRowRunTests
{
    private const string People = """
        <!doctype html><title>People</title>
        <table id="people">
          <thead><tr><th>First name</th><th>Last name</th><th>Actions</th><th>Job title</th><th></th></tr></thead>
          <tbody>
            <tr><td>Isidra</td><td>Boudreaux</td><td><a href="#toggle">toggle</a> | <a href="#delete">delete</a></td><td>Traffic Court Referee</td><td><a class="row-delete" href="#"><span class="glyphicon glyphicon-remove"></span></a></td></tr>
            <tr><td>Shona</td><td>Woldt</td><td><a href="#toggle">toggle</a> | <a href="#delete">delete</a></td><td>Airline Transport Pilot</td><td><a class="row-delete" href="#"><span class="glyphicon glyphicon-remove"></span></a></td></tr>
            <tr><td>Granville</td><td>Leonardo</td><td><a href="#toggle">toggle</a> | <a href="#delete">delete</a></td><td>Business Services Sales Representative</td><td><a class="row-delete" href="#"><span class="glyphicon glyphicon-remove"></span></a></td></tr>
            <tr><td>Easer</td><td>Dragoo</td><td><a href="#toggle">toggle</a> | <a href="#delete">delete</a></td><td>Drywall Stripper</td><td><a class="row-delete" href="#"><span class="glyphicon glyphicon-remove"></span></a></td></tr>
            <tr><td>Judi</td><td>Badgett</td><td><a href="#toggle">toggle</a> | <a href="#delete">delete</a></td><td>Electrical Lineworker</td><td><a class="row-delete" href="#"><span class="glyphicon glyphicon-remove"></span></a></td></tr>
          </tbody>
        </table>
        <p id="shown"></p>
        <style>
          td, th { padding: 4px 28px; text-align: left; }
          .glyphicon { display: inline-block; width: 14px; height: 14px; background: #c00; }
        </style>
        <script>
          const broken = new URLSearchParams(location.search).has('broken');
          document.getElementById('people').addEventListener('click', (e) => {
            const a = e.target.closest('a');
            if (!a) return;
            e.preventDefault();
            const row = a.closest('tr');
            if (a.getAttribute('href') === '#toggle') { row.classList.toggle('open'); document.getElementById('shown').textContent = 'Details of ' + row.cells[0].textContent; }
            else if (!broken) row.remove();
          });
        </script>
        """;

    private const string Films = """
        <!doctype html><title>Films</title>
        <table id="films">
          <thead><tr><th><input type="checkbox" aria-label="Select all rows"></th><th>Movie title</th><th>Year</th></tr></thead>
          <tbody>
            <tr><td><input type="checkbox" aria-label="Select Row"></td><td><a href="#avatar">Avatar</a></td><td>2009</td></tr>
            <tr><td><input type="checkbox" aria-label="Select Row"></td><td><a href="#titanic">Titanic</a></td><td>1997</td></tr>
            <tr><td><input type="checkbox" aria-label="Select Row"></td><td><a href="#frozen">Frozen</a></td><td>2013</td></tr>
          </tbody>
        </table>
        <style>td, th { padding: 4px 40px; }</style>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("table-rows", ("/people", People), ("/films", Films));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    private static Task<string> TickedFilmsAsync() => pages.Session.Page.EvaluateAsync<string>(
        "[...document.querySelectorAll('#films tbody tr')].filter(r => r.cells[0].firstElementChild.checked).map(r => r.cells[1].textContent).join(',')");

    private Task<RunResult> RunAsync(string query, string task) => pages.RunAsync("/people" + query, task, TestContext.CancellationToken);

    private static Task<string> FirstNamesAsync() =>
        pages.Session.Page.EvaluateAsync<string>("[...document.querySelectorAll('#people tbody tr')].map(r => r.cells[0].textContent).join(',')");

    [TestMethod]
    public async Task RunAsync_ToggleInHerRow_TogglesJudisRowOnly()
    {
        var result = await RunAsync("", "Show the hidden details of Judi by using \"toggle\" in her row.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("Judi", await pages.Session.Page.EvaluateAsync<string>("[...document.querySelectorAll('tr.open')].map(r => r.cells[0].textContent).join(',')"));
    }

    [TestMethod]
    public async Task RunAsync_RemoveIconAtTheEndOfHisRow_RemovesTheRowThatShowsBothNames()
    {
        var result = await RunAsync("", "Delete the row of Easer Dragoo using the remove icon at the end of his row");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("Isidra,Shona,Granville,Judi", await FirstNamesAsync());
    }

    [TestMethod]
    public async Task RunAsync_RemoveTheThirdPerson_RemovesTheThirdRowAndSaysSo()
    {
        var result = await RunAsync("", "Remove the third person in the table.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("Isidra,Shona,Easer,Judi", await FirstNamesAsync());
    }

    [TestMethod]
    public async Task RunAsync_RemoveTheThirdPersonWhenDeletingDoesNothing_IsNotCompleted()
    {
        var result = await RunAsync("?broken", "Remove the third person in the table.");

        Assert.AreNotEqual(RunStatus.Completed, result.Status, "claimed: " + result.Message);
        Assert.AreEqual("Isidra,Shona,Granville,Easer,Judi", await FirstNamesAsync());
    }

    [TestMethod]
    public async Task RunAsync_TickAFilmByName_TicksTheBoxOnItsRowAndNoOther()
    {
        var result = await pages.RunAsync("/films", "Tick Titanic and Frozen, and leave the others unticked.", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("Titanic,Frozen", await TickedFilmsAsync());
    }

    [TestMethod]
    public async Task RunAsync_TheNamedBoxesOfTwoFilms_TicksTheBoxesOnTheirRows_NotTheFirstBoxOfThatName()
    {
        // Every row's box is called "Select Row": before, the name alone picked Avatar's box, and the run said Completed.
        var result = await pages.RunAsync("/films", "Tick the \"Select Row\" boxes of Titanic and Frozen, and no others.", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("Titanic,Frozen", await TickedFilmsAsync());
    }
}
