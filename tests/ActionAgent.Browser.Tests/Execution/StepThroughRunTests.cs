using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// "Go back one slide", "move two slides forward": a carousel's own previous/next arrows, pressed that many times and each
/// press checked; never the browser's Back. And the browser's Back itself never leaves the task's page for the blank tab
/// a run starts from (held-out b13-ow-03 went back to about:blank and said Completed).
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class StepThroughRunTests
{
    private const string Carousel = """
        <!doctype html><title>Gallery</title>
        <style> .slide { display: none; width: 300px; height: 120px; background: #eee; font-size: 40px; } .slide.on { display: block; } </style>
        <div id="c"><div class="slide">1</div><div class="slide">2</div><div class="slide">3</div><div class="slide">4</div><div class="slide">5</div></div>
        <button aria-label="Previous" id="prev">&lsaquo;</button> <button aria-label="Next" id="next">&rsaquo;</button>
        <script>
          let at = 2; const slides = [...document.querySelectorAll('.slide')];
          const show = () => slides.forEach((s, i) => s.classList.toggle('on', i === at));
          document.getElementById('prev').onclick = () => { at = (at + slides.length - 1) % slides.length; show(); };
          document.getElementById('next').onclick = () => { at = (at + 1) % slides.length; show(); };
          show();
        </script>
        """;

    // Two carousels under headings, with rows of dots: nameless buttons under the first, "Page N" tabs under the second.
    private const string Dots = """
        <!doctype html><title>Dots</title>
        <style> .dots button { width: 12px; height: 12px; border-radius: 6px; border: 0; background: #bbb; margin: 3px; padding: 0; }
          .dots button.on { background: #333; } .slide { font-size: 30px; } </style>
        <h2>Basic</h2><div class="slide" id="a">1</div>
        <div class="dots" id="da"><button class="on"></button><button></button><button></button><button></button><button></button></div>
        <h2>Paged</h2><div class="slide" id="b">1</div>
        <div class="dots" id="db" role="tablist"><button role="tab" aria-label="Page 1" class="on"></button><button role="tab" aria-label="Page 2"></button><button role="tab" aria-label="Page 3"></button></div>
        <script>
          for (const [dots, slide] of [['da', 'a'], ['db', 'b']]) {
            const all = [...document.getElementById(dots).children];
            all.forEach((d, i) => d.onclick = () => { all.forEach(x => x.classList.toggle('on', x === d)); document.getElementById(slide).textContent = i + 1; });
          }
        </script>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("step-through", ("/gallery", Carousel), ("/dots", Dots),
            ("/one", Dots[..Dots.IndexOf("<h2>Paged</h2>", StringComparison.Ordinal)] + "<a href=\"#\" style=\"display:inline-block;width:26px;height:26px;background:#49f\" onclick=\"return false\"></a><div id=\"b\">1</div>" + Dots[Dots.IndexOf("<script>", StringComparison.Ordinal)..].Replace("['db', 'b']", "", StringComparison.Ordinal)),
            ("/gap", Dots.Replace("<button role=\"tab\" aria-label=\"Page 2\">", "<button role=\"tab\" aria-label=\"Page 2\" disabled>", StringComparison.Ordinal)));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    private static Task<string> ShownAsync() => pages.Session.Page.EvaluateAsync<string>("location.pathname + ' ' + document.querySelector('.slide.on').textContent");

    [TestMethod]
    [DataRow("Go back one slide, so that 2 is shown.", "/gallery 2")]
    [DataRow("Move two slides forward.", "/gallery 5")]
    [DataRow("Go one slide forward with the arrow.", "/gallery 4")]
    public async Task RunAsync_SlidesCountedBackOrForward_PressTheCarouselsArrows(string task, string expected)
    {
        var result = await pages.RunAsync("/gallery", task, TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual(expected, await ShownAsync());
    }

    [TestMethod]
    public async Task RunAsync_BrowserBackFromTheFirstPageOfTheTab_FailsAndStaysOnThePage()
    {
        await using var fresh = await InterpreterPages.StartAsync("step-through-fresh", ("/gallery", Carousel));

        var result = await fresh.RunAsync("/gallery", "Go back.", TestContext.CancellationToken);

        Assert.AreNotEqual(RunStatus.Completed, result.Status, result.Message);
        StringAssert.EndsWith(fresh.Session.Page.Url, "/gallery", result.Message);
    }

    [TestMethod]
    [DataRow("Basic: click the third dot under the carousel.", "3 1")]
    [DataRow("Paged: click the second dot.", "1 2")]
    [DataRow("Under Paged, click the last dot.", "1 3")]
    [DataRow("Click the third dot under the carousel.", "3 1", "/one")]
    public async Task RunAsync_ADotCountedInItsRow_IsClicked(string task, string expected, string path = "/dots")
    {
        // "/one": one carousel, and a small icon link with no name elsewhere (a lone control is no row of dots).
        var result = await pages.RunAsync(path, task, TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual(expected, await pages.Session.Page.EvaluateAsync<string>("document.getElementById('a').textContent + ' ' + document.getElementById('b').textContent"));
    }

    [TestMethod]
    [DataRow("/gap", "Paged: click the second dot.")]
    [DataRow("/dots", "Click the third dot under the carousel.")]
    public async Task RunAsync_ADotThatCannotBeCountedSurely_IsNotClicked(string path, string task)
    {
        // /gap: the second "Page" dot is disabled, and counting the others would land on the third. /dots: two carousels,
        // and "the carousel" does not say which row of dots is meant.
        var result = await pages.RunAsync(path, task, TestContext.CancellationToken);

        Assert.AreNotEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("1 1", await pages.Session.Page.EvaluateAsync<string>("document.getElementById('a').textContent + ' ' + document.getElementById('b').textContent"));
    }
}
