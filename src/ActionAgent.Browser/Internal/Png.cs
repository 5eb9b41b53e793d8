using System.Buffers.Binary;

namespace ActionAgent.Browser.Internal;

/// <summary>Reads a PNG's pixel size from its header (the IHDR chunk right after the signature).</summary>
internal static class Png
{
    public static (int Width, int Height) Size(ReadOnlySpan<byte> png)
    {
        if (png.Length < 24 || png[0] != 0x89 || png[1] != (byte)'P' || png[12] != (byte)'I' || png[13] != (byte)'H')
        {
            throw new InvalidDataException("The screenshot is not a PNG image.");
        }

        return (BinaryPrimitives.ReadInt32BigEndian(png[16..20]), BinaryPrimitives.ReadInt32BigEndian(png[20..24]));
    }
}
