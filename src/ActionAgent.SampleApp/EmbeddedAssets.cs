using System.Collections.Concurrent;
using Microsoft.AspNetCore.StaticFiles;

namespace ActionAgent.SampleApp;

/// <summary>Serves files compiled into the assembly as <c>wwwroot/...</c> resources, so the app runs from any directory.</summary>
internal static class EmbeddedAssets
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private static readonly ConcurrentDictionary<string, byte[]?> Cache = new(StringComparer.Ordinal);

    public static IResult Serve(string path)
    {
        if (path.Contains("..", StringComparison.Ordinal))
        {
            return Results.NotFound();
        }

        var bytes = Cache.GetOrAdd(path, Load);
        if (bytes is null)
        {
            return Results.NotFound();
        }

        var contentType = ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";
        if (contentType.StartsWith("text/", StringComparison.Ordinal) || contentType.EndsWith("javascript", StringComparison.Ordinal))
        {
            contentType += "; charset=utf-8";
        }

        return Results.Bytes(bytes, contentType);
    }

    private static byte[]? Load(string path)
    {
        using var stream = typeof(EmbeddedAssets).Assembly.GetManifestResourceStream("wwwroot/" + path);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
