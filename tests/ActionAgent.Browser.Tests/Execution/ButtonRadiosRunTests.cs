using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// Radios drawn as a row of buttons, written here the way form generators draw them: each real radio is moved out to
/// the left of the page (<c>left: -9999px</c>) inside a <c>&lt;label class="btn"&gt;</c>, and the group's question is a
/// label before the row, in a wrapper with a hidden help line. Run through the interpreter in real Chromium. Before, the
/// radios were listed as offscreen controls that no scrolling brings back (so "choose Python" could not click them) and
/// the row's first button took the words left of it as its group.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ButtonRadiosRunTests
{
    private const string Form = """
        <!doctype html><title>Survey</title>
        <style>.btn { display: inline-block; padding: 6px 12px; border: 1px solid #aaa; cursor: pointer; } .btn.on { background: #5b5; } .side { float: left; width: 300px; }</style>
        <div class="side"><pre>{ "title": "Shipping speed" }</pre></div>
        <form id="f" onsubmit="event.preventDefault(); document.getElementById('sent').textContent = new FormData(this).get('speed') + '/' + new FormData(this).get('wrap')">
          <div class="group"><label for="speed">Shipping speed</label>
            <div class="controls"><div id="speed">
              <label class="btn"><input type="radio" name="speed" value="standard" style="position:absolute;left:-9999px"><span>Standard</span></label>
              <label class="btn"><input type="radio" name="speed" value="express" style="position:absolute;left:-9999px"><span>Express</span></label>
              <label class="btn"><input type="radio" name="speed" value="overnight" style="position:absolute;left:-9999px"><span>Overnight</span></label>
            </div><span class="help" style="display:none">Pick one</span></div></div>
          <div class="group"><label for="wrap">Gift wrap</label>
            <div class="controls"><div id="wrap">
              <label class="btn"><input type="radio" name="wrap" value="none" style="position:absolute;left:-9999px"><span>None</span></label>
              <label class="btn"><input type="radio" name="wrap" value="express" style="position:absolute;left:-9999px"><span>Express</span></label>
            </div></div></div>
          <button>Submit</button>
        </form>
        <p id="sent"></p>
        <script>
          document.querySelectorAll('input[type=radio]').forEach((r) => r.addEventListener('change', () =>
            document.querySelectorAll('input[name=' + r.name + ']').forEach((o) => o.parentElement.classList.toggle('on', o.checked))));
        </script>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("btnradios", ("/form", Form));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    [TestMethod]
    public async Task Observe_RadiosMovedOffThePage_AreTheirButtonLabelsInTheirGroup()
    {
        await pages.Session.Page.GotoAsync(pages.Server.Url("/form"));
        var page = await pages.Session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);

        var radios = page.Elements.Where(e => e.Role == "radio").ToList();
        CollectionAssert.AreEqual(new[] { "Standard", "Express", "Overnight", "None", "Express" }, radios.Select(r => r.Name).ToArray());
        Assert.IsTrue(radios.All(r => r.Tag == "label" && !r.IsOffscreen), "the labels stand for the radios no one can see");
        CollectionAssert.AreEqual(new[] { "Shipping speed", "Shipping speed", "Shipping speed", "Gift wrap", "Gift wrap" }, radios.Select(r => r.NearbyText).ToArray());
    }

    [TestMethod]
    public async Task RunAsync_ChooseAnOptionOfANamedGroupAndSubmit_PicksItInThatGroup()
    {
        var result = await pages.RunAsync("/form", "Choose Express as the gift wrap and submit.", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("null/express", await pages.Session.Page.InnerTextAsync("#sent"));
    }
}
