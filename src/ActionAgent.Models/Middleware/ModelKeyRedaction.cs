using ActionAgent.Core.Policy;

namespace ActionAgent.Models.Middleware;

/// <summary>The redaction for model traffic: the provider's API keys (as <c>{{secret:MODEL_API_KEY}}</c>) and anything key-shaped.</summary>
internal static class ModelKeyRedaction
{
    /// <summary>The name API keys are redacted under.</summary>
    public const string KeyName = "MODEL_API_KEY";

    /// <summary>A redaction for <paramref name="keys"/> (values shorter than 6 characters are not keys) that also masks key-shaped tokens.</summary>
    public static SecretRedaction For(IEnumerable<string>? keys)
    {
        var redaction = new SecretRedaction { MaskKeyShapedTokens = true };
        foreach (var key in (keys ?? []).Where(k => k is { Length: >= 6 }))
        {
            redaction.Register(KeyName, key);
        }

        return redaction;
    }
}
