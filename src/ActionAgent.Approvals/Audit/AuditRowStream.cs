using System.Data.Common;
using System.Text;

namespace ActionAgent.Approvals.Audit;

/// <summary>
/// The <c>line</c> column of a reader's rows as a read-only JSONL stream (each row then a newline), so the database log is
/// verified by the very <see cref="AuditVerifier"/> that walks files; rows are pulled as the verifier reads.
/// </summary>
internal sealed class AuditRowStream(DbDataReader reader) : Stream
{
    private byte[] _current = [];
    private int _offset;
    private bool _done;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        while (_offset >= _current.Length)
        {
            if (_done || !reader.Read())
            {
                _done = true;
                return 0;
            }

            _current = Encoding.UTF8.GetBytes(reader.GetString(0) + "\n");
            _offset = 0;
        }

        var n = Math.Min(count, _current.Length - _offset);
        Buffer.BlockCopy(_current, _offset, buffer, offset, n);
        _offset += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
