using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Perception;

[TestClass]
public sealed class InertTextTests
{
    [TestMethod]
    public void Line_AriaLabelThatRewritesTheTerminalLine_IsShownAsText()
    {
        var shown = InertText.Line("Delete all\u001b[2K\rSave draft");

        Assert.AreEqual(@"Delete all\x1b[2K\rSave draft", shown);
    }

    [TestMethod]
    [DataRow("\u202A", "<U+202A>")]
    [DataRow("\u202B", "<U+202B>")]
    [DataRow("\u202C", "<U+202C>")]
    [DataRow("\u202D", "<U+202D>")]
    [DataRow("\u202E", "<U+202E>")]
    [DataRow("\u2066", "<U+2066>")]
    [DataRow("\u2067", "<U+2067>")]
    [DataRow("\u2068", "<U+2068>")]
    [DataRow("\u2069", "<U+2069>")]
    [DataRow("\u200E", "<U+200E>")]
    [DataRow("\u200F", "<U+200F>")]
    [DataRow("\u061C", "<U+061C>")]
    [DataRow("\u2028", "<U+2028>")]
    [DataRow("\u200B", "<U+200B>")]
    [DataRow("\uFEFF", "<U+FEFF>")]
    [DataRow("\u009B", @"\x9b")]
    [DataRow("\u0085", @"\x85")]
    [DataRow("\u007F", @"\x7f")]
    [DataRow("\u0007", @"\x07")]
    [DataRow("\u001b]8;;http://evil/\u0007", @"\x1b]8;;http://evil/\x07")]
    [DataRow("\n", @"\n")]
    [DataRow("\t", @"\t")]
    [DataRow("\uDB40\uDC41", "<U+E0041>")]
    public void Line_ControlAndBidiCharacters_AreShownEscaped(string unsafeText, string expected)
    {
        Assert.AreEqual("pay " + expected + " now", InertText.Line("pay " + unsafeText + " now"));
    }

    [TestMethod]
    public void Line_LoneSurrogate_IsShownAsItsCodePoint()
    {
        Assert.AreEqual("a<U+D800>b", InertText.Line("a" + '\uD800' + "b"));
    }

    [TestMethod]
    [DataRow("Submit refund")]
    [DataRow("Überweisung bestätigen — 42,00 €")]
    [DataRow("注文を確定する")]
    [DataRow("تأكيد الطلب")]
    [DataRow("Family 👨‍👩‍👧 plan")]
    [DataRow("C:\\Users\\ada\\report.pdf")]
    public void Line_OrdinaryText_IsUnchanged(string text)
    {
        Assert.AreSame(text, InertText.Line(text));
    }

    [TestMethod]
    public void Block_KeepsLineBreaksButNotACarriageReturnThatOverwrites()
    {
        Assert.AreEqual("expected: Saved\n  actual: Saved\\rDeleted\n\tdone", InertText.Block("expected: Saved\r\n  actual: Saved\rDeleted\n\tdone"));
    }
}
