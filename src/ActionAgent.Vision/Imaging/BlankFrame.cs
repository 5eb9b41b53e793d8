using OpenCvSharp;

namespace ActionAgent.Vision.Imaging;

/// <summary>Recognises frames with nothing on them (one colour), which happen while a page is loading or the GPU failed.</summary>
internal static class BlankFrame
{
    /// <summary>True when every pixel is within a few grey levels of every other; <paramref name="black"/> says whether it is black.</summary>
    public static bool IsBlank(Mat image, out bool black)
    {
        using var flat = image.Reshape(1);
        Cv2.MinMaxLoc(flat, out double min, out double max);
        black = max < 16;
        return max - min < 8;
    }

    /// <summary>The note the decider sees for a blank frame.</summary>
    public static string Note(bool black) => black
        ? "the screenshot is all black: nothing could be read from its pixels (the page may not have rendered)"
        : "the screenshot is blank (a single colour): nothing could be read from its pixels";
}
