using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// Groups of boxes titled by plain text, not headings (a settings form: "Editor", "Mouse", "Caret" over their boxes),
/// in real Chromium through the interpreter, the policy and the DOM effect verifier. A group title is a section: "In the
/// Mouse section, …", "the last of the Caret options" and "everything should be off except …" act on that group's boxes
/// only, and a look-alike box of the same name in another group is never taken for it.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class GroupTitleRunTests
{
    private const string Settings = """
        <!doctype html><title>Settings</title>
        <style> .title { font-weight: bold; margin: 14px 0 6px; width: 340px; border-bottom: 1px solid #ccc; } label { display: block; margin: 6px 0; } </style>
        <h1>Preferences</h1>
        <div class="title">Editor</div>
        <label><input type="checkbox" id="e1" checked> Show gutter</label>
        <label><input type="checkbox" id="e2" checked> Highlight current line</label>
        <label><input type="checkbox" id="e3"> Quick copy</label>
        <div class="title">Mouse</div>
        <label><input type="checkbox" id="m1" checked> Drag-n-drop in text area</label>
        <label><input type="checkbox" id="m2" checked> Double-click drag</label>
        <label><input type="checkbox" id="m3"> Quick copy</label>
        <label><input type="checkbox" id="m4" checked> Rectangular selection</label>
        <div class="title">Caret</div>
        <label><input type="radio" name="caret" id="c1" checked> Blinking</label>
        <label><input type="radio" name="caret" id="c2"> Block</label>
        <label><input type="radio" name="caret" id="c3"> Thick</label>
        """;

    private const string Shelf = """
        <!doctype html><title>Shelf</title>
        <style> .title { font-weight: bold; margin: 14px 0 6px; } label { display: block; margin: 6px 0 6px 24px; } </style>
        <div class="title">Stephen King</div>
        <label><input type="checkbox" id="k1"> The Dead Zone</label>
        <label><input type="checkbox" id="k2" checked> The Running Man</label>
        <label><input type="checkbox" id="k3"> The Green Mile</label>
        <label><input type="checkbox" id="k4"> Blood and Smoke</label>
        <div class="title">Misc</div>
        <label><input type="checkbox" id="x1"> Privacy and Terms.pdf</label>
        <label><input type="checkbox" id="x2"> Licence Agreement.pdf</label>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("groups", ("/settings", Settings), ("/shelf", Shelf));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    private Task<RunResult> RunAsync(string task) => pages.RunAsync("/settings", task, TestContext.CancellationToken);

    // Which boxes are ticked, in page order ("e1 e2 m1 …").
    private Task<string> TickedAsync() =>
        pages.Session.Page.EvaluateAsync<string>("() => [...document.querySelectorAll('input')].filter(i => i.checked).map(i => i.id).join(' ')");

    [TestMethod]
    public async Task RunAsync_TheLastOfAGroupsOptions_IsTheLastRadioUnderItsTitle()
    {
        var result = await RunAsync("Pick the last of the Caret options.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("e1 e2 m1 m2 m4 c3", await TickedAsync());
    }

    [TestMethod]
    public async Task RunAsync_EverythingOffExceptOneInASection_TouchesThatSectionOnly()
    {
        var result = await RunAsync("In the Mouse section, everything should be off except \"Drag-n-drop in text area\".");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("e1 e2 m1 c1", await TickedAsync());
    }

    [TestMethod]
    [DataRow("In the Mouse section, tick Quick copy.", "e1 e2 m1 m2 m3 m4 c1")]
    [DataRow("Under Editor, tick the last checkbox.", "e1 e2 e3 m1 m2 m4 c1")]
    [DataRow("Editor settings: untick Highlight current line, then tick Quick copy.", "e1 e3 m1 m2 m4 c1")]
    public async Task RunAsync_ABoxNamedInAGroup_IsThatGroupsBox(string task, string ticked)
    {
        var result = await RunAsync(task);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual(ticked, await TickedAsync());
    }

    [TestMethod]
    public async Task RunAsync_AGroupThePageDoesNotHave_TicksNothing()
    {
        var result = await RunAsync("In the Keyboard section, tick Quick copy.");

        Assert.AreNotEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("e1 e2 m1 m2 m4 c1", await TickedAsync());
    }

    // "the last book" names no element: counted among the boxes under the title the step names, never among all of them.
    [TestMethod]
    [DataRow("Tick the last book listed under Stephen King.", true, "k2 k4")]
    [DataRow("Under Stephen King, tick the second book.", true, "k2")]
    [DataRow("Tick the last book.", false, "k2")]
    public async Task RunAsync_TheNthThingUnderATitle_IsCountedUnderThatTitleOnly(string task, bool done, string ticked)
    {
        var result = await pages.RunAsync("/shelf", task, TestContext.CancellationToken);

        Assert.AreEqual(done, result.Status == RunStatus.Completed, result.Message);
        Assert.AreEqual(ticked, await TickedAsync());
    }
}
