using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// A step-by-step wizard written here (step tabs marked aria-selected, Previous / Next, Finish on the last step), run
/// through the interpreter in real Chromium: "advance the wizard to the third step", "click Next until you reach X",
/// "go back one step with Previous" (the wizard's control, never the browser's Back), and a wizard whose step tabs do not
/// follow Next: the run is never Completed on the step the task asked for.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class WizardRunTests
{
    private const string Wizard = """
        <!doctype html><title>Wizard</title>
        <ul role="tablist" id="steps"><li role="tab">1. Account</li><li role="tab">2. Address</li><li role="tab">3. Payment</li><li role="tab">4. Review</li></ul>
        <section><h2 id="title"></h2></section>
        <button id="prev">Previous</button> <button id="next">Next</button> <button id="finish" style="display:none">Finish</button>
        <p id="done"></p>
        <script>
          const q = new URLSearchParams(location.search);
          const names = ['Account', 'Address', 'Payment', 'Review'];
          let at = 0;
          function draw() {
            document.querySelectorAll('[role=tab]').forEach((t, i) => t.setAttribute('aria-selected', String(i === (q.has('lying') ? 0 : at))));
            document.getElementById('title').textContent = names[at];
            document.getElementById('finish').style.display = at === 3 ? 'inline' : 'none';
          }
          document.getElementById('next').onclick = () => { at = Math.min(3, at + 1); draw(); };
          document.getElementById('prev').onclick = () => { at = Math.max(0, at - 1); draw(); };
          document.getElementById('finish').onclick = () => { document.getElementById('done').textContent = 'Finished'; };
          draw();
        </script>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("wizard", ("/wizard", Wizard));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    private Task<RunResult> RunAsync(string query, string task) => pages.RunAsync("/wizard" + query, task, TestContext.CancellationToken);

    private Task<string> TitleAsync() => pages.Session.Page.InnerTextAsync("#title");

    [TestMethod]
    public async Task RunAsync_AdvanceToTheThirdStep_StopsThere()
    {
        var result = await RunAsync("", "Advance the wizard to the third step and stop there.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("Payment", await TitleAsync());
    }

    [TestMethod]
    public async Task RunAsync_NextUntilANamedStepThenFinish_Finishes()
    {
        var result = await RunAsync("", "Go through the whole wizard: click Next until you reach \"Review\" and then hit Finish.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("Finished", await pages.Session.Page.InnerTextAsync("#done"));
    }

    [TestMethod]
    public async Task RunAsync_ForwardThenBackOneStep_UsesTheWizardsPrevious()
    {
        var result = await RunAsync("", "Move forward to step 3, then go back one step with Previous. You should end up on step two.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("Address", await TitleAsync());
        StringAssert.EndsWith(pages.Session.Page.Url, "/wizard", "the browser did not go back");
    }

    [TestMethod]
    public async Task RunAsync_StepTabsThatNeverFollowNext_AreNotReportedAsTheThirdStep()
    {
        var result = await RunAsync("?lying", "Advance the wizard to the third step.");

        Assert.AreNotEqual(RunStatus.Completed, result.Status, result.Message);
    }
}
