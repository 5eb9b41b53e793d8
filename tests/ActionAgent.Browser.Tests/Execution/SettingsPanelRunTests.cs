using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// Settings panels of the kind QuickSettings and dat.gui draw (batch 23), written here: side-by-side panels under title
/// bars one clicks to fold, each checkbox drawn as two labels for one hidden box (its words, and the square), and text
/// fields whose page takes a value only on its change event. Each guarantee is seen from the page, not the run's claim.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class SettingsPanelRunTests
{
    private const string Panels = """
        <!doctype html><title>Settings</title>
        <style> body{margin:0;font:13px sans-serif} .p{position:absolute;top:0;width:200px;background:#eee}
          .bar{height:24px;line-height:24px;background:#333;color:#fff;cursor:pointer;padding-left:6px}
          .c{padding:6px 10px} .c>div{margin:8px 0} .sq{display:inline-block;width:14px;height:14px;border:1px solid #555;cursor:pointer}
          input[type=checkbox]{display:none} input:checked+.sq{background:#09c} </style>
        <div class="p" style="left:0"><div class="bar">Buttons</div><div class="c" id="buttons"></div></div>
        <div class="p" style="left:210px"><div class="bar">Booleans</div><div class="c" id="booleans"></div></div>
        <div class="p" style="left:420px"><div class="bar">Text</div><div class="c">
          <div><b>Message</b><br><input id="msg" value="hello"></div><div>Saved: <span id="saved">hello</span></div><div>Pressed: <span id="pressed">none</span></div></div></div>
        <script>
          window.clicked = [];
          document.querySelectorAll('.bar').forEach(b => b.onclick = () => { b.nextElementSibling.style.display = b.nextElementSibling.style.display ? '' : 'none'; });
          for (let i = 1; i <= 4; i++) {
            const d = document.createElement('div'); const b = document.createElement('input'); b.type = 'button'; b.value = 'Button ' + i;
            b.onclick = () => { window.clicked.push(b.value); document.getElementById('pressed').textContent = b.value; }; d.append(b); document.getElementById('buttons').append(d);
            const c = document.createElement('div');
            c.innerHTML = `<label for="b${i}">Boolean ${i}</label> <label for="b${i}"><input type="checkbox" id="b${i}"${i === 2 ? ' checked' : ''}><span class="sq"></span></label>`;
            document.getElementById('booleans').append(c);
          }
          document.getElementById('msg').addEventListener('change', e => document.getElementById('saved').textContent = e.target.value);
        </script>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("panels", ("/panels", Panels));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    private Task<string[]> TickedAsync() =>
        pages.Session.Page.EvalOnSelectorAllAsync<string[]>("#booleans input", "boxes => boxes.filter(b => b.checked).map(b => b.id)");

    [TestMethod]
    public async Task RunAsync_TheLastButtonInAPanel_IsThatPanelsLastButtonNotItsTitleBar()
    {
        await pages.Session.Page.GotoAsync(pages.Server.Url("/panels"));

        var result = await RunAsync("Click the last button in the Buttons panel.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        CollectionAssert.AreEqual(new[] { "Button 4" }, await pages.Session.Page.EvaluateAsync<string[]>("() => window.clicked"));
        Assert.IsTrue(await pages.Session.Page.IsVisibleAsync("#buttons"), "the panel was folded by a click on its title bar");
    }

    [TestMethod]
    public async Task RunAsync_EveryBoxInAPanelExceptOne_TicksEachBoxOnceThroughItsTwoLabels()
    {
        await pages.Session.Page.GotoAsync(pages.Server.Url("/panels"));

        var result = await RunAsync("Tick every box in the Booleans panel except Boolean 4.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        CollectionAssert.AreEqual(new[] { "b1", "b2", "b3" }, await TickedAsync());
    }

    [TestMethod]
    public async Task RunAsync_ATypedValue_IsTakenByAPageThatWaitsForTheChangeEvent()
    {
        await pages.Session.Page.GotoAsync(pages.Server.Url("/panels"));

        var result = await RunAsync("Change the Message to \"Launch\".");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("Launch", await pages.Session.Page.TextContentAsync("#saved"));
    }

    private Task<RunResult> RunAsync(string task) => InterpreterRun.RunAsync(pages.Session, pages.Recordings, task, TestContext.CancellationToken);
}
