using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ActionAgent.Flows.Tests.Fakes;

/// <summary>A minimal RGB canvas that encodes real PNG files (rectangles only), so reports show believable screenshots.</summary>
internal sealed class TestPng(int width, int height)
{
    private static readonly uint[] CrcTable = BuildCrcTable();
    private readonly byte[] _rgb = Fill(new byte[width * height * 3], 0xFF);

    public int Width => width;

    public int Height => height;

    public TestPng Rect(double x, double y, double w, double h, uint rgb, int border = 0, uint borderRgb = 0)
    {
        for (var yy = (int)Math.Max(0, y); yy < Math.Min(height, y + h); yy++)
        {
            for (var xx = (int)Math.Max(0, x); xx < Math.Min(width, x + w); xx++)
            {
                var edge = border > 0 && (xx < x + border || xx >= x + w - border || yy < y + border || yy >= y + h - border);
                Set(xx, yy, edge ? borderRgb : rgb);
            }
        }

        return this;
    }

    public byte[] Encode()
    {
        using var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0);
            raw.Write(_rgb, y * width * 3, width * 3);
        }

        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            raw.Position = 0;
            raw.CopyTo(z);
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private void Set(int x, int y, uint rgb)
    {
        var i = (y * width + x) * 3;
        _rgb[i] = (byte)(rgb >> 16);
        _rgb[i + 1] = (byte)(rgb >> 8);
        _rgb[i + 2] = (byte)rgb;
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        s.Write(len);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        s.Write(typeBytes);
        s.Write(data);
        var crc = Crc(typeBytes.Concat(data).ToArray());
        BinaryPrimitives.WriteUInt32BigEndian(len, crc);
        s.Write(len);
    }

    private static uint Crc(byte[] bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return c ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }

    private static byte[] Fill(byte[] a, byte v)
    {
        Array.Fill(a, v);
        return a;
    }

    /// <summary>Paints a fake page: a header bar, inputs as bordered boxes, buttons and links in colour (2x scale for a HiDPI look).</summary>
    public static byte[] Paint(FakeApp app, FakePage page)
    {
        var key = $"{app.Path}|{page.Text}|{string.Join(";", page.Elements.Select(e => $"{e.Role}:{e.Name}:{e.Bounds}:{e.Disabled}"))}|{string.Join(";", app.Values.OrderBy(v => v.Key))}|{string.Join(";", app.Checked.Where(c => c.Value).Select(c => c.Key).Order())}";
        return Painted.GetOrAdd(key, _ => PaintCore(app, page));
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> Painted = new();

    private static byte[] PaintCore(FakeApp app, FakePage page)
    {
        const double scale = 2;
        var png = new TestPng(1600, 1200).Rect(0, 0, 1600, 90, 0x24292F).Rect(40, 30, 260, 30, 0x57606A);
        foreach (var e in page.Elements)
        {
            var (x, y, w, h) = (e.Bounds.X * scale, e.Bounds.Y * scale, e.Bounds.Width * scale, e.Bounds.Height * scale);
            _ = e.Role switch
            {
                "button" => png.Rect(x, y, w, h, e.Disabled ? 0x8C959Fu : 0x1F883Du),
                "link" => png.Rect(x, y + h - 4, w, 4, 0x0969DA),
                "textbox" => png.Rect(x, y, w, h, app.Values.ContainsKey(e.Name) ? 0xDDF4FFu : 0xFFFFFFu, 3, 0x8C959F),
                "checkbox" => png.Rect(x, y, w, h, app.Checked.GetValueOrDefault(e.Name) ? 0x0969DAu : 0xFFFFFFu, 3, 0x57606A),
                "heading" => png.Rect(x, y, w, h * 0.6, 0x424A53),
                _ => png.Rect(x, y, w, h, 0xEAEEF2),
            };
        }

        var lines = page.Text.Split('\n').Length;
        for (var i = 0; i < lines; i++)
        {
            png.Rect(900, 160 + i * 50, 420 - (i * 37 % 160), 18, 0xD0D7DE);
        }

        return png.Encode();
    }
}
