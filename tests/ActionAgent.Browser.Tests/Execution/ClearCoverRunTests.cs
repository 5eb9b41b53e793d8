using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// Boxes skinned the iCheck way, written here with other names: the real checkbox is clear (opacity 0) inside a small
/// drawn box, and a clear layer over it in the same box takes the press and ticks it by script. Before, the press guard
/// called the box "covered by i" and refused. A clear layer laid over a button from outside its own box (a page-wide
/// cover with a handler of its own, the clickjacking shape) is still refused.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ClearCoverRunTests
{
    private const string Skinned = """
        <!doctype html><title>Prefs</title>
        <style>
          .skin { position: relative; display: inline-block; width: 22px; height: 22px; border: 2px solid #48c; vertical-align: middle; }
          .skin.on { background: #48c; }
          .skin input { position: absolute; opacity: 0; margin: 0; top: 0; left: 0; }
          .skin i { position: absolute; inset: 0; opacity: 0; background: #fff; cursor: pointer; }
        </style>
        <p><span class="skin"><input type="checkbox" id="news"><i></i></span> <label for="news">Newsletter</label></p>
        <p><span class="skin"><input type="checkbox" id="sms"><i></i></span> <label for="sms">Text messages</label></p>
        <script>
          document.querySelectorAll('.skin i').forEach((layer) => layer.addEventListener('click', () => {
            const box = layer.previousElementSibling;
            box.checked = !box.checked;
            layer.parentElement.classList.toggle('on', box.checked);
          }));
        </script>
        """;

    private const string Hijacked = """
        <!doctype html><title>Pay</title>
        <button id="save" onclick="document.getElementById('out').textContent = 'saved'">Save</button>
        <p id="out"></p>
        <div style="position: fixed; inset: 0; opacity: 0; background: #fff" onclick="document.getElementById('out').textContent = 'hijacked'"></div>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("clearcover", ("/skinned", Skinned), ("/hijacked", Hijacked));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    [TestMethod]
    public async Task RunAsync_TickABoxUnderItsOwnClearLayer_TicksIt()
    {
        var result = await pages.RunAsync("/skinned", "Tick Text messages", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.IsTrue(await pages.Session.Page.IsCheckedAsync("#sms"));
        Assert.IsFalse(await pages.Session.Page.IsCheckedAsync("#news"));
    }

    [TestMethod]
    public async Task RunAsync_AButtonUnderAPageWideClearCover_IsNotPressedThroughIt()
    {
        var result = await pages.RunAsync("/hijacked", "Click Save", TestContext.CancellationToken);

        Assert.AreNotEqual("hijacked", await pages.Session.Page.InnerTextAsync("#out"), "the press went to the cover's handler");
        Assert.AreNotEqual(RunStatus.Completed, result.Status, result.Message);
    }
}
