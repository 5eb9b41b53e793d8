using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// Sliders drawn by a script (role slider, aria-valuenow, arrow keys, as the WAI-ARIA pattern has them) set to a number:
/// the handle is focused and stepped with the arrow keys until it says the value, never clicked (a press on a handle
/// moves it to the pointer), and a value its steps skip is reported, not claimed. A range's handles are told apart by
/// their place on the track ("the upper handle").
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class SliderKeysRunTests
{
    private const string Sliders = """
        <!doctype html><title>Sliders</title>
        <style>
          .track { position: relative; width: 400px; height: 8px; background: #ccc; margin: 40px 20px; }
          .thumb { position: absolute; top: -8px; width: 16px; height: 24px; margin-left: -8px; background: #36c; }
        </style>
        <h3>Volume</h3><div class="track" data-min="0" data-max="100" data-step="0.5"><div class="thumb" role="slider" tabindex="0" id="volume" aria-valuenow="40"></div></div>
        <h3>Coarse</h3><div class="track" data-min="0" data-max="100" data-step="5"><div class="thumb" role="slider" tabindex="0" id="coarse" aria-valuenow="40"></div></div>
        <h3>Opacity</h3><div class="track" data-min="0" data-max="100" data-step="5" data-unit="%"><div class="thumb" role="slider" tabindex="0" id="opacity" aria-valuenow="45"></div></div>
        <h3>Slider with step = 10</h3><div class="track" data-min="0" data-max="100" data-step="10"><div class="thumb" role="slider" tabindex="0" id="tens" aria-valuenow="20"></div></div>
        <h3>Price range</h3><div class="track" data-min="0" data-max="200" data-step="1">
          <div class="thumb" role="slider" tabindex="0" id="low" aria-valuenow="50"></div><div class="thumb" role="slider" tabindex="0" id="high" aria-valuenow="100"></div></div>
        <script>
          for (const track of document.querySelectorAll('.track')) {
            const min = +track.dataset.min, max = +track.dataset.max, step = +track.dataset.step;
            const thumbs = [...track.querySelectorAll('.thumb')];
            const place = (t) => {
              t.style.left = ((+t.getAttribute('aria-valuenow') - min) / (max - min) * 100) + '%';
              if (track.dataset.unit) t.setAttribute('aria-valuetext', t.getAttribute('aria-valuenow') + track.dataset.unit);
            };
            const set = (t, v) => {
              const i = thumbs.indexOf(t);
              const lo = i > 0 ? +thumbs[i - 1].getAttribute('aria-valuenow') : min, hi = i < thumbs.length - 1 ? +thumbs[i + 1].getAttribute('aria-valuenow') : max;
              t.setAttribute('aria-valuenow', String(Math.min(hi, Math.max(lo, Math.round(v / step) * step)))); place(t);
            };
            thumbs.forEach(place);
            for (const t of thumbs) {
              t.addEventListener('keydown', (e) => {
                const d = { ArrowRight: step, ArrowUp: step, ArrowLeft: -step, ArrowDown: -step }[e.key];
                if (d) { e.preventDefault(); set(t, +t.getAttribute('aria-valuenow') + d); }
              });
              // A press moves the handle to the pointer, a little off its centre as a real track does.
              t.addEventListener('mousedown', (e) => set(t, min + (e.clientX - track.getBoundingClientRect().left + 3) / track.offsetWidth * (max - min)));
            }
          }
        </script>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("slider-keys", ("/sliders", Sliders));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    private static Task<string> ValuesAsync() => pages.Session.Page.EvaluateAsync<string>(
        "[...document.querySelectorAll('[role=slider]')].map(t => t.id + '=' + t.getAttribute('aria-valuenow')).join(' ')");

    [TestMethod]
    public async Task RunAsync_ASliderDrawnByAScript_IsSteppedToTheValueWithTheArrowKeys()
    {
        var result = await pages.RunAsync("/sliders", "Under Volume, move the slider from 40 to 43.5.", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("volume=43.5 coarse=40 opacity=45 tens=20 low=50 high=100", await ValuesAsync());
    }

    [TestMethod]
    public async Task RunAsync_TheUpperHandleOfARange_MovesThatHandleOnly()
    {
        var result = await pages.RunAsync("/sliders", "On the two-handle slider, push the upper handle to 87.", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("volume=40 coarse=40 opacity=45 tens=20 low=50 high=87", await ValuesAsync());
    }

    [TestMethod]
    public async Task RunAsync_AValueTheSlidersStepsSkip_IsReportedNotClaimed()
    {
        var result = await pages.RunAsync("/sliders", "Set the Coarse slider to 43.", TestContext.CancellationToken);

        Assert.AreNotEqual(RunStatus.Completed, result.Status, result.Message);
        StringAssert.Contains(result.Message, "43");
    }

    [TestMethod]
    public async Task RunAsync_ASliderThatSaysItsValueInWords_IsSetByTheNumberBehindThem()
    {
        // It says "45%"; aria-valuenow holds 45.
        var result = await pages.RunAsync("/sliders", "Set the Opacity slider to 60.", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("volume=40 coarse=40 opacity=60 tens=20 low=50 high=100", await ValuesAsync());
    }

    [TestMethod]
    public async Task RunAsync_ASliderNamedByWhatFollowsTheWordSlider_IsSetLikeAnyOther()
    {
        var result = await pages.RunAsync("/sliders", "Set the slider with step = 10 to 30.", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("volume=40 coarse=40 opacity=45 tens=30 low=50 high=100", await ValuesAsync());
    }

    [TestMethod]
    [DataRow("First slider on the page: bring it down to 37.", "volume=37 coarse=40 opacity=45 tens=20 low=50 high=100")]
    [DataRow("Volume: it should read 42. Adjust it.", "volume=42 coarse=40 opacity=45 tens=20 low=50 high=100")]
    [DataRow("On the Price range slider, take the upper handle and move it to 120.", "volume=40 coarse=40 opacity=45 tens=20 low=50 high=120")]
    [DataRow("Raise the Coarse slider to 60.", "volume=40 coarse=60 opacity=45 tens=20 low=50 high=100")]
    public async Task RunAsync_AHandleBroughtToAValueWithoutADragVerb_IsSteppedThere(string task, string expected)
    {
        // "it" is the topic before the colon or what was taken; bring/raise/lower a handle to a value is a drag there.
        var result = await pages.RunAsync("/sliders", task, TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual(expected, await ValuesAsync());
    }
}
