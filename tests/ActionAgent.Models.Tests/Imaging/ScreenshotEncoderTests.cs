using ActionAgent.Models.Imaging;
using ActionAgent.TestKit.FakeServers;

namespace ActionAgent.Models.Tests.Imaging;

[TestClass]
public sealed class ScreenshotEncoderTests
{
    [TestMethod]
    public void Encode_HiDpiPng_IsDownscaledToJpegWithinTheLimit()
    {
        var png = TestPng.Create(2560, 1440, [new(100, 100, 400, 200)]);

        var image = new ScreenshotEncoder().Encode(png)!;

        Assert.AreEqual("image/jpeg", image.MediaType);
        Assert.AreEqual((1280, 720), (image.Width, image.Height));
        Assert.IsTrue(ImageDimensions.TryRead(image.Bytes.Span, out var w, out var h));
        Assert.AreEqual((1280, 720), (w, h), "the JPEG header agrees");
        Assert.IsTrue(image.Bytes.Length < png.Length, $"JPEG {image.Bytes.Length} bytes vs PNG {png.Length}");
    }

    [TestMethod]
    public void Encode_PngFormatWithinLimits_KeepsTheOriginalBytes()
    {
        var png = TestPng.Create(800, 600);

        var image = new ScreenshotEncoder(new ImageOptions { Format = ImageFormat.Png }).Encode(png)!;

        Assert.AreEqual("image/png", image.MediaType);
        CollectionAssert.AreEqual(png, image.Bytes.ToArray());
    }

    [TestMethod]
    public void Encode_SmallerMaxWidth_KeepsTheAspectRatio()
    {
        var image = new ScreenshotEncoder(new ImageOptions { MaxWidth = 640 }).Encode(TestPng.Create(1280, 720))!;

        Assert.AreEqual((640, 360), (image.Width, image.Height));
    }

    [TestMethod]
    public void Encode_AutoAndPngSmallerThanJpeg_KeepsThePng()
    {
        var flat = TestPng.Create(1280, 720);

        var image = new ScreenshotEncoder(new ImageOptions { Format = ImageFormat.Auto }).Encode(flat)!;

        Assert.AreEqual("image/png", image.MediaType, "a flat page compresses better losslessly");
        Assert.AreEqual(flat.Length, image.Bytes.Length);
    }

    [TestMethod]
    public void Encode_JpegFormat_AlwaysJpeg()
    {
        var image = new ScreenshotEncoder(new ImageOptions { Format = ImageFormat.Jpeg }).Encode(TestPng.Create(1280, 720))!;

        Assert.AreEqual("image/jpeg", image.MediaType);
        Assert.AreEqual(0xFF, image.Bytes.Span[0]);
    }

    [TestMethod]
    public void Encode_Empty_IsNull()
    {
        Assert.IsNull(new ScreenshotEncoder().Encode(ReadOnlyMemory<byte>.Empty));
    }

    [TestMethod]
    public void TryRead_NotAnImage_IsFalse()
    {
        Assert.IsFalse(ImageDimensions.TryRead("hello world, not an image"u8, out _, out _));
    }
}
