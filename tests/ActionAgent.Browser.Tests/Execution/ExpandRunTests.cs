using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// "Expand X" on a tree written here, run through the interpreter in real Chromium: a node whose name only selects it
/// (a DOM change, nothing shown) is never reported expanded; a header marked with aria-expanded opens, and one already
/// open is left open (a click would close it).
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ExpandRunTests
{
    private const string Tree = """
        <!doctype html><title>Tree</title>
        <ul id="tree">
          <li><span class="switch"></span><a href="#" id="p1" onclick="this.classList.toggle('selected'); return false">ordinary parent 1</a>
            <ul id="kids" style="display:none"><li>child 1-1</li><li>child 1-2</li></ul></li>
        </ul>
        <button id="hdr" aria-expanded="false" onclick="const o = this.getAttribute('aria-expanded') === 'true'; this.setAttribute('aria-expanded', String(!o)); document.getElementById('panel').hidden = o">Billing details</button>
        <div id="panel" hidden><label>Card holder <input></label></div>
        <script>
          document.querySelector('.switch').onclick = () => { const k = document.getElementById('kids'); k.style.display = k.style.display === 'none' ? '' : 'none'; };
          if (new URLSearchParams(location.search).has('open')) document.getElementById('hdr').click();
        </script>
        <style>.switch { display: inline-block; width: 12px; height: 12px; background: #888; cursor: pointer; }</style>
        """;

    // An ARIA tree whose folders open and close by their own click.
    private const string Continents = """
        <!doctype html><title>Continents</title>
        <ul role="tree">
          <li role="treeitem" aria-expanded="false" id="oc" onclick="fold(event, this)"><span>Oceania</span>
            <ul role="group" hidden><li role="treeitem" onclick="document.getElementById('picked').textContent = 'Australia'">Australia</li></ul></li>
          <li role="treeitem" aria-expanded="false" onclick="fold(event, this)"><span>Asia</span>
            <ul role="group" hidden><li role="treeitem">Japan</li></ul></li>
        </ul>
        <p id="picked"></p>
        <style>li { width: 200px; }</style>
        <script>function fold(e, li) { if (e.target.closest('li') !== li) return; const o = li.getAttribute('aria-expanded') === 'true'; li.setAttribute('aria-expanded', String(!o)); li.querySelector('ul').hidden = o; }</script>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("expand", ("/tree", Tree), ("/continents", Continents));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    private Task<RunResult> RunAsync(string query, string task) => pages.RunAsync("/tree" + query, task, TestContext.CancellationToken);

    // "close Oceania again": the open folder's own click closes it. Before, "close" looked for a close control by
    // Oceania, clicked the folder, and then failed because Oceania was still on the page ("not removed").
    [TestMethod]
    public async Task RunAsync_CloseAnOpenFolderAgain_FoldsIt()
    {
        var result = await pages.RunAsync("/continents", "Open Oceania and select Australia. Finally close Oceania again.", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("false", await pages.Session.Page.GetAttributeAsync("#oc", "aria-expanded"));
        Assert.AreEqual("Australia", await pages.Session.Page.TextContentAsync("#picked"));
    }

    [TestMethod]
    public async Task RunAsync_ExpandANodeWhoseNameOnlySelectsIt_IsNotCompleted()
    {
        var result = await RunAsync("", "Expand \"ordinary parent 1\" in the tree so its children are visible.");

        Assert.AreNotEqual(RunStatus.Completed, result.Status, "claimed: " + result.Message);
        Assert.IsFalse(await pages.Session.Page.IsVisibleAsync("#kids"));
    }

    [TestMethod]
    public async Task RunAsync_ExpandAHeaderMarkedCollapsed_OpensIt()
    {
        var result = await RunAsync("", "Expand Billing details.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.IsTrue(await pages.Session.Page.IsVisibleAsync("#panel"));
    }

    [TestMethod]
    public async Task RunAsync_ExpandAHeaderAlreadyOpen_LeavesItOpen()
    {
        var result = await RunAsync("?open", "Expand Billing details.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.IsTrue(await pages.Session.Page.IsVisibleAsync("#panel"), "a second click would have closed it");
    }
}
