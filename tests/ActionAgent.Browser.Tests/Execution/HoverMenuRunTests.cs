using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// "Open X" on a menu written here, run through the interpreter in real Chromium. A hover menu's entry links to a page of
/// its own: clicking it (instead of pointing at it) leaves the menu behind, so the run can only finish by pointing first.
/// An entry whose menu opens only on a click is clicked after pointing showed nothing; a plain link is simply followed.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class HoverMenuRunTests
{
    private const string Menu = """
        <!doctype html><title>Shop</title>
        <ul id="nav">
          <li><a href="/products">Products</a>
            <ul>
              <li><a href="/laptops">Laptops</a></li>
              <li><a href="/computers">Computers</a>
                <ul><li><a href="/computers-1">Desktops</a></li><li><a href="/computers-2">Workstations</a></li><li><a href="/computers-3">Servers</a></li></ul></li>
              <li><a href="/phones">Phones</a></li>
            </ul></li>
          <li><a href="/pricing">Pricing</a></li>
          <li><button id="account" type="button">Account</button>
            <ul id="account-menu" class="toggled"><li><a href="/signed-out">Sign out</a></li><li><a href="/profile">Profile</a></li></ul></li>
        </ul>
        <p>Welcome to the shop.</p>
        <style>
          #nav, #nav ul { list-style: none; margin: 0; padding: 0; }
          #nav > li { display: inline-block; position: relative; margin-right: 24px; }
          #nav li ul { display: none; position: absolute; top: 100%; left: 0; background: #eee; min-width: 140px; }
          #nav li ul ul { top: 0; left: 100%; }
          #nav li.open > ul, #nav ul.toggled.shown { display: block; }
          #nav a, #nav button { display: block; padding: 6px 10px; }
        </style>
        <script>
          // Like hoverIntent: a menu opens a moment after the pointer rests on its entry, and closes a while after it leaves.
          for (const li of document.querySelectorAll('#nav li')) {
            if (!li.querySelector(':scope > ul') || li.querySelector(':scope > button')) continue;
            let t;
            li.addEventListener('mouseenter', () => { clearTimeout(t); t = setTimeout(() => li.classList.add('open'), 120); });
            li.addEventListener('mouseleave', () => { clearTimeout(t); t = setTimeout(() => li.classList.remove('open'), 400); });
          }
          document.getElementById('account').onclick = () => document.getElementById('account-menu').classList.toggle('shown');
        </script>
        """;

    // Touch first, like many drop-down menus: a submenu opens under the pointer only once two small moves in a row showed
    // a mouse (one long jump reads as a tap); a click on the entry follows its link.
    private const string TouchFirstMenu = """
        <!doctype html><title>Help desk</title>
        <ul id="bar">
          <li><a href="/support-home">Support</a>
            <ul><li><a href="#forums">Forums</a></li><li><a href="#contact">Contact us</a></li></ul></li>
          <li><a href="/pricing">Pricing</a></li>
        </ul>
        <style>
          #bar, #bar ul { list-style: none; margin: 0; padding: 0; }
          #bar > li { display: inline-block; position: relative; margin-right: 24px; }
          #bar li ul { display: none; position: absolute; top: 100%; left: 0; background: #eee; min-width: 140px; }
          #bar li.open > ul { display: block; }
          #bar a { display: block; padding: 6px 10px; }
        </style>
        <script>
          let last = null, mouse = false;
          document.addEventListener('mousemove', (e) => {
            const now = performance.now();
            if (last && (e.pageX !== last.x || e.pageY !== last.y) && Math.abs(e.pageX - last.x) <= 4 && Math.abs(e.pageY - last.y) <= 4 && now - last.t <= 300) mouse = true;
            last = { x: e.pageX, y: e.pageY, t: now };
            const li = e.target.closest && e.target.closest('#bar > li');
            if (mouse && li) document.querySelectorAll('#bar > li').forEach(x => x.classList.toggle('open', x === li));
          });
        </script>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("hover-menu",
        ("/shop", Menu),
        ("/help", TouchFirstMenu),
        ("/support-home", "<!doctype html><title>Support</title><h1>Support home</h1>"),
        ("/products", "<!doctype html><title>Products</title><h1>All products</h1>"),
        ("/laptops", "<!doctype html><title>Laptops</title><h1>Laptops</h1>"),
        ("/computers-3", "<!doctype html><title>Servers</title><h1>Servers</h1>"),
        ("/signed-out", "<!doctype html><title>Signed out</title><h1>Signed out</h1>"),
        ("/pricing", "<!doctype html><title>Pricing</title><h1>Pricing</h1>"));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    private Task<RunResult> RunAsync(string task) => pages.RunAsync("/shop", task, TestContext.CancellationToken);

    private static string Path => new Uri(pages.Session.Page.Url).AbsolutePath;

    [TestMethod]
    public async Task RunAsync_OpenAHoverMenuThenClickAnEntry_PointsAtTheMenuInsteadOfFollowingItsLink()
    {
        var result = await RunAsync("Open Products and click \"Laptops\".");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("/laptops", Path, "clicking Products would have left the menu for the products page");
        StringAssert.Contains(result.Message, "pointing at it showed its menu");
    }

    [TestMethod]
    public async Task RunAsync_MenuPathThenTheLastLinkOfThatSubMenu_ClicksTheLastEntryTheSubMenuShows()
    {
        var result = await RunAsync("Navigate Products > Computers, and choose the last link of that sub-menu.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("/computers-3", Path);
    }

    [TestMethod]
    public async Task RunAsync_OpenAMenuThatOpensOnlyOnClick_ClicksItAfterPointingShowedNothing()
    {
        var result = await RunAsync("Open Account, then click \"Sign out\".");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("/signed-out", Path);
    }

    [TestMethod]
    public async Task RunAsync_OpenAPlainLink_FollowsIt()
    {
        var result = await RunAsync("Open Pricing.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("/pricing", Path);
    }

    [TestMethod]
    public async Task RunAsync_AMenuThatOpensOnlyForARealMouse_OpensUnderThePointerWithoutFollowingItsLink()
    {
        var result = await pages.RunAsync("/help", "Open the Support menu and go to Forums.", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("/help#forums", Path + new Uri(pages.Session.Page.Url).Fragment, "a click on Support would have left for its page");
    }
}
