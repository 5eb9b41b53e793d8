using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// A tree drawn without ARIA, written here the way small tree widgets draw one: nested &lt;li&gt; nodes with a pointer
/// cursor, a textless switch and a textless box per node, states kept in class names, closed branches squeezed to no
/// height, and one click listener for the whole tree (a click on a node's line or box ticks it and its branch; a click on
/// its switch opens or closes it). Run through the interpreter in real Chromium. Before, the whole tree was one "button"
/// named by every node: nothing in it could be told apart.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class PlainTreeRunTests
{
    private const string Tree = """
        <!doctype html><title>Cost centres</title>
        <style>
          .tv ul { list-style: none; padding-left: 18px; overflow: hidden; }
          .tv-node { cursor: pointer; }
          .tv-node.is-locked { cursor: not-allowed; }
          .tv-node.is-shut > ul { height: 0; }
          .tv-sw, .tv-box { display: inline-block; width: 14px; height: 14px; margin-right: 4px; border: 1px solid #999; vertical-align: middle; }
          .tv-node.is-on > .tv-box { background: #36c; }
          .tv-node.is-part > .tv-box { background: #9bd; }
        </style>
        <h1>Cost centres</h1>
        <div class="tv" id="tv"></div>
        <p id="log"></p>
        <script>
          const data = [
            ['CC-10', [['CC-10-1', [['CC-10-1-1'], ['CC-10-1-2']]], ['CC-10-2', [['CC-10-2-1'], ['CC-10-2-2']]]]],
            ['CC-20', [['CC-20-1'], ['CC-20-2']]],
          ];
          const on = new Set(['CC-10-1-2', 'CC-10-2-1']);
          const shut = new Set(['CC-10-1', 'CC-10-2', 'CC-20']);
          const locked = new Set(['CC-10-2-1', 'CC-10-2-2']);
          const kids = {};
          function build(nodes) {
            const ul = document.createElement('ul');
            for (const [name, children] of nodes) {
              const li = document.createElement('li');
              li.className = 'tv-node';
              li.dataset.name = name;
              if (children) { const sw = document.createElement('span'); sw.className = 'tv-sw'; li.appendChild(sw); }
              const box = document.createElement('span'); box.className = 'tv-box'; li.appendChild(box);
              const label = document.createElement('span'); label.className = 'tv-label'; label.textContent = name; li.appendChild(label);
              if (children) { kids[name] = children.map((c) => c[0]); li.appendChild(build(children)); }
              ul.appendChild(li);
            }
            return ul;
          }
          const leaves = (name) => kids[name] ? kids[name].flatMap(leaves) : [name];
          function draw() {
            document.querySelectorAll('.tv-node').forEach((li) => {
              const n = li.dataset.name, l = leaves(n), k = l.filter((x) => on.has(x)).length;
              li.classList.toggle('is-on', k === l.length);
              li.classList.toggle('is-part', k > 0 && k < l.length);
              li.classList.toggle('is-shut', shut.has(n));
              li.classList.toggle('is-locked', locked.has(n));
            });
            document.getElementById('log').textContent = [...on].sort().join(',') + '|' + [...shut].sort().join(',');
          }
          const tv = document.getElementById('tv');
          tv.appendChild(build(data));
          tv.addEventListener('click', (e) => {
            const t = e.target, li = t.closest('.tv-node');
            if (!li) return;
            const n = li.dataset.name;
            if (t.classList.contains('tv-sw')) { shut.has(n) ? shut.delete(n) : shut.add(n); }
            else if (t === li || t.classList.contains('tv-box') || t.classList.contains('tv-label')) {
              const l = leaves(n).filter((x) => !locked.has(x));
              if (l.length === 0) return;
              const all = l.every((x) => on.has(x));
              l.forEach((x) => all ? on.delete(x) : on.add(x));
            }
            draw();
          });
          draw();
        </script>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("plaintree", ("/tree", Tree));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    private Task<RunResult> RunAsync(string task) => pages.RunAsync("/tree", task, TestContext.CancellationToken);

    // Ticked leaves | closed nodes, as the page keeps them.
    private Task<string> StateAsync() => pages.Session.Page.InnerTextAsync("#log");

    [TestMethod]
    public async Task Observe_ATreeWithoutAria_ListsEachNodeWithItsSwitchAndBoxAndLeavesClosedBranchesOut()
    {
        await pages.Session.Page.GotoAsync(pages.Server.Url("/tree"));
        var page = await pages.Session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);

        var boxes = page.Elements.Where(e => e.Role == "checkbox").ToDictionary(e => e.Name, e => e);
        CollectionAssert.AreEquivalent(new[] { "CC-10", "CC-10-1", "CC-10-2", "CC-20" }, boxes.Keys.ToArray(), "the closed branches' entries are not shown");
        Assert.IsFalse(boxes["CC-10"].Checked, "a partly ticked node is not ticked");
        var switches = page.Elements.Where(e => e.Role == "button" && e.Expanded is not null).ToDictionary(e => e.Name, e => e.Expanded);
        Assert.IsTrue(switches["CC-10"]);
        Assert.IsFalse(switches["CC-10-1"]);
        Assert.IsFalse(page.Elements.Any(e => e.Name.Contains("CC-10 CC-10-1", StringComparison.Ordinal)), "no element is named by the whole tree");
    }

    [TestMethod]
    public async Task RunAsync_CollapseANodeAndTickNothing_UsesItsSwitch()
    {
        var result = await RunAsync("Collapse CC-10 so that its children are hidden. Do not change any check boxes.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("CC-10-1-2,CC-10-2-1|CC-10,CC-10-1,CC-10-2,CC-20", await StateAsync());
    }

    [TestMethod]
    public async Task RunAsync_OpenANodeAndTickAnEntry_OpensWithTheSwitchAndTicksTheBox()
    {
        var result = await RunAsync("Open CC-20 and tick CC-20-1.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("CC-10-1-2,CC-10-2-1,CC-20-1|CC-10-1,CC-10-2", await StateAsync());
        StringAssert.Contains(result.Message, "is checked", "the tick is checked by the box's state, not by 'something changed'");
    }

    // The entry sits in a closed branch: its parent (whose code begins its code) is opened first, and only that one.
    [TestMethod]
    public async Task RunAsync_UntickAnEntryInAClosedBranch_OpensItsParentFirst()
    {
        var result = await RunAsync("Untick CC-10-1-2.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("CC-10-2-1|CC-10-2,CC-20", await StateAsync());
    }

    // "CC-10-1-3" shares every number with "CC-10-1" (and is no entry of the tree): no namesake is ticked or unticked.
    [TestMethod]
    public async Task RunAsync_TickAnEntryThatIsNotThere_TicksNoNamesake()
    {
        var result = await RunAsync("Open CC-10-1 and tick CC-10-1-3.");

        Assert.AreNotEqual(RunStatus.Completed, result.Status, "claimed: " + result.Message);
        Assert.AreEqual("CC-10-1-2,CC-10-2-1|CC-10-2,CC-20", await StateAsync());
    }

    // A locked entry says not-allowed and its box does nothing: ticking it is never reported done.
    [TestMethod]
    public async Task RunAsync_TickALockedEntry_IsNotCompleted()
    {
        var result = await RunAsync("Open CC-10-2 and tick CC-10-2-2.");

        Assert.AreNotEqual(RunStatus.Completed, result.Status, "claimed: " + result.Message);
        Assert.AreEqual("CC-10-1-2,CC-10-2-1|CC-10-1,CC-20", await StateAsync());
    }
}
