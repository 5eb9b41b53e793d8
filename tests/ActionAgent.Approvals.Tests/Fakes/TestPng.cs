using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ActionAgent.Approvals.Tests.Fakes;

/// <summary>Makes small real PNG files (a light page with a dark rectangle) for store and dashboard tests.</summary>
public static class TestPng
{
    public static byte[] Make(int width, int height, (int X, int Y, int W, int H)? box = null)
    {
        var raw = new byte[height * (1 + width * 3)];
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + width * 3);
            raw[row] = 0;
            for (var x = 0; x < width; x++)
            {
                var inBox = box is { } b && x >= b.X && x < b.X + b.W && y >= b.Y && y < b.Y + b.H;
                var i = row + 1 + x * 3;
                raw[i] = inBox ? (byte)40 : (byte)245;
                raw[i + 1] = inBox ? (byte)90 : (byte)246;
                raw[i + 2] = inBox ? (byte)200 : (byte)248;
            }
        }

        using var ms = new MemoryStream();
        ms.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;
        ihdr[9] = 2;
        Chunk(ms, "IHDR", ihdr);
        using (var z = new MemoryStream())
        {
            using (var zs = new ZLibStream(z, CompressionLevel.Fastest, leaveOpen: true))
            {
                zs.Write(raw);
            }

            Chunk(ms, "IDAT", z.ToArray());
        }

        Chunk(ms, "IEND", []);
        return ms.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        s.Write(len);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        s.Write(typeBytes);
        s.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(len, Crc(typeBytes.Concat(data).ToArray()));
        s.Write(len);
    }

    private static uint Crc(byte[] bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            c ^= b;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
        }

        return c ^ 0xFFFFFFFFu;
    }
}
