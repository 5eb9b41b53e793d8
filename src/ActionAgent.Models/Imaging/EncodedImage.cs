namespace ActionAgent.Models.Imaging;

/// <summary>An image ready to send: its bytes, media type and pixel size.</summary>
public sealed record EncodedImage(ReadOnlyMemory<byte> Bytes, string MediaType, int Width, int Height)
{
    /// <inheritdoc />
    public override string ToString() => $"{MediaType} {Width}x{Height} ({Bytes.Length:N0} bytes)";
}
