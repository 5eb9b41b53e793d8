using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// Words inside editors and fields in real Chromium, through the interpreter, the policy and the DOM effect verifier:
/// "make the word X bold", "replace the sentence X with Y", "delete the word X". The page is written here: two
/// contenteditable editors that both hold the word "paragraph" (only the one named may change), a textarea, and hostile
/// cases (words the page lacks, an editor that ignores formatting keys). Completed only when the page shows the edit.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class TextEditingRunTests
{
    private const string Editors = """
        <!doctype html><title>Editors</title>
        <style> .ed { border: 1px solid #999; margin: 12px; padding: 8px; min-height: 60px; width: 600px; } </style>
        <div class="ed" id="a" contenteditable="true"><h2>First Editor</h2><p>This text is a paragraph with some tags elements</p></div>
        <div class="ed" id="b" contenteditable="true"><h2>Second Editor</h2><p>This text is another paragraph in the same instance.</p></div>
        <div class="ed" id="plain" contenteditable="true"><p>Shipping notes go here.</p></div>
        <label>Notes <textarea id="notes" rows="3" cols="60">Please call the very busy customer today</textarea></label>
        <script>
          // An editor that takes no formatting: Control+B, I and U do nothing in it.
          document.getElementById('plain').addEventListener('keydown', e => { if (e.ctrlKey && 'biu'.includes(e.key.toLowerCase())) e.preventDefault(); });
        </script>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("editing", ("/editors", Editors));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    private Task<RunResult> RunAsync(string task) => pages.RunAsync("/editors", task, TestContext.CancellationToken);

    private Task<string> HtmlAsync(string selector) => pages.Session.Page.InnerHTMLAsync(selector);

    [TestMethod]
    public async Task RunAsync_MakeAWordBoldInTheEditorNamedByItsHeading_OnlyThatWordThereIsBold()
    {
        var result = await RunAsync("In the box headed \"Second Editor\", make the word \"paragraph\" bold.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        StringAssert.Contains(await HtmlAsync("#b p"), "<b>paragraph</b>");
        Assert.AreEqual("This text is another paragraph in the same instance.", await pages.Session.Page.InnerTextAsync("#b p"), "no word changed");
        Assert.IsFalse((await HtmlAsync("#a")).Contains("<b>", StringComparison.Ordinal), "the first editor's paragraph is left alone");
    }

    [TestMethod]
    public async Task RunAsync_TheWordsAreInTwoEditorsAndNoneIsNamed_FailsSayingWhereInsteadOfGuessing()
    {
        var result = await RunAsync("Make the word \"paragraph\" bold.");

        Assert.AreEqual(RunStatus.Failed, result.Status, result.Message);
        StringAssert.Contains(result.Message, "2 places");
        Assert.IsFalse((await HtmlAsync("body")).Contains("<b>", StringComparison.Ordinal), "nothing was made bold");
    }

    [TestMethod]
    public async Task RunAsync_ReplaceASentenceInAnEditor_TheEditorReadsTheNewSentence()
    {
        var result = await RunAsync("Replace the sentence \"This text is another paragraph in the same instance.\" with \"Checked by QA.\"");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("Checked by QA.", await pages.Session.Page.InnerTextAsync("#b p"));
        Assert.AreEqual("Second Editor", await pages.Session.Page.InnerTextAsync("#b h2"), "the heading stays");
    }

    [TestMethod]
    public async Task RunAsync_DeleteAWordFromATextarea_OnlyThatWordGoes()
    {
        var result = await RunAsync("Delete the word \"very\" from the Notes field.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("Please call the busy customer today", await pages.Session.Page.InputValueAsync("#notes"));
    }

    [TestMethod]
    public async Task RunAsync_WordsThePageDoesNotHave_FailWithNothingChanged()
    {
        var before = await HtmlAsync("body");

        var result = await RunAsync("Make the word \"invoice\" italic in the Second Editor.");

        Assert.AreEqual(RunStatus.Failed, result.Status, result.Message);
        StringAssert.Contains(result.Message, "invoice");
        Assert.AreEqual(before, await HtmlAsync("body"));
    }

    [TestMethod]
    public async Task RunAsync_AnEditorThatIgnoresTheFormattingKey_IsNotReportedDone()
    {
        var result = await RunAsync("Make the word \"Shipping\" bold.");

        Assert.AreNotEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.IsFalse((await HtmlAsync("#plain")).Contains("<b>", StringComparison.Ordinal));
    }
}
