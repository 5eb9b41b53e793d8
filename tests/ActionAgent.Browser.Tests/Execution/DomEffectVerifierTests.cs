using ActionAgent.Browser.Execution;
using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;

namespace ActionAgent.Browser.Tests.Execution;

[TestClass]
[DoNotParallelize]
public sealed class DomEffectVerifierTests
{
    private const string Page = """
        <!doctype html><title>Effects</title>
        <label>Username <input id="user"></label>
        <label>Code <input id="code" oninput="this.value = ''"></label>
        <label>Born <input id="born" type="date"></label>
        <label>Phone <input id="phone" oninput="const d = this.value.replace(/\D/g, ''); this.value = d.length === 10 ? '(' + d.slice(0,3) + ') ' + d.slice(3,6) + '-' + d.slice(6) : this.value"></label>
        <label><input type="checkbox" id="gift"> Gift wrap</label>
        <label><input type="checkbox" id="locked" onclick="return false"> Locked</label>
        <label>Reason <select id="reason" onchange="this.selectedIndex = 0"><option>Pick one</option><option>Damaged item</option></select></label>
        <label>Size <select id="size"><option>Small</option><option>Large</option></select></label>
        <label id="news"><input type="checkbox" id="subscribe" style="position:absolute;opacity:0;width:1px;height:1px"> Subscribe to news</label>
        <button id="dead">Does nothing</button>
        <button id="live" onclick="document.getElementById('out').textContent = 'Saved'">Save</button>
        <p id="out"></p>
        <ul id="list"><li>Client 21</li><li>Client 22</li></ul>
        <button id="redraw" onclick="const l = document.getElementById('list'); l.innerHTML = l.innerHTML">Redraw</button>
        <button id="more" onclick="const l = document.getElementById('list'); l.innerHTML = l.innerHTML + '<li>Client 23</li>'">More</button>
        """;

    private static TestWebServer server = null!;
    private static BrowserSession session = null!;

    public TestContext TestContext { get; set; } = null!;

    private CancellationToken Ct => TestContext.CancellationToken;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        server = new TestWebServer();
        server.Add("/effects", Page);
        session = await TestBrowser.OpenAsync();
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        await session.DisposeAsync();
        server.Dispose();
    }

    [TestMethod]
    public async Task Verify_TypedTextTheFieldKeeps_SucceedsWithAReadBackCheck()
    {
        var observation = await OpenAsync();

        var outcome = await ActAsync(new TypeTextAction(Target(observation, "Username"), "ops"), observation);

        Assert.IsTrue(outcome.Succeeded, outcome.Message);
        Assert.IsNotNull(outcome.Checks);
        StringAssert.Contains(outcome.Checks[0], "reads \"ops\"");
    }

    [TestMethod]
    public async Task Verify_FieldThatThrowsTheTextAway_IsNotVerified()
    {
        var observation = await OpenAsync();

        var outcome = await ActAsync(new TypeTextAction(Target(observation, "Code"), "SPRING10"), observation);

        Assert.AreEqual(OutcomeStatus.Failed, outcome.Status);
        Assert.AreEqual(FailureKind.NotVerified, outcome.Failure);
        StringAssert.Contains(outcome.Message, "reads \"\" instead of \"SPRING10\"");
    }

    [TestMethod]
    public async Task Verify_TypingWithNoFieldFocused_WhenNothingChanges_IsNotVerified()
    {
        var observation = await OpenAsync();
        await session.Page.EvaluateAsync("() => document.activeElement && document.activeElement.blur()");

        var outcome = await ActAsync(new TypeTextAction(null, "7:45 am", ClearFirst: false), observation);

        Assert.AreEqual(OutcomeStatus.Failed, outcome.Status, outcome.Message);
        Assert.AreEqual(FailureKind.NotVerified, outcome.Failure);
        StringAssert.Contains(outcome.Message, "nothing on the page changed");
    }

    [TestMethod]
    public async Task Verify_DateWrittenTheAmericanWay_IsConvertedAndReadBack()
    {
        var observation = await OpenAsync();

        var outcome = await ActAsync(new TypeTextAction(Target(observation, "Born"), "05/20/2010"), observation);

        Assert.IsTrue(outcome.Succeeded, outcome.Message);
        Assert.AreEqual("2010-05-20", await session.Page.InputValueAsync("#born"));
    }

    [TestMethod]
    public async Task Verify_PhoneFieldThatGroupsDigits_CountsAsTyped()
    {
        var observation = await OpenAsync();

        var outcome = await ActAsync(new TypeTextAction(Target(observation, "Phone"), "5551234567"), observation);

        Assert.IsTrue(outcome.Succeeded, outcome.Message);
        Assert.AreEqual("(555) 123-4567", await session.Page.InputValueAsync("#phone"));
    }

    [TestMethod]
    public async Task Verify_CheckboxThatTicks_SucceedsAndCheckboxThatRefuses_IsNotVerified()
    {
        var observation = await OpenAsync();

        var ticked = await ActAsync(new ClickAction(Target(observation, "Gift wrap")), observation);
        var refused = await ActAsync(new ClickAction(Target(observation, "Locked")), observation);

        Assert.IsTrue(ticked.Succeeded, ticked.Message);
        StringAssert.Contains(ticked.Checks![0], "is checked");
        Assert.AreEqual(FailureKind.NotVerified, refused.Failure, refused.Message);
        StringAssert.Contains(refused.Message, "is still unchecked");
    }

    [TestMethod]
    public async Task Verify_SelectThatSnapsBack_IsNotVerifiedAndOneThatKeepsTheOption_Succeeds()
    {
        var observation = await OpenAsync();

        var snapped = await ActAsync(new SelectOptionAction(Target(observation, "Reason"), "Damaged item"), observation);
        var kept = await ActAsync(new SelectOptionAction(Target(observation, "Size"), "Large"), observation);

        Assert.AreEqual(FailureKind.NotVerified, snapped.Failure, snapped.Message);
        StringAssert.Contains(snapped.Message, "shows \"Pick one\" instead of \"Damaged item\"");
        Assert.IsTrue(kept.Succeeded, kept.Message);
        StringAssert.Contains(kept.Checks![0], "\"Large\"");
    }

    [TestMethod]
    public async Task Verify_ClickOnTheLabelOfAHiddenBox_CountsTheBoxTicking()
    {
        var observation = await OpenAsync();
        var label = observation.Elements.First(e => e.Label.Contains("Subscribe to news", StringComparison.Ordinal));

        var outcome = await ActAsync(new ClickAction(ActionTarget.Element(label.Id, "Subscribe to news")), observation);

        Assert.IsTrue(outcome.Succeeded, outcome.Message);
        Assert.IsTrue(await session.Page.IsCheckedAsync("#subscribe"));
        StringAssert.Contains(outcome.Checks![0], "checkbox \"Subscribe to news\" is checked"); // the label stands for its hidden box
    }

    [TestMethod]
    public async Task Verify_ClickThatChangesNothing_IsNotVerified()
    {
        var observation = await OpenAsync();

        var outcome = await ActAsync(new ClickAction(Target(observation, "Does nothing")), observation);

        Assert.AreEqual(FailureKind.NotVerified, outcome.Failure, outcome.Message);
        StringAssert.Contains(outcome.Message, "changed nothing on the page");
    }

    [TestMethod]
    public async Task Verify_ClickThatUpdatesThePage_SucceedsNamingTheChange()
    {
        var observation = await OpenAsync();

        var outcome = await ActAsync(new ClickAction(Target(observation, "Save")), observation);

        Assert.IsTrue(outcome.Succeeded, outcome.Message);
        StringAssert.Contains(outcome.Checks![0], "DOM change");
        StringAssert.Contains(outcome.Message, "[checked:");
    }

    [TestMethod]
    public async Task Verify_ClickThatRedrawsTheSameRows_IsNotVerified()
    {
        var observation = await OpenAsync();

        var outcome = await ActAsync(new ClickAction(Target(observation, "Redraw")), observation);

        Assert.AreEqual(FailureKind.NotVerified, outcome.Failure, outcome.Message);
        StringAssert.Contains(outcome.Message, "redrew itself the same");
    }

    [TestMethod]
    public async Task Verify_ClickThatRedrawsWithARowMore_Succeeds()
    {
        var observation = await OpenAsync();

        var outcome = await ActAsync(new ClickAction(Target(observation, "More")), observation);

        Assert.IsTrue(outcome.Succeeded, outcome.Message);
        StringAssert.Contains(outcome.Checks![0], "DOM change");
    }

    private async Task<Observation> OpenAsync()
    {
        await session.Page.GotoAsync(server.Url("/effects"));
        return await session.CreatePerceiver().ObserveAsync(Ct);
    }

    private async Task<ActionOutcome> ActAsync(BrowserAction action, Observation observation)
    {
        var proposal = new ProposedAction(action, "test");
        var outcome = await session.CreateExecutor().ExecuteAsync(proposal, observation, Ct);
        var verifier = new DomEffectVerifier(session, options: new DomEffectVerifierOptions { EffectTimeout = TimeSpan.FromMilliseconds(300) });
        return await verifier.VerifyAsync(proposal, observation, outcome, Ct);
    }

    private static ActionTarget Target(Observation observation, string name) =>
        ActionTarget.Element(observation.Elements.First(e => e.Name == name && e.Role != "text").Id, name);
}
