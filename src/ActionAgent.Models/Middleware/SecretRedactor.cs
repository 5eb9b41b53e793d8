using System.Text.RegularExpressions;

namespace ActionAgent.Models.Middleware;

/// <summary>Replaces known secrets (API keys) and anything shaped like a key or bearer token with [REDACTED].</summary>
internal sealed partial class SecretRedactor(IEnumerable<string>? secrets)
{
    public const string Mask = "[REDACTED]";

    private readonly string[] _secrets = (secrets ?? []).Where(s => !string.IsNullOrEmpty(s) && s.Length >= 6).Distinct().ToArray();

    public static SecretRedactor None { get; } = new(null);

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return KeyShaped().Replace(text, Mask);
    }

    // sk-…, sk-ant-…, sk-proj-… keys and "Bearer xyz" headers.
    [GeneratedRegex(@"(sk-[A-Za-z0-9_\-]{12,}|(?<=Bearer\s)[A-Za-z0-9_\-\.=]{8,})", RegexOptions.CultureInvariant)]
    private static partial Regex KeyShaped();
}
