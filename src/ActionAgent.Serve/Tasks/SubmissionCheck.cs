using System.Text.RegularExpressions;
using ActionAgent.Approvals.Policies;
using ActionAgent.Core.Policy;

namespace ActionAgent.Serve.Tasks;

/// <summary>
/// Checks a submission before anything is queued: a task text, an http(s) start URL, a policy that names a file in the
/// policies folder and loads cleanly, and secrets the policy declares (the task text may use only those). Each problem is
/// one line saying what was wrong and what to do.
/// </summary>
public sealed partial class SubmissionCheck(string policiesDirectory)
{
    /// <summary>The policy used when a submission names none.</summary>
    public const string DefaultPolicy = "default";

    /// <summary>The problem, or null with the resolved policy file when the submission may be queued.</summary>
    public (string? Problem, string? PolicyPath) Check(TaskSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (string.IsNullOrWhiteSpace(submission.Task))
        {
            return ("the task is empty: say what to do, e.g. \"Open order 1042\"", null);
        }

        if (!Uri.TryCreate(submission.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return ($"url \"{submission.Url}\" is not an http(s) address; give the page the task starts on, e.g. http://127.0.0.1:5000/login", null);
        }

        var name = string.IsNullOrWhiteSpace(submission.Policy) ? DefaultPolicy : submission.Policy.Trim();
        var path = Path.Combine(policiesDirectory, name + ".yaml");
        if (!PolicyName().IsMatch(name) || !File.Exists(path))
        {
            return ($"unknown policy \"{name}\"; known policies: {string.Join(", ", Known())}", null);
        }

        PolicyDocument policy;
        try
        {
            policy = PolicyLoader.Load(path);
        }
        catch (PolicyLoadException e)
        {
            return ($"policy \"{name}\" does not load: {e.Message.Split('\n')[0].Trim()}", null);
        }

        foreach (var secret in submission.Secrets)
        {
            if (policy.Secrets.Find(secret) is null)
            {
                return ($"unknown secret \"{secret}\": policy \"{name}\" declares {(policy.Secrets.Entries.Count == 0 ? "no secrets" : string.Join(", ", policy.Secrets.Entries.Select(e => e.Name)))}", null);
            }
        }

        foreach (Match m in SecretReference.Pattern().Matches(submission.Task))
        {
            var used = m.Groups["name"].Value;
            if (!submission.Secrets.Contains(used, StringComparer.Ordinal))
            {
                return ($"the task uses secret \"{used}\" but does not list it in secrets; add it (it must be declared by policy \"{name}\")", null);
            }
        }

        return (null, path);
    }

    private IEnumerable<string> Known() => Directory.Exists(policiesDirectory)
        ? Directory.EnumerateFiles(policiesDirectory, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!
        : ["(none: the policies folder is missing)"];

    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex PolicyName();
}
