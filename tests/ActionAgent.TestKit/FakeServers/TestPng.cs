using System.Buffers.Binary;
using System.IO.Compression;
using ActionAgent.Core.Perception;

namespace ActionAgent.TestKit.FakeServers;

/// <summary>Writes small PNGs without an imaging library: a background with filled rectangles (element boxes).</summary>
public static class TestPng
{
    private static readonly uint[] s_crcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }

        return c;
    }).ToArray();

    /// <summary>A width×height RGB PNG, light grey, with each rectangle filled in a darker shade.</summary>
    public static byte[] Create(int width, int height, IEnumerable<ScreenRect>? boxes = null)
    {
        var rows = new byte[height * (1 + width * 3)];
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + width * 3);
            rows[row] = 0; // filter: none
            rows.AsSpan(row + 1, width * 3).Fill(0xEE);
        }

        var shade = (byte)0x90;
        foreach (var box in boxes ?? [])
        {
            for (var y = Math.Max(0, (int)box.Y); y < Math.Min(height, (int)box.Bottom); y++)
            {
                for (var x = Math.Max(0, (int)box.X); x < Math.Min(width, (int)box.Right); x++)
                {
                    var i = y * (1 + width * 3) + 1 + x * 3;
                    rows[i] = shade;
                    rows[i + 1] = (byte)(shade + 0x20);
                    rows[i + 2] = 0xD0;
                }
            }

            shade = (byte)(shade == 0x90 ? 0x70 : 0x90);
        }

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB
        Chunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                zlib.Write(rows);
            }

            Chunk(png, "IDAT", compressed.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        output.Write(number);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        var crc = 0xFFFFFFFFu;
        foreach (var b in typeBytes.Concat(data))
        {
            crc = s_crcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        BinaryPrimitives.WriteUInt32BigEndian(number, crc ^ 0xFFFFFFFFu);
        output.Write(number);
    }
}
