using ActionAgent.Vision.Ocr;
using ActionAgent.Vision.Tests.Support;
using OpenCvSharp;

namespace ActionAgent.Vision.Tests.Ocr;

[TestClass]
public sealed class TextLineLayoutTests
{
    private static List<CtcDecoder.Symbol> Symbols(string text) =>
        text.Select((c, i) => new CtcDecoder.Symbol(c.ToString(), i * 2, 0.9f)).ToList();

    [TestMethod]
    public void Join_WordGapTheModelMissed_PutsTheSpaceBack()
    {
        // Characters every 10 px (S=0 … w=30, 2=40); a word gap measured at x = 35, between "w" and "2".
        var text = TextLineLayout.Join(Symbols("Show25"), step => step * 5.0, new TextLineLayout.Layout([35.0]));

        Assert.AreEqual("Show 25", text);
    }

    [TestMethod]
    public void Join_GapInsideANumber_IsNotASpace()
    {
        var text = TextLineLayout.Join(Symbols("4821"), step => step * 5.0, new TextLineLayout.Layout([25.0]));

        Assert.AreEqual("4821", text);
    }

    [TestMethod]
    public void Join_UnderscoreInAnUnderlinedLine_IsASpace()
    {
        Assert.AreEqual("Log out", TextLineLayout.Join(Symbols("Log_out"), step => step * 5.0, new TextLineLayout.Layout([], Underlined: true)));
        Assert.AreEqual("snake_case", TextLineLayout.Join(Symbols("snake_case"), step => step * 5.0, new TextLineLayout.Layout([])));
    }

    [TestMethod]
    public void Normalize_FullWidthFormsAndCjkPunctuation_BecomeAscii()
    {
        Assert.AreEqual("Total:$1,234.56 (paid)", TextLineLayout.Normalize("Total：＄1，234.56 （paid）"));
        Assert.AreEqual("Done.", TextLineLayout.Normalize("Done。"));
    }

    [TestMethod]
    public void Measure_TwoWordsDrawnApart_FindsOneWordGapBetweenThem()
    {
        using var crop = Frames.Blank(300, 40).Text("Export", 10, 28).Text("report", 130, 28);

        var layout = TextLineLayout.Measure(crop);

        Assert.HasCount(1, layout.WordGaps);
        Assert.IsTrue(layout.WordGaps[0] is > 95 and < 135, $"gap at {layout.WordGaps[0]}");
        Assert.IsFalse(layout.Underlined);
    }

    [TestMethod]
    public void Measure_UnderlinedLink_IsUnderlinedAndKeepsItsWordGap()
    {
        using var crop = Frames.Blank(300, 40).Text("Log", 10, 26).Text("out", 80, 26);
        Cv2.Line(crop, new Point(8, 32), new Point(130, 32), Scalar.Black, 2);

        var layout = TextLineLayout.Measure(crop);

        Assert.IsTrue(layout.Underlined);
        Assert.HasCount(1, layout.WordGaps);
    }
}
