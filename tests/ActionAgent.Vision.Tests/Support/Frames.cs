using ActionAgent.Vision.Imaging;
using OpenCvSharp;

namespace ActionAgent.Vision.Tests.Support;

/// <summary>Synthetic screens drawn with OpenCV, for tests that need known pixels without a browser.</summary>
internal static class Frames
{
    /// <summary>A plain frame of one colour (BGR).</summary>
    public static Mat Blank(int width = 1280, int height = 720, Scalar? colour = null) =>
        new(height, width, MatType.CV_8UC3, colour ?? Scalar.White);

    /// <summary>Draws black text with its baseline-left at (x, y), about 22 px tall.</summary>
    public static Mat Text(this Mat image, string text, int x, int y, double scale = 0.8, Scalar? colour = null)
    {
        Cv2.PutText(image, text, new Point(x, y), HersheyFonts.HersheySimplex, scale, colour ?? Scalar.Black, 2, LineTypes.AntiAlias);
        return image;
    }

    /// <summary>Draws a filled rectangle.</summary>
    public static Mat Fill(this Mat image, int x, int y, int width, int height, Scalar colour)
    {
        Cv2.Rectangle(image, new Rect(x, y, width, height), colour, -1);
        return image;
    }

    /// <summary>Draws a 1 px rectangle outline.</summary>
    public static Mat Outline(this Mat image, int x, int y, int width, int height, Scalar colour)
    {
        Cv2.Rectangle(image, new Rect(x, y, width, height), colour, 1);
        return image;
    }

    /// <summary>The frame as PNG bytes (the image is disposed).</summary>
    public static byte[] ToPng(this Mat image)
    {
        using (image)
        {
            return FrameCodec.EncodePng(image);
        }
    }
}
