namespace ActionAgent.Approvals.Audit;

/// <summary>
/// Reads a log line by line with fixed buffers: a line longer than the limit is measured and skipped, never held, so a
/// 1 GB line costs no more memory than a short one.
/// </summary>
internal sealed class AuditLineReader(Stream stream, int maxLineBytes)
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly byte[] _line = new byte[maxLineBytes];
    private int _pos;
    private int _len;
    private int _number;

    /// <summary>The next line (without its newline), or false at the end of the file.</summary>
    public bool TryRead(out AuditLine line)
    {
        var kept = 0;
        var length = 0L;
        var any = false;
        while (true)
        {
            if (_pos == _len)
            {
                _len = stream.Read(_buffer);
                _pos = 0;
                if (_len == 0)
                {
                    line = new AuditLine(++_number, _line.AsMemory(0, kept), length, Terminated: false);
                    return any;
                }
            }

            any = true;
            var span = _buffer.AsSpan(_pos, _len - _pos);
            var newline = span.IndexOf((byte)'\n');
            var chunk = newline >= 0 ? span[..newline] : span;
            if (length + chunk.Length <= _line.Length)
            {
                chunk.CopyTo(_line.AsSpan(kept));
                kept += chunk.Length;
            }

            length += chunk.Length;
            _pos += chunk.Length;
            if (newline >= 0)
            {
                _pos++;
                line = new AuditLine(++_number, _line.AsMemory(0, kept), length, Terminated: true);
                return true;
            }
        }
    }
}

/// <summary>One line of the log: its 1-based number, its bytes (empty when longer than the limit), its full length, and whether a newline ended it.</summary>
internal readonly record struct AuditLine(int Number, ReadOnlyMemory<byte> Bytes, long Length, bool Terminated)
{
    /// <summary>True when the line was longer than the reader's limit (its bytes were not kept).</summary>
    public bool TooLong => Length > Bytes.Length;
}
