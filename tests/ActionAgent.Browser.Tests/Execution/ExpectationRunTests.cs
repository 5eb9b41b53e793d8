using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// "You should see "Thanks for your order"", "Verify that the page shows "Order placed"": what a QA script states the page
/// must show is checked, and a run whose expectation does not come is never Completed — also when the page shows the task
/// itself (the sentence cannot answer itself) and when a checkbox carries the expected word.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ExpectationRunTests
{
    // A shop page: "Place order" shows a thank-you line; "Broken order" shows an error instead.
    private const string Shop = """
        <!doctype html><title>Shop</title>
        <button id="place" onclick="document.getElementById('out').textContent = 'Thanks for your order'; window.__clicks = (window.__clicks || 0) + 1">Place order</button>
        <button id="broken" onclick="document.getElementById('out').textContent = 'Something went wrong'; window.__clicks = (window.__clicks || 0) + 1">Broken order</button>
        <p id="out"></p>
        <label><input type="checkbox" id="saved"> Saved</label>
        """;

    // A ticket queue that shows the task it hands out (a help panel): its text names what should be seen.
    private const string Ticket = """
        <!doctype html><title>Ticket</title>
        <aside id="ticket">Ticket 12: Click Broken order. You should see "Thanks for your order".</aside>
        <button id="broken" onclick="document.getElementById('out').textContent = 'Error 500'; window.__clicks = (window.__clicks || 0) + 1">Broken order</button>
        <p id="out"></p>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) =>
        pages = await InterpreterPages.StartAsync("expectation", ("/shop", Shop), ("/ticket", Ticket));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    private static Task<int> ClicksAsync() => pages.Session.Page.EvaluateAsync<int>("window.__clicks || 0");

    [TestMethod]
    public async Task RunAsync_ExpectedTextShows_CompletesAndSaysItSawIt()
    {
        var result = await pages.RunAsync("/shop", "Click Place order. You should see \"Thanks for your order\".", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        StringAssert.Contains(result.Message, "the page shows \"Thanks for your order\"");
    }

    [TestMethod]
    public async Task RunAsync_ExpectedTextNeverShows_IsNotCompleted()
    {
        var result = await pages.RunAsync("/shop", "Click Broken order, then check that \"Thanks for your order\" appears.", TestContext.CancellationToken);

        Assert.AreNotEqual(RunStatus.Completed, result.Status, result.Message);
        StringAssert.Contains(result.Message, "Thanks for your order");
        Assert.IsFalse(await pages.Session.Page.IsCheckedAsync("#saved"));
    }

    [TestMethod]
    public async Task RunAsync_VerifySentenceAfterAStep_IsCheckedNotPassedOverAsADescription()
    {
        // Before: "Verify that the page shows …" read as a description of the page and was dropped; the run said Completed.
        var result = await pages.RunAsync("/shop", "Click Broken order. Verify that the page shows \"Order placed\".", TestContext.CancellationToken);

        Assert.AreNotEqual(RunStatus.Completed, result.Status, result.Message);
        StringAssert.Contains(result.Message, "Order placed");
    }

    [TestMethod]
    public async Task RunAsync_ConfirmThatTheHeadingReads_IsACheckNotADialogAnswer()
    {
        var result = await pages.RunAsync("/shop", "Click Place order. Confirm that the message reads Thanks for your order.", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        StringAssert.Contains(result.Message, "the page shows \"Thanks for your order\"");
    }

    [TestMethod]
    public async Task RunAsync_CheckThatAMessageAppears_NeverTicksABoxOfThatName()
    {
        var result = await pages.RunAsync("/shop", "Check that the message \"Saved\" appears.", TestContext.CancellationToken);

        Assert.IsFalse(await pages.Session.Page.IsCheckedAsync("#saved"), result.Message);
    }

    [TestMethod]
    public async Task RunAsync_PageShowsTheTaskItself_TheEchoDoesNotAnswerTheExpectation()
    {
        var result = await pages.RunAsync("/ticket", "Click Broken order. You should see \"Thanks for your order\".", TestContext.CancellationToken);

        Assert.AreNotEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.IsTrue(await ClicksAsync() > 0, "the step before the expectation was carried out");
    }
}
