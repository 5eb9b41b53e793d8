using ActionAgent.Approvals.Dashboard;

namespace ActionAgent.Approvals.Commands;

/// <summary>
/// Who decides on the command line: <c>--reviewer NAME</c>, or the reviewer whose token (<c>--token</c>, else
/// <see cref="TokenVariable"/>) is one of <see cref="ReviewerTokens.EnvironmentVariable"/>. No default: a decision names a person.
/// </summary>
public static class ReviewerIdentity
{
    /// <summary>Environment variable holding the deciding reviewer's own token, used when <c>--token</c> is not given.</summary>
    public const string TokenVariable = "ACTIONAGENT_REVIEWER_TOKEN";

    /// <summary>The reviewer's name, or the one-line error that says what to add.</summary>
    public static (string? Name, string? Error) Resolve(string? reviewer, string? token, Func<ReviewerTokens> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (!string.IsNullOrWhiteSpace(token))
        {
            string? owner;
            try
            {
                owner = tokens().Authenticate(token);
            }
            catch (FormatException e)
            {
                return (null, e.Message);
            }

            if (owner is null)
            {
                return (null, $"the reviewer token is not one of {ReviewerTokens.EnvironmentVariable}; give your own token, or your name with --reviewer NAME");
            }

            return !string.IsNullOrWhiteSpace(reviewer) && !string.Equals(reviewer.Trim(), owner, StringComparison.Ordinal)
                ? (null, $"--reviewer {reviewer.Trim()} does not match the token, which belongs to {owner}; leave out --reviewer or use your own token")
                : (owner, null);
        }

        return string.IsNullOrWhiteSpace(reviewer)
            ? (null, $"a decision needs the reviewer's name: add --reviewer NAME (or --token TOKEN, or set {TokenVariable}, with a token from {ReviewerTokens.EnvironmentVariable})")
            : (reviewer.Trim(), null);
    }
}
