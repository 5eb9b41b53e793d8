using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// "Give the basic rater three stars", "Rate the Service stars 4 out of 5" on a page of rating widgets drawn the common
/// ways (one star bar clicked at a place along it, with and without half stars; rows of nameless stars told apart only
/// by their captions), run through the interpreter in real Chromium. Every widget lights stars under the pointer before
/// any click, so a run that saw only that preview must not report the rating done: the broken rater's click sets nothing.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class RatingRunTests
{
    private const string Raters = """
        <!doctype html><title>Raters</title>
        <style>
          .bar { position: relative; display: inline-block; height: 32px; cursor: pointer; background: repeating-linear-gradient(90deg, #ddd 0 28px, #fff 28px 32px); }
          .bar .fill { position: absolute; left: 0; top: 0; height: 100%; background: repeating-linear-gradient(90deg, gold 0 28px, transparent 28px 32px); }
          .row { display: flex; gap: 4px; margin-top: 20px; }
          .row a { display: block; width: 20px; height: 20px; background: #ddd; }
          .row a.on, .row a.hover { background: gold; }
          .caption { font-size: 12px; }
          section { margin: 24px 0; }
        </style>
        <section><h2>Basic rater</h2><div class="bar" id="basic" data-step="1" style="width: 160px"><div class="fill"></div></div></section>
        <section><h2>Half-star rater</h2><div class="bar" id="half" data-step="0.5" style="width: 160px"><div class="fill"></div></div></section>
        <section><h2>Broken rater</h2><div class="bar" id="broken" data-step="1" data-broken="1" style="width: 160px"><div class="fill"></div></div></section>
        <section><h2>Your review</h2>
          <div style="display: flex; gap: 60px">
            <div><div class="row" id="quality"><a href="#"></a><a href="#"></a><a href="#"></a><a href="#"></a><a href="#"></a></div><div class="caption">Quality</div></div>
            <div><div class="row" id="service"><a href="#"></a><a href="#"></a><a href="#"></a><a href="#"></a><a href="#"></a></div><div class="caption">Service</div></div>
            <div><div class="row" id="value" data-broken="1"><a href="#"></a><a href="#"></a><a href="#"></a><a href="#"></a><a href="#"></a></div><div class="caption">Value for money</div></div>
          </div>
        </section>
        <script>
          for (const bar of document.querySelectorAll('.bar')) {
            const stars = bar.offsetWidth / 32, step = Number(bar.dataset.step), fill = bar.firstElementChild;
            const show = (v) => fill.style.width = (v / stars * 100) + '%';
            const at = (x) => Math.ceil(x / bar.offsetWidth * stars / step) * step;
            bar.addEventListener('mousemove', (e) => show(at(e.offsetX)));
            bar.addEventListener('mouseleave', () => show(Number(bar.dataset.rating || 0)));
            bar.addEventListener('click', (e) => { if (!bar.dataset.broken) { bar.dataset.rating = at(e.offsetX); show(at(e.offsetX)); } });
          }
          for (const row of document.querySelectorAll('.row')) {
            const stars = [...row.children];
            const paint = (n, cls) => stars.forEach((s, i) => s.classList.toggle(cls, i < n));
            stars.forEach((s, i) => {
              s.addEventListener('mouseenter', () => paint(i + 1, 'hover'));
              s.addEventListener('click', (e) => { e.preventDefault(); if (!row.dataset.broken) { row.dataset.rating = i + 1; paint(i + 1, 'on'); } });
            });
            row.addEventListener('mouseleave', () => paint(0, 'hover'));
          }
        </script>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("ratings", ("/raters", Raters));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    private static Task<string> RatingsAsync() =>
        pages.Session.Page.EvaluateAsync<string>("['basic', 'half', 'broken', 'quality', 'service', 'value'].map(id => id + '=' + (document.getElementById(id).dataset.rating || 0)).join(' ')");

    [TestMethod]
    public async Task RunAsync_GiveAStarBarThreeStars_ClicksTheThirdStarsPlace()
    {
        var result = await pages.RunAsync("/raters", "Give the \"Basic rater\" three stars. Leave the other raters alone.", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("basic=3 half=0 broken=0 quality=0 service=0 value=0", await RatingsAsync());
    }

    [TestMethod]
    public async Task RunAsync_HalfStars_SetTheHalfStarBarToTwoAndAHalf()
    {
        var result = await pages.RunAsync("/raters", "Set the Half-star rater to two and a half stars.", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("basic=0 half=2.5 broken=0 quality=0 service=0 value=0", await RatingsAsync());
    }

    [TestMethod]
    public async Task RunAsync_RowsToldApartByCaption_RatesTheServiceRowOnly()
    {
        var result = await pages.RunAsync("/raters", "Under \"Your review\", rate the Service stars 4 out of 5.", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("basic=0 half=0 broken=0 quality=0 service=4 value=0", await RatingsAsync());
    }

    [TestMethod]
    public async Task RunAsync_AStarBarWhoseClickSetsNothing_IsNotReportedDone()
    {
        // Its stars light up under the pointer like the others; only the click does nothing.
        var result = await pages.RunAsync("/raters", "Give the broken rater 4 stars.", TestContext.CancellationToken);

        Assert.AreNotEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("basic=0 half=0 broken=0 quality=0 service=0 value=0", await RatingsAsync());
    }

    [TestMethod]
    public async Task RunAsync_ARowWhoseClickSetsNothing_IsNotReportedDone()
    {
        // Pointing at its fourth star lights four stars (class changes on the other stars); the click sets nothing. The
        // lit stars under the pointer are no proof of a rating.
        var result = await pages.RunAsync("/raters", "Rate the Value for money stars 4 out of 5.", TestContext.CancellationToken);

        Assert.AreNotEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("basic=0 half=0 broken=0 quality=0 service=0 value=0", await RatingsAsync());
    }

    [TestMethod]
    public async Task RunAsync_MoreStarsThanTheWidgetHas_FailsWithoutClicking()
    {
        var result = await pages.RunAsync("/raters", "Rate the Quality stars 7 out of 10.", TestContext.CancellationToken);

        Assert.AreNotEqual(RunStatus.Completed, result.Status, result.Message);
        StringAssert.Contains(result.Message, "not 10", result.Message);
        Assert.AreEqual("basic=0 half=0 broken=0 quality=0 service=0 value=0", await RatingsAsync());
    }
}
