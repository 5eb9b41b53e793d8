using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// A tag input (tags shown beside an empty text field, each with its ×), run through the interpreter in real Chromium:
/// "clear out all the tags" is never done by emptying the field that was already empty.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class TagInputRunTests
{
    private const string Tags = """
        <!doctype html><title>Tags</title>
        <h2>Team skills</h2>
        <div class="tags" id="skills">
          <span class="tag">preset-1 <button aria-label="Remove item">×</button></span>
          <span class="tag">preset-2 <button aria-label="Remove item">×</button></span>
          <input type="text" placeholder="Enter something">
        </div>
        <script>for (const b of document.querySelectorAll('.tag button')) b.onclick = () => b.parentElement.remove();</script>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("tags", ("/tags", Tags));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    [TestMethod]
    public async Task RunAsync_ClearOutAllTheTagsByEmptyingTheField_IsNotCompleted()
    {
        var result = await pages.RunAsync("/tags", "Clear out all the tags in the \"Team skills\" box so it is empty.", TestContext.CancellationToken);

        Assert.AreNotEqual(RunStatus.Completed, result.Status, "claimed: " + result.Message);
        Assert.AreEqual(2, await pages.Session.Page.Locator(".tag").CountAsync(), "the tags are still there, so the run must not say it cleared them");
    }
}
