using System.Diagnostics;
using ActionAgent.Vision.Imaging;
using ActionAgent.Vision.Tests.Support;
using OpenCvSharp;

namespace ActionAgent.Vision.Tests.Imaging;

[TestClass]
public sealed class ImageDiffTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void Compare_IdenticalImages_ZeroWithoutDiffImage()
    {
        var expected = Page().ToPng();
        var actual = Reencoded(Page());

        var same = ImageDiff.Default.Compare(expected, actual);
        var sameBytes = ImageDiff.Default.Compare(expected, expected.ToArray());

        Assert.AreEqual(0, same.Fraction);
        Assert.IsTrue(same.SameSize);
        Assert.IsTrue(same.DiffPng.IsEmpty, "no diff image when nothing differs");
        Assert.IsNull(same.Problem);
        Assert.AreEqual(0, sameBytes.Fraction);
        Assert.IsTrue(sameBytes.DiffPng.IsEmpty);
    }

    [TestMethod]
    public void Compare_OneBlockChanged_FractionIsTheBlockAndDiffImageHasTheSameSize()
    {
        var expected = Page().ToPng();
        var actual = Page().Fill(700, 300, 100, 100, new Scalar(30, 160, 30)).ToPng();

        var difference = ImageDiff.Default.Compare(expected, actual);

        Assert.IsTrue(difference.SameSize);
        Assert.AreEqual(10000.0 / (1280 * 720), difference.Fraction, 0.0005, $"fraction {difference.Fraction}, {difference.DifferingPixels} pixels");
        Assert.IsFalse(difference.DiffPng.IsEmpty, "a diff image when something differs");
        using var diff = FrameCodec.Decode(difference.DiffPng);
        Assert.AreEqual(new Size(1280, 720), diff.Size());
        var inside = diff.At<Vec3b>(350, 750);
        var outside = diff.At<Vec3b>(600, 100);
        Assert.AreEqual(new Vec3b(0, 0, 255), inside, "differing pixels are red");
        Assert.IsTrue(outside.Item0 > 200 && outside.Item1 > 200 && outside.Item2 > 200, $"the rest is faded ({outside.Item0},{outside.Item1},{outside.Item2})");
    }

    [TestMethod]
    public void Compare_NoiseOfFiveGreyLevels_CountsAsIdentical()
    {
        using var page = Page();
        using var noise = new Mat(page.Size(), MatType.CV_16SC3);
        Cv2.Randu(noise, Scalar.All(-5), Scalar.All(6));
        using var wide = new Mat();
        page.ConvertTo(wide, MatType.CV_16SC3);
        Cv2.Add(wide, noise, wide);
        var noisy = new Mat();
        wide.ConvertTo(noisy, MatType.CV_8UC3);

        var difference = ImageDiff.Default.Compare(FrameCodec.EncodePng(page), noisy.ToPng());

        Assert.AreEqual(0, difference.Fraction);
        Assert.IsTrue(difference.DiffPng.IsEmpty);
    }

    [TestMethod]
    public void Compare_DifferentSizes_NotSameSizeAndFractionOne()
    {
        var difference = ImageDiff.Default.Compare(Frames.Blank(640, 480).ToPng(), Frames.Blank().ToPng());

        Assert.IsFalse(difference.SameSize);
        Assert.AreEqual(1, difference.Fraction);
        Assert.IsNull(difference.Problem);
    }

    [TestMethod]
    public void Compare_UndecodableBytes_NotSameSizeSayingWhichWithoutThrowing()
    {
        var png = Frames.Blank(64, 64).ToPng();
        byte[] garbage = [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3];

        var badActual = ImageDiff.Default.Compare(png, garbage);
        var badBoth = ImageDiff.Default.Compare(new byte[] { 1, 2, 3 }, new byte[] { 1, 2, 3 });
        var empty = ImageDiff.Default.Compare(ReadOnlyMemory<byte>.Empty, ReadOnlyMemory<byte>.Empty);

        Assert.IsFalse(badActual.SameSize);
        Assert.AreEqual(1, badActual.Fraction);
        Assert.AreEqual("the actual image could not be decoded", badActual.Problem);
        Assert.AreEqual(1, empty.Fraction);
        Assert.AreEqual("neither image could be decoded", empty.Problem);
        Assert.AreEqual(1, badBoth.Fraction, "identical bytes that are not an image are not an identical image");
        Assert.AreEqual("neither image could be decoded", badBoth.Problem);
    }

    [TestMethod]
    public void Compare_ScreenshotPair_TimingIsReported()
    {
        var expected = Page().ToPng();
        var unchanged = Reencoded(Page());
        var changed = Page().Fill(700, 300, 100, 100, new Scalar(30, 160, 30)).Text("Saved", 40, 690).ToPng();
        for (var i = 0; i < 3; i++)
        {
            ImageDiff.Default.Compare(expected, changed);
        }

        var samePixels = Median(() => ImageDiff.Default.Compare(expected, unchanged));
        var withPicture = Median(() => ImageDiff.Default.Compare(expected, changed));
        var withoutPicture = Median(() => ImageDiff.Default.Compare(expected, changed, diffImage: false));

        // A report, not an assertion: the machine is shared. Median of 15 calls each.
        TestContext.WriteLine(FormattableString.Invariant(
            $"1280x720 PNG pair ({expected.Length / 1024} KB): same pixels {samePixels:0.0} ms, differing with diff image {withPicture:0.0} ms, differing without {withoutPicture:0.0} ms"));
        Assert.AreEqual(0, ImageDiff.Default.Compare(expected, unchanged).Fraction);
        Assert.IsFalse(expected.AsSpan().SequenceEqual(unchanged), "the timing of identical pixels decodes both images");
    }

    private static double Median(Action compare)
    {
        var times = new List<double>();
        for (var i = 0; i < 15; i++)
        {
            var watch = Stopwatch.StartNew();
            compare();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }

    /// <summary>The same pixels encoded with other PNG settings (as a browser would): other bytes, so both get decoded.</summary>
    private static byte[] Reencoded(Mat image)
    {
        using (image)
        {
            Cv2.ImEncode(".png", image, out var png, new ImageEncodingParam(ImwriteFlags.PngCompression, 6));
            return png;
        }
    }

    /// <summary>A page-like 1280x720 frame: a header bar, text lines, boxes and a colourful gradient "picture".</summary>
    internal static Mat Page()
    {
        var page = Frames.Blank().Fill(0, 0, 1280, 56, new Scalar(90, 60, 20)).Text("ActionAgent Orders", 24, 38, 0.9, Scalar.White);
        for (var line = 0; line < 18; line++)
        {
            page.Text($"Order {1040 + line}  shipped to customer {line * 37 % 101}  total {line * 13.5:0.00} EUR", 40, 100 + line * 32, 0.6);
        }

        page.Outline(860, 90, 380, 260, Scalar.Gray).Fill(880, 380, 160, 40, new Scalar(200, 120, 40)).Text("Search", 910, 408, 0.7, Scalar.White);
        const int rows = 180, cols = 340;
        var pixels = new byte[rows * cols * 3];
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < cols; x++)
            {
                var at = (y * cols + x) * 3;
                pixels[at] = (byte)(x * 255 / cols);
                pixels[at + 1] = (byte)(y * 255 / rows);
                pixels[at + 2] = (byte)(128 + 100 * Math.Sin((x + y) / 9.0));
            }
        }

        using var photo = Mat.FromPixelData(rows, cols, MatType.CV_8UC3, pixels);
        using var spot = new Mat(page, new Rect(880, 460, 340, 180));
        photo.CopyTo(spot);
        return page;
    }
}
