using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// What the page asks, answered as the task says, in real Chromium through the interpreter: a browser confirm answered
/// Cancel (nothing deleted), a prompt answered with the task's text, an in-page modal answered No. And the attacks: a
/// "Cancel" that stood on the page before the click (a form's Cancel) is no answer to a question nobody asked, and a
/// task whose answer never came up is never Completed.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class DialogRunTests
{
    private const string Files = """
        <!doctype html><title>Files</title>
        <ul id="list">
          <li>report.pdf <button onclick="if (confirm('Delete report.pdf?')) this.parentNode.remove()">Delete</button></li>
          <li>notes.txt <button onclick="if (confirm('Delete notes.txt?')) this.parentNode.remove()">Delete</button></li>
        </ul>
        <p id="who"></p>
        <button onclick="const n = prompt('Your name?'); document.getElementById('who').textContent = n === null ? 'cancelled' : 'Hello ' + n">Greet</button>
        """;

    private const string Profile = """
        <!doctype html><title>Profile</title>
        <form onsubmit="return false"><label>Name <input id="name" value="Kim"></label>
          <button type="button" onclick="document.getElementById('status').textContent = 'saved'">Save</button>
          <button type="button" onclick="document.getElementById('name').value = ''; document.getElementById('status').textContent = 'form cancelled'">Cancel</button>
        </form>
        <p id="status"></p>
        <button onclick="document.getElementById('modal').style.display = 'block'">Remove account</button>
        <div id="modal" role="dialog" style="display:none">Really remove your account?
          <button onclick="document.getElementById('status').textContent = 'removed'; this.parentNode.style.display = 'none'">Yes</button>
          <button onclick="document.getElementById('status').textContent = 'kept'; this.parentNode.style.display = 'none'">No</button>
        </div>
        """;

    // A modal closed by a cross the CSS draws (no text, named "Close" by aria-label), beside OK and Cancel.
    private const string Notice = """
        <!doctype html><title>Notice</title>
        <style>.x { position: absolute; top: 4px; right: 4px; width: 30px; height: 30px; border: 0; background: none; }
          .x::before { content: "\00d7"; font-size: 24px; } #box { position: relative; width: 400px; padding: 40px; border: 1px solid #999; }</style>
        <a href="#box" onclick="document.getElementById('box').hidden = false; return false">Show the notice</a>
        <p id="status"></p>
        <div id="box" role="dialog" hidden><button class="x" aria-label="Close" onclick="answer('closed')"></button>
          <h2>Terms changed</h2><p>Our terms changed on 1 May.</p>
          <button onclick="answer('cancelled')">Cancel</button> <button onclick="answer('accepted')">OK</button>
        </div>
        <script>function answer(a) { document.getElementById('status').textContent = a; document.getElementById('box').hidden = true; }</script>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("dialogs", ("/files", Files), ("/profile", Profile), ("/notice", Notice));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    private Task<RunResult> RunAsync(string path, string task) => pages.RunAsync(path, task, TestContext.CancellationToken);

    private Task<int> FilesLeftAsync() => pages.Session.Page.Locator("#list li").CountAsync();

    [TestMethod]
    public async Task RunAsync_CloseWithTheX_ClosesWithoutAnAnswer()
    {
        var result = await RunAsync("/notice", "Open the notice and close it with the X in its corner, without answering OK or Cancel.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("closed", await pages.Session.Page.TextContentAsync("#status"), "the cross closes it; OK and Cancel answer it");
    }

    [TestMethod]
    public async Task RunAsync_ConfirmAnsweredWithCancel_DeletesNothing()
    {
        var result = await RunAsync("/files", "Click the first Delete button and answer the confirmation with Cancel.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual(2, await FilesLeftAsync(), "Cancel was the answer: nothing may be deleted");
        StringAssert.Contains(result.Message, "dismissed dialog: confirm \"Delete report.pdf?\"");
    }

    [TestMethod]
    public async Task RunAsync_WhenAskedSayYes_DeletesTheFirstFile()
    {
        var result = await RunAsync("/files", "Click the first Delete button. When asked to confirm, say yes.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual(1, await FilesLeftAsync());
        Assert.AreEqual("notes.txt Delete", (await pages.Session.Page.InnerTextAsync("#list li")).Trim());
    }

    [TestMethod]
    public async Task RunAsync_PromptAnsweredWithText_TheTextIsWhatThePageGot()
    {
        var result = await RunAsync("/files", "Click Greet and type Ann Lee into the prompt, then OK it.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("Hello Ann Lee", await pages.Session.Page.InnerTextAsync("#who"));
    }

    [TestMethod]
    public async Task RunAsync_InPageModalAnsweredNo_KeepsTheAccount()
    {
        var result = await RunAsync("/profile", "Click \"Remove account\" and answer the dialog with No.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("kept", await pages.Session.Page.InnerTextAsync("#status"));
    }

    [TestMethod]
    public async Task RunAsync_NoQuestionAsked_TheFormsOwnCancelIsNotClickedAndTheRunIsNotCompleted()
    {
        var result = await RunAsync("/profile", "Click Save and answer the confirmation with Cancel.");

        Assert.AreNotEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("saved", await pages.Session.Page.InnerTextAsync("#status"), "the form's Cancel was clicked");
        Assert.AreEqual("Kim", await pages.Session.Page.InputValueAsync("#name"));
    }

    [TestMethod]
    public async Task RunAsync_AWaitBetweenTheClickAndTheAnswer_StillAnswersTheConfirmWithCancel()
    {
        var result = await RunAsync("/files", "Click the second Delete button, wait 1 second, then answer the confirmation with Cancel.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual(2, await FilesLeftAsync());
    }

    [TestMethod]
    public async Task RunAsync_IfAMessagePopsUpOkIt_NoMessage_TheStepHoldsWithoutClickingCancel()
    {
        var result = await RunAsync("/profile", "Click Save. If a message pops up, OK it.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("saved", await pages.Session.Page.InnerTextAsync("#status"));
    }
}
