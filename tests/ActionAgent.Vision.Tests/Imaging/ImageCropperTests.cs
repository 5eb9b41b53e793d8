using ActionAgent.Core.Perception;
using ActionAgent.Vision.Imaging;
using ActionAgent.Vision.Tests.Support;
using OpenCvSharp;

namespace ActionAgent.Vision.Tests.Imaging;

[TestClass]
public sealed class ImageCropperTests
{
    [TestMethod]
    public void Crop_InsideTheImage_ExactPixels()
    {
        var png = Frames.Blank(200, 100).Fill(50, 20, 30, 10, Scalar.Red).ToPng();

        using var crop = FrameCodec.Decode(ImageCropper.Crop(png, new ScreenRect(50, 20, 30, 10)));

        Assert.AreEqual(new Size(30, 10), crop.Size());
        Assert.AreEqual(new Vec3b(0, 0, 255), crop.At<Vec3b>(0, 0));
        Assert.AreEqual(new Vec3b(0, 0, 255), crop.At<Vec3b>(9, 29));
    }

    [TestMethod]
    public void Crop_PartlyOutside_ClippedToTheImage()
    {
        var png = Frames.Blank(200, 100).ToPng();

        using var crop = FrameCodec.Decode(ImageCropper.Crop(png, new ScreenRect(150, -20, 100, 50)));

        Assert.AreEqual(new Size(50, 30), crop.Size());
    }

    [TestMethod]
    public void Crop_FullyOutsideEmptyOrNotAnImage_Empty()
    {
        var png = Frames.Blank(200, 100).ToPng();

        Assert.IsEmpty(ImageCropper.Crop(png, new ScreenRect(300, 10, 50, 50)));
        Assert.IsEmpty(ImageCropper.Crop(png, new ScreenRect(-60, 10, 50, 50)));
        Assert.IsEmpty(ImageCropper.Crop(png, new ScreenRect(10, 10, 0, 50)));
        Assert.IsEmpty(ImageCropper.Crop(png, new ScreenRect(double.NaN, 10, 5, 5)));
        Assert.IsEmpty(ImageCropper.Crop(new byte[] { 1, 2, 3 }, new ScreenRect(0, 0, 5, 5)));
    }
}
