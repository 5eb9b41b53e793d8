using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace ActionAgent.Approvals.Dashboard;

/// <summary>Logged-in reviewer sessions: a random session id (the HttpOnly cookie) with its reviewer and CSRF token.</summary>
internal sealed class DashboardSessions(TimeProvider time, TimeSpan lifetime)
{
    private readonly ConcurrentDictionary<string, DashboardSession> _sessions = new(StringComparer.Ordinal);

    public DashboardSession Create(string reviewer)
    {
        var session = new DashboardSession(NewToken(), reviewer, NewToken(), time.GetUtcNow() + lifetime);
        _sessions[session.Id] = session;
        return session;
    }

    public DashboardSession? Find(string? id)
    {
        if (id is null || !_sessions.TryGetValue(id, out var s))
        {
            return null;
        }

        if (s.ExpiresAt <= time.GetUtcNow())
        {
            _sessions.TryRemove(id, out _);
            return null;
        }

        return s;
    }

    public void Remove(string id) => _sessions.TryRemove(id, out _);

    public static bool SameToken(string? a, string? b) =>
        a is not null && b is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>One reviewer session.</summary>
internal sealed record DashboardSession(string Id, string Reviewer, string Csrf, DateTimeOffset ExpiresAt);
