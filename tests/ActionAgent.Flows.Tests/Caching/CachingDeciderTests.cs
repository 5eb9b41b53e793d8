using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using ActionAgent.Flows.Caching;
using ActionAgent.Flows.Definition;
using ActionAgent.Flows.Expectations;
using ActionAgent.Flows.Reporting;
using ActionAgent.Flows.Running;
using ActionAgent.Flows.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionAgent.Flows.Tests.Caching;

[TestClass]
public sealed class CachingDeciderTests
{
    private static Observation Page(params UiElement[] elements) => new()
    {
        Url = "http://app.test/refund",
        Geometry = ViewportGeometry.Identity(800, 600),
        Elements = elements,
        Screenshot = new byte[] { 1, 2, 3 },
    };

    private static UiElement Button(int id, string name, double x, double y) =>
        new() { Id = id, Role = "button", Name = name, Bounds = new ScreenRect(x, y, 160, 40) };

    private static readonly UiElement Amount = new() { Id = 1, Role = "textbox", Name = "Amount", Bounds = new ScreenRect(100, 100, 200, 30) };

    private static DecisionContext Context(Observation o, string run = "run-1", string task = "Click Submit refund", int step = 1, StepSummary? last = null) =>
        new(run, task, step, o, last is null ? [] : [last]);

    [TestMethod]
    public async Task DecideAsync_SecondRunWithNewIds_HitsWithZeroInnerCalls()
    {
        var inner = new InstructionDecider();
        var cache = new ActionCache();
        var decider = new CachingDecider(inner, cache);

        var first = await decider.DecideAsync(Context(Page(Amount, Button(2, "Submit refund", 100, 400))));
        var second = await decider.DecideAsync(Context(Page(Amount with { Id = 11 }, Button(12, "Submit refund", 100, 400)), run: "run-2"));

        Assert.AreEqual(1, inner.Calls, "only the first run asked the decider");
        Assert.AreEqual(2, ((ClickAction)first.Action).Target.ElementId);
        Assert.AreEqual(12, ((ClickAction)second.Action).Target.ElementId, "aimed at the element's id in this run");
        Assert.AreEqual("cache", second.DecidedBy);
        Assert.AreEqual(0, second.Usage.TotalTokens);
        Assert.AreEqual(new CacheStatistics(1, 1, 0, 0, 0), decider.Statistics);
    }

    [TestMethod]
    public async Task DecideAsync_ButtonMoved_FindsItAgainWithoutTheDecider()
    {
        var inner = new InstructionDecider();
        var decider = new CachingDecider(inner, new ActionCache());
        await decider.DecideAsync(Context(Page(Amount, Button(2, "Submit refund", 100, 400))));

        var moved = await decider.DecideAsync(Context(Page(Button(7, "Submit refund", 600, 50), Amount with { Id = 8 }), run: "run-2"));

        Assert.AreEqual(1, inner.Calls);
        Assert.AreEqual(7, ((ClickAction)moved.Action).Target.ElementId);
        Assert.AreEqual(1, decider.Statistics.Relocated);
    }

    [TestMethod]
    public async Task DecideAsync_ButtonRelabelledAndMoved_HealsOnceThenHitsOnNewLayout()
    {
        var inner = new RelabelAwareDecider();
        var cache = new ActionCache();
        var decider = new CachingDecider(inner, cache);
        await decider.DecideAsync(Context(Page(Amount, Button(2, "Submit refund", 100, 400))));
        var relabelled = Page(Button(5, "File refund", 600, 50), Amount with { Id = 6 });

        var healed = await decider.DecideAsync(Context(relabelled, run: "run-2"));
        var afterHeal = await decider.DecideAsync(Context(relabelled, run: "run-3"));

        Assert.AreEqual(2, inner.Calls, "first grounding + one heal; the third run is a hit");
        Assert.AreEqual(5, ((ClickAction)healed.Action).Target.ElementId);
        StringAssert.Contains(healed.Reason, "healed: the cached target button \"Submit refund\"");
        Assert.AreEqual(1, decider.Statistics.Healed);
        Assert.AreEqual(1, decider.Heals.Count);
        Assert.AreEqual("cache", afterHeal.DecidedBy);
        Assert.AreEqual(5, ((ClickAction)afterHeal.Action).Target.ElementId);
    }

    [TestMethod]
    public async Task DecideAsync_ButtonGoneAndDeciderPicksATextBox_RefusesToHealAndSaysWhy()
    {
        var inner = new FirstElementDecider();
        var cache = new ActionCache();
        var decider = new CachingDecider(inner, cache);
        await decider.DecideAsync(Context(Page(Button(2, "Search", 400, 100), Amount), task: "Click Search"));
        var renamed = Page(new UiElement { Id = 7, Role = "searchbox", Name = "Search orders", Bounds = new ScreenRect(100, 100, 280, 30) }, Button(8, "Find", 400, 100));

        var refused = await decider.DecideAsync(Context(renamed, run: "run-2", task: "Click Search"));

        var fail = refused.Action as FailAction;
        Assert.IsNotNull(fail, "a button swapped for a search box is not a heal");
        StringAssert.Contains(fail.Reason, "searchbox \"Search orders\" instead, a different kind of element than the cached button \"Search\"");
        Assert.AreEqual(0, decider.Statistics.Healed);
        Assert.AreEqual(0, decider.Heals.Count);
    }

    [TestMethod]
    public async Task DecideAsync_SlightRelabel_IsRelocatedNotHealed()
    {
        var inner = new InstructionDecider();
        var decider = new CachingDecider(inner, new ActionCache());
        await decider.DecideAsync(Context(Page(Button(2, "Sign in", 100, 400)), task: "Click Sign in"));

        var again = await decider.DecideAsync(Context(Page(Button(3, "Sign in now", 110, 400)), run: "run-2", task: "Click Sign in"));

        Assert.AreEqual(1, inner.Calls);
        Assert.AreEqual(3, ((ClickAction)again.Action).Target.ElementId);
        StringAssert.Contains(again.Reason, "found again by similar match");
    }

    [TestMethod]
    public async Task DecideAsync_UnlabelledIconFoundByTemplate_WhenMatcherIsGiven()
    {
        var inner = new PointDecider();
        var matcher = new FakeMatcher(new TemplateMatch(new ScreenRect(1200, 100, 80, 80), 0.97));
        var decider = new CachingDecider(inner, new ActionCache(), new FakeCropper(), matcher);
        var icon = new UiElement { Id = 1, Role = "button", Name = "", Bounds = new ScreenRect(50, 50, 40, 40) };
        await decider.DecideAsync(Context(Page(icon), task: "Click the gear icon"));

        // The icon moved to (600,50) CSS; the screenshot is 2x, so the matcher answers in screenshot pixels.
        var moved = Page(icon with { Id = 9, Bounds = new ScreenRect(600, 50, 40, 40) }) with { Geometry = new ViewportGeometry(800, 600, 2, 1600, 1200) };
        var again = await decider.DecideAsync(Context(moved, run: "run-2", task: "Click the gear icon"));

        Assert.AreEqual(1, inner.Calls);
        var point = ((ClickAction)again.Action).Target.Point!.Value;
        Assert.AreEqual(620, point.X, 0.01, "same relative spot inside the moved icon");
        Assert.AreEqual(70, point.Y, 0.01);
        CollectionAssert.AreEqual(new byte[] { 42 }, matcher.LastTemplate!.Value.ToArray(), "the stored crop was matched");
    }

    [TestMethod]
    public async Task DecideAsync_UnlabelledIconInSamePlace_IsFoundByPositionWithoutMatcher()
    {
        var inner = new PointDecider();
        var decider = new CachingDecider(inner, new ActionCache());
        var icon = new UiElement { Id = 1, Role = "button", Name = "", Bounds = new ScreenRect(50, 50, 40, 40) };
        await decider.DecideAsync(Context(Page(icon), task: "Click the gear icon"));

        var same = await decider.DecideAsync(Context(Page(icon with { Id = 4, Bounds = new ScreenRect(52, 50, 40, 40) }), run: "run-2", task: "Click the gear icon"));
        var gone = await decider.DecideAsync(Context(Page(icon with { Id = 5, Bounds = new ScreenRect(500, 300, 40, 40) }), run: "run-3", task: "Click the gear icon"));

        Assert.AreEqual("cache", same.DecidedBy);
        Assert.AreEqual(2, inner.Calls, "the icon far away is not assumed to be the same: the decider is asked (healed)");
        Assert.AreEqual(1, decider.Statistics.Healed);
        Assert.AreEqual("point", gone.DecidedBy);
    }

    [TestMethod]
    public async Task DecideAsync_ServedActionFailed_InvalidatesAndAsksAgain()
    {
        var inner = new InstructionDecider();
        var decider = new CachingDecider(inner, new ActionCache());
        var page = Page(Button(2, "Submit refund", 100, 400));
        await decider.DecideAsync(Context(page));
        await decider.DecideAsync(Context(page, run: "run-2"));

        var next = await decider.DecideAsync(Context(page, run: "run-2", step: 2, last: new StepSummary(1, "click #2", "element is covered", Succeeded: false)));

        Assert.AreEqual(2, inner.Calls);
        Assert.AreEqual(1, decider.Statistics.Invalidated);
        StringAssert.Contains(next.Reason, "healed: the cached action failed: element is covered");
    }

    [TestMethod]
    public async Task DecideAsync_ServedClickWorkedButItsFollowUpIsNotCachedYet_InterpreterFinishesInsteadOfStartingOver()
    {
        // Two flows at once share the cache: flow A has stored its click on Sign in but not yet what came after it.
        // Flow B is served that click, the page moves on, and the offline interpreter (which never saw the click) is
        // asked next: it must finish the instruction, not look for "Sign in" again on the next page.
        var interpreter = new ActionAgent.Core.Decision.Interpretation.StepInterpreter();
        var decider = new CachingDecider(interpreter, new ActionCache());
        var login = Page(Amount, Button(2, "Sign in", 100, 400));
        var orders = Page(Button(30, "Search", 500, 40)) with { Url = "http://app.test/orders" };
        await decider.DecideAsync(Context(login, run: "flow-a", task: "Click Sign in"));

        var click = await decider.DecideAsync(Context(login with { }, run: "flow-b", task: "Click Sign in"));
        var clicked = new StepSummary(1, click.Action.Describe(), "clicked", Succeeded: true) { StepText = click.StepText, ActionKind = click.Action.Kind };
        var next = await decider.DecideAsync(Context(orders, run: "flow-b", task: "Click Sign in", step: 2, last: clicked));

        Assert.AreEqual("cache", click.DecidedBy);
        Assert.IsInstanceOfType<DoneAction>(next.Action, $"{next.Action.Describe()}: {next.Reason}");
    }

    [TestMethod]
    public async Task DecideAsync_CacheOnlyMiss_FailsSayingHowToFillTheCache()
    {
        var decider = new CachingDecider(null, new ActionCache());

        var proposal = await decider.DecideAsync(Context(Page(Button(2, "Submit refund", 100, 400))));

        var fail = (FailAction)proposal.Action;
        StringAssert.StartsWith(fail.Reason, "no cached action for \"Click Submit refund\" (step 1) on /refund, and no decider to ask");
    }

    [TestMethod]
    public async Task DecideAsync_SecretField_StoresNoCrop()
    {
        var cache = new ActionCache();
        var decider = new CachingDecider(new InstructionDecider(), cache, new FakeCropper());
        var password = new UiElement { Id = 1, Role = "textbox", Name = "Password", IsSecret = true, Bounds = new ScreenRect(10, 10, 200, 30) };

        await decider.DecideAsync(Context(Page(password, Button(2, "Submit refund", 100, 400)), task: "Type {{secret:PW}} into Password"));
        await decider.DecideAsync(Context(Page(password, Button(2, "Submit refund", 100, 400)), task: "Click Submit refund"));

        var entries = cache.Entries();
        Assert.IsNull(entries.Single(e => e.Target!.Name == "Password").Target!.CropPng);
        Assert.IsNotNull(entries.Single(e => e.Target!.Name == "Submit refund").Target!.CropPng);
        Assert.AreEqual("{{secret:PW}}", ((TypeTextAction)entries.Single(e => e.Target!.Name == "Password").Proposal.Action).Text);
    }

    [TestMethod]
    public async Task SaveAndLoad_RoundTripsEntriesWithActionsAndDescriptors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cache-{Guid.NewGuid():N}", "cache.json");
        try
        {
            var cache = new ActionCache(path);
            await new CachingDecider(new InstructionDecider(), cache).DecideAsync(Context(Page(Amount, Button(2, "Submit refund", 100, 400))));
            await cache.SaveAsync();

            var loaded = ActionCache.Load(path);
            var decider = new CachingDecider(null, loaded);
            var proposal = await decider.DecideAsync(Context(Page(Amount, Button(4, "Submit refund", 100, 400)), run: "later"));

            Assert.AreEqual(1, loaded.Count);
            Assert.AreEqual(4, ((ClickAction)proposal.Action).Target.ElementId);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [TestMethod]
    public void Load_OtherSchemaVersion_SaysToDeleteTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cache-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"schemaVersion": 99, "entries": []}""");
        try
        {
            var e = Assert.ThrowsExactly<InvalidDataException>(() => ActionCache.Load(path));

            StringAssert.Contains(e.Message, "has cache schemaVersion 99; this ActionAgent uses 1. Delete it");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public async Task FlowRunner_RelabelledButton_HealIsReportedInSuiteAndJUnit()
    {
        var inner = new InstructionDecider();
        var cache = new ActionCache();
        var decider = new CachingDecider(inner, cache);
        var flow = FlowLoader.Parse("""
            name: Sign in
            url: http://app.test/login
            steps:
              - Type ops into Username
              - Click Sign in
            """, "sign-in.yaml");
        FlowRunner Runner(bool relabelled) => new(new FakeSessionFactory(_ => new FakeSession(FakeApp.Orders(relabelled: relabelled, moved: relabelled))), decider,
            new FlowRunnerOptions { RecordingsRoot = null }, TimeProvider.System, NullLoggerFactory.Instance);
        await Runner(relabelled: false).RunAsync([flow]);

        // The button is now "Log in" elsewhere; the fake interpreter only knows "Sign in", so give it a matching instruction
        // through a decider that clicks any sign-in-like button.
        var healing = new CachingDecider(new RelabelAwareLoginDecider(), cache);
        var suite = await new FlowRunner(new FakeSessionFactory(_ => new FakeSession(FakeApp.Orders(relabelled: true, moved: true))), healing,
            new FlowRunnerOptions { RecordingsRoot = null }, TimeProvider.System, NullLoggerFactory.Instance).RunAsync([flow]);

        Assert.IsTrue(suite.AllPassed, suite.Results[0].Message);
        Assert.AreEqual(1, suite.Cache!.Healed);
        StringAssert.Contains(suite.Heals.Single().Reason, "button \"Sign in\"");
        var xml = JUnitWriter.ToXml(suite).ToString();
        StringAssert.Contains(xml, "<property name=\"actionagent.cache.healed\" value=\"1\" />");
        var html = Path.Combine(Path.GetTempPath(), $"suite-{Guid.NewGuid():N}.html");
        HtmlReportWriter.WriteSuite(suite, html);
        StringAssert.Contains(File.ReadAllText(html), "Self-healed steps (1)");
        File.Delete(html);
    }

    [TestMethod]
    public async Task FlowRunner_SecondRunOfAFlow_MakesZeroInnerDeciderCalls()
    {
        var inner = new InstructionDecider();
        var cache = new ActionCache();
        var flow = FlowLoader.Parse("""
            name: Cached search
            url: http://app.test/login
            steps:
              - Type ops into Username
              - Click Sign in
              - Type 1042 into Search orders
              - Click Search
              - Click the Order 1042 link
            expect:
              - the page shows File a refund
            """, "cached.yaml");
        var options = new FlowRunnerOptions { RecordingsRoot = null };
        var runner = new FlowRunner(
            new FakeSessionFactory(_ => new FakeSession(FakeApp.Orders())),
            _ => new CachingDecider(inner, cache),
            options, TimeProvider.System, NullLoggerFactory.Instance);
        var secondRunIds = new FakeSessionFactory(_ => new FakeSession(WithIdOffset(FakeApp.Orders(), 100)));
        var secondRunner = new FlowRunner(secondRunIds, _ => new CachingDecider(inner, cache), options, TimeProvider.System, NullLoggerFactory.Instance);

        var first = await runner.RunAsync([flow]);
        var callsAfterFirst = inner.Calls;
        var second = await secondRunner.RunAsync([flow]);

        Assert.IsTrue(first.AllPassed, first.Results[0].Message);
        Assert.IsTrue(second.AllPassed, second.Results[0].Message);
        Assert.AreEqual(10, callsAfterFirst, "5 instructions x (action + done)");
        Assert.AreEqual(callsAfterFirst, inner.Calls, "the second run asked the decider nothing");
        Assert.AreEqual(new CacheStatistics(10, 0, 0, 0, 0), second.Cache, "the suite reports the cache's work");
    }

    private static FakeApp WithIdOffset(FakeApp app, int offset)
    {
        app.IdOffset = offset;
        return app;
    }

    /// <summary>Clicks the login button whatever it is called; answers done after a success.</summary>
    private sealed class RelabelAwareLoginDecider : IDecider
    {
        public string Name => "login-aware";

        public Task<ProposedAction> DecideAsync(DecisionContext context, CancellationToken cancellationToken = default)
        {
            if (context.Last is { Succeeded: true })
            {
                return Task.FromResult(new ProposedAction(new DoneAction("done"), "done") { DecidedBy = Name });
            }

            var target = context.Observation.Elements.First(e => e.Role == "button" && e.Name.EndsWith(" in", StringComparison.Ordinal));
            return Task.FromResult(new ProposedAction(new ClickAction(ActionTarget.Element(target.Id, target.Name)), $"click {target.Name}") { DecidedBy = Name });
        }
    }

    /// <summary>Clicks whatever button is labelled like a refund submit.</summary>
    private sealed class RelabelAwareDecider : IDecider
    {
        public int Calls { get; private set; }

        public string Name => "relabel-aware";

        public Task<ProposedAction> DecideAsync(DecisionContext context, CancellationToken cancellationToken = default)
        {
            Calls++;
            var target = context.Observation.Elements.First(e => e.Role == "button" && e.Name.Contains("refund", StringComparison.OrdinalIgnoreCase));
            return Task.FromResult(new ProposedAction(new ClickAction(ActionTarget.Element(target.Id, target.Name)), $"click {target.Name}") { DecidedBy = Name });
        }
    }

    /// <summary>Clicks the first element, whatever it is (as a word-matching interpreter might after a rename).</summary>
    private sealed class FirstElementDecider : IDecider
    {
        public string Name => "first";

        public Task<ProposedAction> DecideAsync(DecisionContext context, CancellationToken cancellationToken = default)
        {
            var target = context.Observation.Elements[0];
            return Task.FromResult(new ProposedAction(new ClickAction(ActionTarget.Element(target.Id, target.Name)), $"click {target.Name}") { DecidedBy = Name });
        }
    }

    /// <summary>Clicks a point inside the first element (as a vision model would).</summary>
    private sealed class PointDecider : IDecider
    {
        public int Calls { get; private set; }

        public string Name => "point";

        public Task<ProposedAction> DecideAsync(DecisionContext context, CancellationToken cancellationToken = default)
        {
            Calls++;
            var b = context.Observation.Elements[0].Bounds;
            return Task.FromResult(new ProposedAction(new ClickAction(ActionTarget.At(b.X + 20, b.Y + 20)), "click the icon") { DecidedBy = Name });
        }
    }

    private sealed class FakeCropper : ITargetCropper
    {
        public ReadOnlyMemory<byte> Crop(ReadOnlyMemory<byte> png, ScreenRect pixels) => new byte[] { 42 };
    }

    private sealed class FakeMatcher(TemplateMatch match) : ITemplateMatcher
    {
        public ReadOnlyMemory<byte>? LastTemplate { get; private set; }

        public TemplateMatch? Find(ReadOnlyMemory<byte> screenshotPng, ReadOnlyMemory<byte> templatePng)
        {
            LastTemplate = templatePng;
            return match;
        }
    }
}
