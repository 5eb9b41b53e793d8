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

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("step-through", ("/gallery", Carousel));

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
}
