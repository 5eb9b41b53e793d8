namespace ActionAgent.Approvals.Secrets;

/// <summary>
/// Replaces every known secret value in a string with its <c>{{secret:NAME}}</c> reference, for logs, recordings and
/// model requests. Longer values are replaced first, so a value containing another is redacted whole.
/// </summary>
public sealed class SecretRedactor
{
    private readonly (string Name, string Value)[] _secrets;

    /// <summary>A redactor for name → value pairs; empty values are ignored.</summary>
    public SecretRedactor(IReadOnlyDictionary<string, string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        _secrets = secrets.Where(kv => !string.IsNullOrEmpty(kv.Value))
            .Select(kv => (kv.Key, kv.Value))
            .OrderByDescending(s => s.Value.Length)
            .ToArray();
    }

    /// <summary>A redactor that changes nothing.</summary>
    public static SecretRedactor None { get; } = new(new Dictionary<string, string>());

    /// <summary>How many values it redacts.</summary>
    public int Count => _secrets.Length;

    /// <summary>The text with every secret value replaced by its reference.</summary>
    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text) || _secrets.Length == 0)
        {
            return text ?? "";
        }

        foreach (var (name, value) in _secrets)
        {
            if (text.Contains(value, StringComparison.Ordinal))
            {
                text = text.Replace(value, "{{secret:" + name + "}}", StringComparison.Ordinal);
            }
        }

        return text;
    }
}
