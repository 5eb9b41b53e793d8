namespace ActionAgent.Approvals.Audit;

/// <summary>
/// Finds the last sound entry by reading lines backwards from the end in fixed-size chunks: damaged, cut-off or over-long
/// lines at the end are stepped over (never parsed whole), so the next append chains from the last entry whose hash holds.
/// </summary>
internal static class AuditTail
{
    private const int Chunk = 64 * 1024;

    /// <summary>The last entry whose hash matches its content (null when there is none), and whether the file ends with a newline.</summary>
    public static (AuditHead? Head, bool EndsWithNewline) Find(FileStream fs)
    {
        var length = fs.Length;
        if (length == 0)
        {
            return (null, true);
        }

        var chunk = new byte[Chunk];
        fs.Seek(-1, SeekOrigin.End);
        fs.ReadExactly(chunk, 0, 1);
        var endsWithNewline = chunk[0] == (byte)'\n';
        byte[]? line = null;

        // end is the exclusive end of the current line's content (its newline, if any, sits at end).
        var end = endsWithNewline ? length - 1 : length;
        while (true)
        {
            var start = LineStart(fs, end, chunk);
            var size = end - start;
            if (size is > 0 and <= AuditLimits.MaxLineBytes)
            {
                line ??= new byte[AuditLimits.MaxLineBytes];
                fs.Seek(start, SeekOrigin.Begin);
                fs.ReadExactly(line, 0, (int)size);
                var parsed = AuditLineParser.Parse(line.AsMemory(0, (int)size));
                if (parsed.Consistent)
                {
                    return (new AuditHead(parsed.Seq, parsed.Hash), endsWithNewline);
                }
            }

            if (start == 0)
            {
                return (null, endsWithNewline);
            }

            end = start - 1;
        }
    }

    /// <summary>The position just after the last newline before <paramref name="end"/>, or 0.</summary>
    private static long LineStart(FileStream fs, long end, byte[] chunk)
    {
        var pos = end;
        while (pos > 0)
        {
            var n = (int)Math.Min(chunk.Length, pos);
            fs.Seek(pos - n, SeekOrigin.Begin);
            fs.ReadExactly(chunk, 0, n);
            var newline = chunk.AsSpan(0, n).LastIndexOf((byte)'\n');
            if (newline >= 0)
            {
                return pos - n + newline + 1;
            }

            pos -= n;
        }

        return 0;
    }
}
