using System.Security.Cryptography;
using System.Text;
using ActionAgent.Approvals.Dashboard;

namespace ActionAgent.Serve.Web;

/// <summary>
/// Tokens of <c>actionagent serve</c>, one per line in the <c>--tokens</c> file: <c>ROLE NAME TOKEN</c> (role operator,
/// reviewer or admin; <c>#</c> starts a comment). Tokens are compared in constant time and must be at least 16 characters.
/// </summary>
public sealed class ServeTokens
{
    private readonly (ServeUser User, byte[] Token)[] _tokens;

    private ServeTokens((ServeUser, byte[])[] tokens) => _tokens = tokens;

    /// <summary>The reviewer and admin tokens, for the approval dashboard.</summary>
    public ReviewerTokens Reviewers { get; private init; } = null!;

    /// <summary>Parses the file's text; throws <see cref="FormatException"/> naming the line that is wrong.</summary>
    public static ServeTokens Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new List<(ServeUser, byte[])>();
        var lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = raw.Split('#', 2)[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3 || !Enum.TryParse<ServeRole>(parts[0], ignoreCase: true, out var role) || int.TryParse(parts[0], out _))
            {
                throw new FormatException($"{source}:{lineNo}: expected \"ROLE NAME TOKEN\" with ROLE operator, reviewer or admin");
            }

            if (parts[2].Length < ReviewerTokens.MinimumLength)
            {
                throw new FormatException($"{source}:{lineNo}: the token of {parts[1]} is shorter than {ReviewerTokens.MinimumLength} characters; use a long random one (e.g. openssl rand -hex 16)");
            }

            list.Add((new ServeUser(parts[1], role), Encoding.UTF8.GetBytes(parts[2])));
        }

        if (list.Count == 0)
        {
            throw new FormatException($"{source}: no tokens; write one \"ROLE NAME TOKEN\" line per person (see docs/serve.md)");
        }

        if (list.GroupBy(t => Convert.ToHexString(t.Item2)).FirstOrDefault(g => g.Count() > 1) is { } dup)
        {
            throw new FormatException($"{source}: one token is given to {string.Join(" and ", dup.Select(d => d.Item1.Name))}; each person needs their own");
        }

        var reviewers = list.Where(t => t.Item1.CanReview).GroupBy(t => t.Item1.Name, StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, Encoding.UTF8.GetString(g.First().Item2))).ToList();
        return new ServeTokens(list.ToArray())
        {
            // The dashboard needs at least one reviewer; without any, no approval can be decided (said at start-up).
            Reviewers = reviewers.Count > 0 ? new ReviewerTokens(reviewers) : throw new FormatException($"{source}: no reviewer or admin token, so no held step could ever be approved; add a \"reviewer NAME TOKEN\" line"),
        };
    }

    /// <summary>The user a bearer token belongs to, or null. Compares against every token in constant time.</summary>
    public ServeUser? Authenticate(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var given = Encoding.UTF8.GetBytes(token);
        ServeUser? found = null;
        foreach (var (user, expected) in _tokens)
        {
            if (CryptographicOperations.FixedTimeEquals(given, expected))
            {
                found = user;
            }
        }

        return found;
    }
}
