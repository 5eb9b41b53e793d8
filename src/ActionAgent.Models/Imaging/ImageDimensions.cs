using System.Buffers.Binary;

namespace ActionAgent.Models.Imaging;

/// <summary>Reads the pixel size and type of a PNG or JPEG from its header, without decoding it.</summary>
public static class ImageDimensions
{
    /// <summary>True when <paramref name="image"/> is a PNG or JPEG whose size could be read.</summary>
    public static bool TryRead(ReadOnlySpan<byte> image, out int width, out int height)
    {
        width = height = 0;
        if (IsPng(image) && image.Length >= 24)
        {
            width = BinaryPrimitives.ReadInt32BigEndian(image[16..]);
            height = BinaryPrimitives.ReadInt32BigEndian(image[20..]);
            return width > 0 && height > 0;
        }

        if (!IsJpeg(image))
        {
            return false;
        }

        // Walk the JPEG segments to the first start-of-frame marker (SOF0..SOF15 except DHT, JPG and DAC).
        var i = 2;
        while (i + 9 < image.Length)
        {
            if (image[i] != 0xFF)
            {
                i++;
                continue;
            }

            var marker = image[i + 1];
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7) or 0xFF)
            {
                i += marker == 0xFF ? 1 : 2;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(image[(i + 2)..]);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                height = BinaryPrimitives.ReadUInt16BigEndian(image[(i + 5)..]);
                width = BinaryPrimitives.ReadUInt16BigEndian(image[(i + 7)..]);
                return width > 0 && height > 0;
            }

            i += 2 + length;
        }

        return false;
    }

    /// <summary>The media type of a PNG or JPEG ("image/png", "image/jpeg"), or "application/octet-stream".</summary>
    public static string MediaType(ReadOnlySpan<byte> image) =>
        IsPng(image) ? "image/png" : IsJpeg(image) ? "image/jpeg" : "application/octet-stream";

    private static bool IsPng(ReadOnlySpan<byte> b) => b.Length >= 8 && b[0] == 0x89 && b[1] == (byte)'P' && b[2] == (byte)'N' && b[3] == (byte)'G';

    private static bool IsJpeg(ReadOnlySpan<byte> b) => b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF;
}
