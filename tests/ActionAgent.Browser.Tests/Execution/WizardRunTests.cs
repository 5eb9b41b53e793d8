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

    // Two wizards without ARIA, as SmartWizard draws them (the current step's link has class "selected"), under a
    // Bootstrap tab box whose current tab is marked "active": three tab lists, each with one current tab.
    private const string TwoWizards = """
        <!doctype html><title>Two wizards</title>
        <style>.wizard_steps li { display: inline-block; margin-right: 12px } .hidden { display: none }</style>
        <h2>Settings</h2>
        <ul class="nav nav-tabs"><li class="active"><a href="#general" data-toggle="tab">General</a></li><li><a href="#privacy" data-toggle="tab">Privacy</a></li></ul>
        <h2>Form Wizards</h2>
        <div class="form_wizard" id="w0">
          <ul class="wizard_steps"><li><a href="#a1">1 Step 1</a></li><li><a href="#a2">2 Step 2</a></li><li><a href="#a3">3 Step 3</a></li><li><a href="#a4">4 Step 4</a></li></ul>
          <div class="panel"><label>First Name <input id="first"></label> <label>Last Name <input id="last"></label></div>
          <div><a href="#" class="prev">Previous</a> <a href="#" class="next">Next</a> <a href="#" class="finish">Finish</a></div>
        </div>
        <h2>Example: Vertical Style</h2>
        <div class="form_wizard" id="w1">
          <ul class="wizard_steps"><li><a href="#b1">1</a></li><li><a href="#b2">2</a></li><li><a href="#b3">3</a></li><li><a href="#b4">4</a></li></ul>
          <div class="panel"><p>Vertical step text</p></div>
          <div><a href="#" class="prev">Previous</a> <a href="#" class="next">Next</a> <a href="#" class="finish">Finish</a></div>
        </div>
        <p id="state"></p><p id="finished"></p>
        <script>
          const at = [0, 0];
          function draw() {
            [0, 1].forEach((w) => document.querySelectorAll('#w' + w + ' .wizard_steps a').forEach((a, i) => a.className = i === at[w] ? 'selected' : i < at[w] ? 'done' : 'disabled'));
            document.getElementById('state').textContent = at.map((n) => n + 1).join(',');
          }
          [0, 1].forEach((w) => {
            const box = document.getElementById('w' + w);
            box.querySelector('.next').onclick = (e) => { e.preventDefault(); at[w] = Math.min(3, at[w] + 1); draw(); };
            box.querySelector('.prev').onclick = (e) => { e.preventDefault(); at[w] = Math.max(0, at[w] - 1); draw(); };
            box.querySelector('.finish').onclick = (e) => { e.preventDefault(); document.getElementById('finished').textContent += 'finished ' + w + ';'; };
            box.querySelectorAll('.wizard_steps a').forEach((a) => a.onclick = (e) => e.preventDefault());
          });
          draw();
        </script>
        """;

    // Two Bootstrap tab wizards (twitter-bootstrap-wizard's markup): pill tabs marked li.active, and the Previous / Next
    // links in a "pager wizard" list, which is no list of steps.
    private const string PagerWizards = """
        <!doctype html><title>Pager wizards</title>
        <style>.nav li, .pager li { display: inline-block; margin-right: 12px }</style>
        <h2>Basic wizard</h2>
        <div id="w0">
          <ul class="nav nav-pills"><li><a href="#a1" data-toggle="tab">Account</a></li><li><a href="#a2" data-toggle="tab">Profile</a></li><li><a href="#a3" data-toggle="tab">Finish</a></li></ul>
          <ul class="pagination pager wizard"><li class="previous"><a href="javascript:void(0);">previous</a></li><li class="next"><a href="javascript:void(0);">Next</a></li></ul>
        </div>
        <h2>Wizard with progress</h2>
        <div id="w1">
          <ul class="nav nav-pills"><li><a href="#b1" data-toggle="tab">Name</a></li><li><a href="#b2" data-toggle="tab">Address</a></li><li><a href="#b3" data-toggle="tab">Confirm</a></li></ul>
          <div class="progress"><div class="bar"></div></div>
          <ul class="pagination pager wizard"><li class="previous"><a href="javascript:void(0);">previous</a></li><li class="next"><a href="javascript:void(0);">Next</a></li></ul>
        </div>
        <p id="state"></p>
        <script>
          const at = [0, 0];
          function draw() {
            [0, 1].forEach((w) => document.querySelectorAll('#w' + w + ' .nav li').forEach((li, i) => li.className = i === at[w] ? 'active' : ''));
            document.getElementById('state').textContent = at.map((n) => n + 1).join(',');
          }
          [0, 1].forEach((w) => {
            const box = document.getElementById('w' + w);
            box.querySelector('.next a').onclick = () => { at[w] = Math.min(2, at[w] + 1); draw(); };
            box.querySelector('.previous a').onclick = () => { at[w] = Math.max(0, at[w] - 1); draw(); };
            box.querySelectorAll('.nav a').forEach((a, i) => a.onclick = (e) => { e.preventDefault(); at[w] = i; draw(); });
          });
          draw();
        </script>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("wizard", ("/wizard", Wizard), ("/two", TwoWizards), ("/pager", PagerWizards));

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

    private async Task<string> StateAsync() => $"{await pages.Session.Page.InnerTextAsync("#state")}|{await pages.Session.Page.InnerTextAsync("#finished")}";

    [TestMethod]
    public async Task RunAsync_InTheSecondOfTwoWizardsToStep3_MovesThatWizardOnly()
    {
        var result = await pages.RunAsync("/two", "There are two wizards on this page. In the second one, get to step 3 with the Next button.", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("1,3|", await StateAsync());
    }

    [TestMethod]
    public async Task RunAsync_TheSecondOfTwoTabWizardsToItsLastTab_UsesItsNextLinkNotAPagerTab()
    {
        var result = await pages.RunAsync("/pager", "Take the second wizard - the one with progress - to its last tab with the Next button.", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("1,3", await pages.Session.Page.InnerTextAsync("#state"));
    }

    [TestMethod]
    public async Task RunAsync_TheVerticalWizardToItsLastStepWithoutFinishing_StopsOnItsLastStep()
    {
        var result = await pages.RunAsync("/two", "Take the vertical-style wizard all the way to its last step, but don't finish it.", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("1,4|", await StateAsync());
    }

    [TestMethod]
    public async Task RunAsync_FieldsAfterAColonThenContinue_FillsThemAndMovesTheWizardWorkedIn()
    {
        var result = await pages.RunAsync("/two", "Form wizard: first name Lena, last name Kovac. Then continue to step 2.", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("Lena", await pages.Session.Page.InputValueAsync("#first"));
        Assert.AreEqual("Kovac", await pages.Session.Page.InputValueAsync("#last"));
        Assert.AreEqual("2,1|", await StateAsync());
    }

    [TestMethod]
    public async Task RunAsync_ToStep3WithoutSayingWhichOfTwoWizards_FailsWithoutClicking()
    {
        var result = await pages.RunAsync("/two", "Get to step 3 with the Next button.", TestContext.CancellationToken);

        Assert.AreNotEqual(RunStatus.Completed, result.Status, result.Message);
        StringAssert.Contains(result.Message, "which one");
        Assert.AreEqual("1,1|", await StateAsync());
    }
}
