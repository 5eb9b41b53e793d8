using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;
using ActionAgent.Vision.Imaging;
using ActionAgent.Vision.Tests.Support;
using ActionAgent.Vision.Verification;
using Microsoft.Playwright;

namespace ActionAgent.Vision.Tests.Verification;

[TestClass]
public sealed class PixelChangeVerifierBrowserTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task VerifyAsync_RealClicks_TellAnEffectFromNoEffectAndFindTheChangedRegion()
    {
        using var server = new LoopbackServer(new Dictionary<string, string> { ["/reveal"] = TestPages.Reveal });
        var page = await SharedBrowser.NewPageAsync();
        await page.GotoAsync(server.Url("/reveal"));
        var capture = new PlaywrightScreenCapture(page);
        var verifier = new PixelChangeVerifier(capture);
        var click = new ProposedAction(new ClickAction(ActionTarget.At(100, 300)), "test");

        var before = await new PlaywrightDomPerceiver(page).ObserveAsync(TestContext.CancellationToken);
        await page.Mouse.ClickAsync(200, 300);
        var inert = await verifier.VerifyAsync(click, before, ActionOutcome.Success("clicked the text"), TestContext.CancellationToken);

        await page.ClickAsync("#show");
        var revealed = await verifier.VerifyAsync(click, before, ActionOutcome.Success("clicked Show details"), TestContext.CancellationToken);

        TestContext.WriteLine($"inert: {inert.Message} ({inert.ChangedFraction}); reveal: {revealed.Message} ({revealed.ChangedFraction})");
        Assert.AreEqual("clicked the text (the action had no visible effect)", inert.Message);
        Assert.IsTrue(revealed.ChangedFraction > 0, "showing a line of text is a visible effect");
        Assert.AreEqual("clicked Show details", revealed.Message);

        using var beforeImage = FrameCodec.Decode(before.Screenshot);
        using var afterImage = FrameCodec.Decode(await capture.CaptureAsync(TestContext.CancellationToken));
        var change = new ChangeDetector().Detect(beforeImage, afterImage);
        var details = await page.Locator("#details").BoundingBoxAsync() ?? throw new AssertFailedException("no #details box");
        var detailsText = new ScreenRect(details.X, details.Y, 250, details.Height);
        Assert.IsTrue(change.Regions.Any(r => r.Intersect(detailsText).Area > 0.5 * detailsText.Area), $"a changed region covers the revealed text; regions: {string.Join(", ", change.Regions)}");
    }

    private const string Form = """
        <!doctype html><html><head><meta charset="utf-8"><title>Form</title>
        <style>button:hover{background:#36c;color:#fff;box-shadow:0 0 4px #000} input:hover{border-color:#c00}</style></head>
        <body style="font-family:'DejaVu Sans';margin:24px;font-size:16px">
        <p><input id="amount" aria-label="Amount" style="width:220px;height:28px;font-size:16px"></p>
        <p><button id="inert">Does nothing</button></p>
        <p><input id="notify" type="checkbox" aria-label="Notify"> Notify customer</p>
        <p><button id="show" onclick="document.getElementById('details').style.visibility='visible'">Show details</button></p>
        <p id="details" style="visibility:hidden">Shipped on 3 March by courier</p>
        <p><input id="pin" type="password" aria-label="PIN" style="width:220px;height:28px;font-size:16px"></p>
        </body></html>
        """;

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task VerifyAsync_ConfirmingEffects_CountsTypingTicksAndReveals_NotHoverFocusOrCaret()
    {
        using var server = new LoopbackServer(new Dictionary<string, string> { ["/form"] = Form });
        var page = await SharedBrowser.NewPageAsync();
        await page.GotoAsync(server.Url("/form"));
        var verifier = new PixelChangeVerifier(new PlaywrightScreenCapture(page), new PixelChangeVerifierOptions { ConfirmEffects = true });
        var perceiver = new PlaywrightDomPerceiver(page);
        var ct = TestContext.CancellationToken;

        async Task<ActionOutcome> Act(Func<Observation, BrowserAction> action, Func<Task> doIt)
        {
            var before = await perceiver.ObserveAsync(ct);
            await doIt();
            var outcome = await verifier.VerifyAsync(new ProposedAction(action(before), "test"), before, ActionOutcome.Success("done"), ct);
            TestContext.WriteLine($"{outcome.Message}");
            return outcome;
        }

        int Id(Observation o, string name) => o.Elements.First(e => e.Name == name).Id;

        // Focus (ring, caret, hover border) without a character typed: not new text.
        var focused = await Act(o => new TypeTextAction(ActionTarget.Element(Id(o, "Amount")), "42.00"), () => page.ClickAsync("#amount"));
        Assert.IsTrue(focused.Checks is null or { Count: 0 }, $"focusing the field is not typing: {focused.Message}");

        var typed = await Act(o => new TypeTextAction(ActionTarget.Element(Id(o, "Amount")), "42.00"), () => page.Keyboard.TypeAsync("42.00"));
        Assert.IsTrue(typed.Checks is { Count: > 0 } && typed.Checks[0].Contains("shows new text", StringComparison.Ordinal), typed.Message);

        // A button that only restyles on hover: its own pixels change, nothing else does.
        var inert = await Act(o => new ClickAction(ActionTarget.Element(Id(o, "Does nothing"))), () => page.ClickAsync("#inert"));
        Assert.IsTrue(inert.Checks is null or { Count: 0 }, $"a hover style is no effect: {inert.Message}");

        var ticked = await Act(o => new ClickAction(ActionTarget.Element(Id(o, "Notify"))), () => page.ClickAsync("#notify"));
        Assert.IsTrue(ticked.Checks is { Count: > 0 } && ticked.Checks[0].Contains("changed its mark", StringComparison.Ordinal), ticked.Message);

        var shown = await Act(o => new ClickAction(ActionTarget.Element(Id(o, "Show details"))), () => page.ClickAsync("#show"));
        Assert.IsTrue(shown.Checks is { Count: > 0 } && shown.Checks[0].Contains("changed the screen around it", StringComparison.Ordinal), shown.Message);

        // A secret field is painted over in the observation: the raw frame of the previous step tells what it showed.
        await page.FocusAsync("#pin");
        var idle = await Act(o => new TypeTextAction(ActionTarget.Element(Id(o, "PIN")), "4711"), () => Task.CompletedTask);
        Assert.IsTrue(idle.Checks is null or { Count: 0 }, $"nothing typed into the secret field: {idle.Message}");
        var secret = await Act(o => new TypeTextAction(ActionTarget.Element(Id(o, "PIN")), "4711"), () => page.Keyboard.TypeAsync("4711"));
        Assert.IsTrue(secret.Checks is { Count: > 0 } && secret.Checks[0].Contains("shows new characters", StringComparison.Ordinal), secret.Message);
        Assert.IsFalse(secret.Message.Contains("4711", StringComparison.Ordinal), "the check does not echo the secret");
    }

    // A clock that starts ticking once a second when told to, and the times of its ticks and of the last click; a
    // button that does nothing and one that shows a line.
    private const string Clock = """
        <!doctype html><html><head><meta charset="utf-8"><title>Clock</title></head>
        <body style="font-family:'DejaVu Sans';margin:24px;font-size:16px">
        <p><button id="inert">Save settings</button> <button id="publish" onclick="document.getElementById('state').textContent='Profile published'">Publish profile</button></p>
        <p id="state"></p>
        <p style="margin-top:120px">Server time: <span id="clock">0</span></p>
        <script>
        let n = 0; window.ticks = []; window.clickedAt = null;
        document.addEventListener('click', () => { window.clickedAt = performance.now(); }, true);
        const tick = () => { document.getElementById('clock').textContent = (++n) + ' s since load'; window.ticks.push(performance.now()); };
        window.startClock = () => { tick(); setInterval(tick, 1000); };
        </script>
        </body></html>
        """;

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    [DataRow("#inert", false, DisplayName = "an inert button: the clock's tick after the click is not its effect")]
    [DataRow("#publish", true, DisplayName = "a working button: its line counts, the clock does not hide it")]
    public async Task VerifyAsync_APageThatTicksOnlyAfterTheMotionWasLearned_DoesNotCountTheTick(string button, bool works)
    {
        using var server = new LoopbackServer(new Dictionary<string, string> { ["/clock"] = Clock });
        var page = await SharedBrowser.NewPageAsync();
        await page.GotoAsync(server.Url("/clock"));
        var verifier = new PixelChangeVerifier(new PlaywrightScreenCapture(page), new PixelChangeVerifierOptions { ConfirmEffects = true, LearnMotion = true });
        var ct = TestContext.CancellationToken;

        await page.BringToFrontAsync();
        var before = await new PlaywrightDomPerceiver(page).ObserveAsync(ct);
        var name = works ? "Publish profile" : "Save settings";
        var click = new ProposedAction(new ClickAction(ActionTarget.Element(before.Elements.First(e => e.Name == name).Id)), "test");
        await verifier.PrepareAsync(click, before, ct);

        // The clock's first tick falls after the motion was learned, while the click's effect is awaited.
        await page.EvaluateAsync("() => setTimeout(window.startClock, 150)");
        await page.ClickAsync(button);
        var outcome = await verifier.VerifyAsync(click, before, ActionOutcome.Success("clicked"), ct);
        var afterClick = await page.EvaluateAsync<double>("() => window.ticks[0] - window.clickedAt");

        TestContext.WriteLine($"{outcome.Message} | checks: {string.Join("; ", outcome.Checks ?? [])} | first tick {afterClick:0} ms after the click (before it when negative)");
        Assert.IsTrue(afterClick < 900, "the clock ticked while the click's effect was awaited (else this test shows nothing)");
        if (works)
        {
            Assert.IsTrue(outcome.Checks is { Count: > 0 }, $"the line the click showed is its effect: {outcome.Message}");
        }
        else
        {
            Assert.IsTrue(outcome.Checks is null or { Count: 0 }, $"the clock's tick was taken for the click's effect: {string.Join("; ", outcome.Checks ?? [])}");
            StringAssert.Contains(outcome.Message, PixelChangeVerifier.NoEffectSuffix);
            StringAssert.Matches(outcome.Message, new System.Text.RegularExpressions.Regex(@"changes? by (itself|themselves) (was|were) not counted"));
        }
    }
}
