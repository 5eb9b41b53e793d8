using System.Security.Cryptography;
using System.Text;

namespace ActionAgent.Approvals.Dashboard;

/// <summary>
/// Reviewer names and their secret tokens, from <c>ACTIONAGENT_REVIEWER_TOKENS="alice:token1,bob:token2"</c> or config.
/// Tokens are compared in constant time; each must be at least 16 characters.
/// </summary>
public sealed class ReviewerTokens
{
    /// <summary>The environment variable read by <see cref="FromEnvironment"/>.</summary>
    public const string EnvironmentVariable = "ACTIONAGENT_REVIEWER_TOKENS";

    /// <summary>Shortest token accepted.</summary>
    public const int MinimumLength = 16;

    private readonly (string Reviewer, byte[] Token)[] _tokens;

    /// <summary>Tokens from reviewer → token pairs.</summary>
    public ReviewerTokens(IEnumerable<KeyValuePair<string, string>> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        _tokens = tokens.Select(kv => (kv.Key, Encoding.UTF8.GetBytes(kv.Value))).ToArray();
        foreach (var (reviewer, token) in _tokens)
        {
            if (string.IsNullOrWhiteSpace(reviewer))
            {
                throw new ArgumentException("a reviewer token has an empty reviewer name (expected name:token)", nameof(tokens));
            }

            if (token.Length < MinimumLength)
            {
                throw new ArgumentException($"the token of reviewer {reviewer} is shorter than {MinimumLength} characters; use a long random one (e.g. openssl rand -hex 16)", nameof(tokens));
            }
        }

        if (_tokens.Length == 0)
        {
            throw new ArgumentException($"no reviewer tokens: set {EnvironmentVariable}=\"name:token,…\"", nameof(tokens));
        }
    }

    /// <summary>Reviewer names.</summary>
    public IReadOnlyList<string> Reviewers => _tokens.Select(t => t.Reviewer).ToArray();

    /// <summary>Parses <c>"alice:token1,bob:token2"</c>; throws <see cref="FormatException"/> with what is wrong.</summary>
    public static ReviewerTokens Parse(string spec)
    {
        if (string.IsNullOrWhiteSpace(spec))
        {
            throw new FormatException($"no reviewer tokens: set {EnvironmentVariable}=\"name:token,…\"");
        }

        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == part.Length - 1)
            {
                throw new FormatException($"reviewer token \"{Mask(part)}\" is not name:token");
            }

            pairs.Add(KeyValuePair.Create(part[..colon].Trim(), part[(colon + 1)..].Trim()));
        }

        if (pairs.GroupBy(p => p.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } dup)
        {
            throw new FormatException($"reviewer {dup.Key} is listed twice");
        }

        try
        {
            return new ReviewerTokens(pairs);
        }
        catch (ArgumentException e)
        {
            throw new FormatException(e.Message.Split(" (Parameter", StringSplitOptions.None)[0], e);
        }
    }

    /// <summary>Reads <see cref="EnvironmentVariable"/>.</summary>
    public static ReviewerTokens FromEnvironment() => Parse(Environment.GetEnvironmentVariable(EnvironmentVariable) ?? "");

    /// <summary>The reviewer a token belongs to, or null. Compares against every token in constant time.</summary>
    public string? Authenticate(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var given = Encoding.UTF8.GetBytes(token);
        string? found = null;
        foreach (var (reviewer, expected) in _tokens)
        {
            if (CryptographicOperations.FixedTimeEquals(given, expected))
            {
                found = reviewer;
            }
        }

        return found;
    }

    private static string Mask(string s) => s.Length <= 4 ? "****" : s[..Math.Min(4, s.Length / 2)] + "****";
}
