using ActionAgent.Models.Imaging;
using ActionAgent.Models.Providers;
using Microsoft.Extensions.AI;

namespace ActionAgent.Models.Cost;

/// <summary>Estimates the input tokens of a chat request before it is sent: text through a counter, images by provider rules.</summary>
public static class RequestTokenEstimator
{
    /// <summary>Tokens a provider adds per message for roles and separators (OpenAI documents about 3-4).</summary>
    public const int PerMessageOverhead = 4;

    /// <summary>Anthropic resizes larger images to about 1.15 megapixels, about 1,600 tokens.</summary>
    public const int MaxAnthropicImageTokens = 1600;

    /// <summary>Estimated input tokens of <paramref name="messages"/> for <paramref name="provider"/>.</summary>
    public static long Estimate(IEnumerable<ChatMessage> messages, ModelProvider provider, ITokenCounter? counter = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        counter ??= ApproximateTokenCounter.Default;
        long total = 0;
        foreach (var message in messages)
        {
            total += PerMessageOverhead;
            foreach (var content in message.Contents)
            {
                total += content switch
                {
                    TextContent text => counter.CountTokens(text.Text),
                    DataContent data when data.HasTopLevelMediaType("image") => ImageTokens(data.Data.Span, provider),
                    _ => 0,
                };
            }
        }

        return total;
    }

    /// <summary>Tokens one image costs as input, from its pixel size; 1,000 when the size cannot be read.</summary>
    public static int ImageTokens(ReadOnlySpan<byte> image, ModelProvider provider) =>
        ImageDimensions.TryRead(image, out var width, out var height) ? ImageTokens(width, height, provider) : 1_000;

    /// <summary>
    /// Tokens of a width×height image. OpenAI (high detail): fit in 2048², shortest side at most 768, then 85 + 170 per
    /// 512-px tile. Anthropic and others: long side at most 1568, then width×height/750, at most 1,600.
    /// </summary>
    public static int ImageTokens(int width, int height, ModelProvider provider)
    {
        if (width <= 0 || height <= 0)
        {
            return 0;
        }

        double w = width, h = height;
        if (provider is ModelProvider.OpenAI or ModelProvider.Azure)
        {
            var fit = Math.Min(1, 2048 / Math.Max(w, h));
            w *= fit;
            h *= fit;
            var shortest = Math.Min(w, h);
            if (shortest > 768)
            {
                w *= 768 / shortest;
                h *= 768 / shortest;
            }

            var tiles = (int)(Math.Ceiling(w / 512) * Math.Ceiling(h / 512));
            return 85 + 170 * tiles;
        }

        var scale = Math.Min(1, 1568 / Math.Max(w, h));
        return (int)Math.Min(MaxAnthropicImageTokens, Math.Ceiling(w * scale * h * scale / 750));
    }
}
