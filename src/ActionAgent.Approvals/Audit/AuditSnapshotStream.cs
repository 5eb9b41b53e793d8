namespace ActionAgent.Approvals.Audit;

/// <summary>
/// Reads the first <c>length</c> bytes of a log, opening it under a shared lock for each read only, so a long verify never
/// holds the lock appends wait for; appends only add bytes after that length, so what it reads cannot change.
/// </summary>
internal sealed class AuditSnapshotStream(string path, long length, Func<string, FileStream> openShared) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var wanted = (int)Math.Min(buffer.Length, length - _position);
        if (wanted <= 0)
        {
            return 0;
        }

        using var fs = openShared(path);
        fs.Seek(_position, SeekOrigin.Begin);
        var read = fs.Read(buffer[..wanted]);
        _position += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
