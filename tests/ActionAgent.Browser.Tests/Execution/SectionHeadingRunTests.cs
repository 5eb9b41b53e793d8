using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// "In the "Accordion Example", open the Info section" on a two-column page where every example has sections of the
/// same names, run through the interpreter in real Chromium: the section is the one under that example's heading (an h2
/// over the h3s), not one under a heading of the other column or of another example.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class SectionHeadingRunTests
{
    private const string Examples = """
        <!doctype html><title>Examples</title>
        <h1>Collapse demo</h1>
        <div style="display: flex; gap: 40px">
          <div style="width: 320px">
            <h2>Default Example</h2>
            <div class="group" id="default"><h3><button aria-expanded="false">Fruits</button></h3><p hidden>Apple</p><h3><button aria-expanded="false">Info</button></h3><p hidden>Default info</p></div>
            <h2>Accordion Example</h2>
            <div class="group" id="accordion"><h3><button aria-expanded="false">Fruits</button></h3><p hidden>Pear</p><h3><button aria-expanded="false">Info</button></h3><p hidden>Accordion info</p></div>
          </div>
          <div style="width: 320px; padding-top: 3px">
            <h2>Custom show &amp; hide</h2>
            <div class="group" id="custom"><h3><button aria-expanded="false">Hello</button></h3><p hidden>Hi</p><h3><button aria-expanded="false">Indeed</button></h3><p hidden>Yes</p><h3><button aria-expanded="false">Info</button></h3><p hidden>Custom info</p></div>
          </div>
        </div>
        <style>h3 { margin: 0; } h3 button { width: 100%; text-align: left; padding: 10px; }</style>
        <script>
          for (const b of document.querySelectorAll('h3 button')) b.onclick = () => {
            const open = b.getAttribute('aria-expanded') === 'true';
            b.setAttribute('aria-expanded', String(!open));
            b.parentElement.nextElementSibling.hidden = open;
          };
        </script>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("sections", ("/examples", Examples));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    private static Task<string> OpenAsync() =>
        pages.Session.Page.EvaluateAsync<string>("[...document.querySelectorAll('.group')].map(g => g.id + ':' + [...g.querySelectorAll('button[aria-expanded=true]')].map(b => b.textContent).join('+')).join(' ')");

    [TestMethod]
    public async Task RunAsync_OpenASectionInANamedExample_OpensThatExamplesSectionOnly()
    {
        var result = await pages.RunAsync("/examples", "In the \"Accordion Example\", open the Info section.", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("default: accordion:Info custom:", await OpenAsync());
    }

    [TestMethod]
    public async Task RunAsync_TheSecondSectionUnderAHeading_CountsUnderThatHeadingOnly()
    {
        var result = await pages.RunAsync("/examples", "Under \"Custom show & hide\", open the second section.", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("default: accordion: custom:Indeed", await OpenAsync());
    }
}
