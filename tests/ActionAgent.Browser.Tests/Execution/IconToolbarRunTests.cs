using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// A toolbar drawn the way icon-set calendars and editors draw theirs: empty divs painted by CSS, whose pointer cursor
/// shows only under the mouse (<c>.tool:hover { cursor: pointer }</c>), named only by a tooltip the page's script shows
/// 600 ms after the pointer arrives. The class names carry no words. Run through the interpreter in real Chromium.
/// Before, the icons were not listed at all (no pointer cursor until hovered) and "Click Archive" failed with nothing to
/// click; a tooltip that was already showing (a stale one) must never name the icon hovered next.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class IconToolbarRunTests
{
    private const string Toolbar = """
        <!doctype html><title>Inbox</title>
        <style>
          .bar { display: flex; gap: 12px; padding: 8px; background: #333; width: 260px; }
          .tool { width: 18px; height: 18px; position: relative; }
          .tool:hover { cursor: pointer; opacity: .7; }
          .tool::before { content: ""; position: absolute; inset: 3px; background: #eee; border-radius: 3px; }
          .q7-tooltip { position: absolute; background: #000; color: #fff; padding: 4px 8px; font: 13px sans-serif; }
        </style>
        <div class="bar">
          <div class="tool t1"></div><div class="tool t2"></div><div class="tool t3"></div><div class="tool t4"></div>
        </div>
        <ul id="mail"><li>Invoice from Acme</li><li>Team lunch</li><li>Quarterly report</li></ul>
        <p id="status">Status: open</p>
        <script>
          const tips = { t1: 'Delete All', t2: 'Refresh', t3: 'Archive', t4: 'Print' };
          const does = {
            t1: () => { document.getElementById('mail').innerHTML = ''; },
            t2: () => {},
            t3: () => { document.getElementById('status').textContent = 'Status: archived'; },
            t4: () => { document.getElementById('status').textContent = 'Status: printed'; },
          };
          let shown = null, timer = 0;
          document.querySelectorAll('.tool').forEach((el) => {
            const key = [...el.classList].find((c) => tips[c]);
            el.addEventListener('mouseenter', () => {
              timer = setTimeout(() => {
                shown = document.createElement('div');
                shown.className = 'q7-tooltip';
                shown.textContent = tips[key];
                const r = el.getBoundingClientRect();
                shown.style.left = r.left + 'px';
                shown.style.top = (r.bottom + 6) + 'px';
                document.body.appendChild(shown);
              }, 600);
            });
            el.addEventListener('mouseleave', () => { clearTimeout(timer); if (shown) { shown.remove(); shown = null; } });
            el.addEventListener('click', does[key]);
          });
        </script>
        """;

    // The same toolbar with a tooltip left showing by the page (always there, right under the Delete All icon), saying
    // "Archive"; Delete All has no tooltip of its own here.
    private static readonly string Stale = Toolbar
        .Replace("t1: 'Delete All', ", "", StringComparison.Ordinal)
        .Replace("<ul id=\"mail\">", "<div class=\"q7-tooltip\" style=\"left: 8px; top: 40px\">Archive</div><ul id=\"mail\">", StringComparison.Ordinal)
        .Replace("const key = [...el.classList].find((c) => tips[c]);", "const key = [...el.classList].find((c) => does[c]); if (!tips[key]) { el.addEventListener('click', does[key]); return; }", StringComparison.Ordinal);

    // A stranger's trap: no tooltips at all, and hovering the first icon wipes the list; hovering the others is counted.
    private const string Trap = """
        <!doctype html><title>Inbox</title>
        <style>
          .bar { display: flex; gap: 12px; padding: 8px; background: #333; width: 260px; }
          .tool { width: 18px; height: 18px; position: relative; }
          .tool:hover { cursor: pointer; }
          .tool::before { content: ""; position: absolute; inset: 3px; background: #eee; }
        </style>
        <div class="bar"><div class="tool" id="a"></div><div class="tool" id="b"></div><div class="tool" id="c"></div></div>
        <ul id="mail"><li>Invoice from Acme</li><li>Team lunch</li><li>Quarterly report</li></ul>
        <script>
          window.later = 0;
          document.getElementById('a').addEventListener('mouseenter', () => { document.getElementById('mail').innerHTML = ''; });
          ['b', 'c'].forEach((id) => document.getElementById(id).addEventListener('mouseenter', () => { window.later++; }));
        </script>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("icontoolbar", ("/bar", Toolbar), ("/stale", Stale), ("/trap", Trap));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    [TestMethod]
    public async Task Observe_IconsWhosePointerShowsOnlyOnHover_AreListedAsButtons()
    {
        await pages.Session.Page.GotoAsync(pages.Server.Url("/bar"));
        var page = await pages.Session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);

        var icons = page.Elements.Where(e => e.Role == "button" && e.Tag == "div").ToList();
        Assert.AreEqual(4, icons.Count, string.Join("; ", page.Elements));
        Assert.IsTrue(icons.All(i => i.Name.Length == 0), "nothing names them before their tooltips are seen");
    }

    [TestMethod]
    public async Task RunAsync_ClickAnIconNamedOnlyByItsTooltip_HoversToReadTooltipsAndClicksThatOne()
    {
        var result = await pages.RunAsync("/bar", "Click Archive", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("Status: archived", await pages.Session.Page.InnerTextAsync("#status"));
        Assert.AreEqual(3, await pages.Session.Page.Locator("#mail li").CountAsync(), "Delete All was not clicked");
    }

    [TestMethod]
    public async Task RunAsync_ATooltipAlreadyShowingNextToAnotherIcon_NeverNamesIt()
    {
        var result = await pages.RunAsync("/stale", "Click Archive", TestContext.CancellationToken);

        Assert.AreEqual(3, await pages.Session.Page.Locator("#mail li").CountAsync(), "the icon under the stale 'Archive' tooltip (Delete All) was clicked");
        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("Status: archived", await pages.Session.Page.InnerTextAsync("#status"), "the icon whose own tooltip says Archive");
    }

    [TestMethod]
    public async Task RunAsync_AHoverLookThatWipesThePage_StopsLookingAndFails()
    {
        // The pointer is left where an earlier test put it (over an icon's place): away from the toolbar first.
        await pages.Session.Page.Mouse.MoveAsync(700, 500);
        var result = await pages.RunAsync("/trap", "Click Archive", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Failed, result.Status, result.Message);
        StringAssert.Contains(result.Message, "went away");
        Assert.AreEqual(0, await pages.Session.Page.EvaluateAsync<int>("window.later"), $"icons were hovered after a look had changed the page: {result.Message}");
    }
}
