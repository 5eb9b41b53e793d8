using System.Text.RegularExpressions;
using ActionAgent.Core.Policy;

namespace ActionAgent.Cli.Hosting;

/// <summary>
/// Checks a start URL before any browser starts: it must be absolute (a bare <c>127.0.0.1:5000/login</c> gets the
/// <c>http://</c> form suggested), and its host or scheme must not be refused by the policy's domain rules.
/// </summary>
public static partial class UrlCheck
{
    [GeneratedRegex(@"^(localhost|\[[0-9a-fA-F:.]+\]|[0-9]{1,3}(\.[0-9]{1,3}){3}|[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+)(:[0-9]+)?([/?#].*)?$")]
    private static partial Regex HostWithoutScheme();

    /// <summary>Null when <paramref name="url"/> is a usable absolute URL; otherwise what is wrong and what to write.</summary>
    public static string? Problem(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var trimmed = url.Trim();
        if (trimmed.Length == 0)
        {
            return "the URL is empty; write a full address such as http://127.0.0.1:5000/login";
        }

        // "localhost:5000/x" parses as scheme "localhost": catch host[:port] forms before Uri does.
        if (HostWithoutScheme().IsMatch(trimmed) && !trimmed.StartsWith("about:", StringComparison.OrdinalIgnoreCase))
        {
            return $"\"{trimmed}\" has no scheme; write http://{trimmed}";
        }

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri))
        {
            return $"\"{trimmed}\" is not an absolute URL; write a full address such as http://127.0.0.1:5000/login";
        }

        if (uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.Host))
        {
            return $"\"{trimmed}\" has no host; write a full address such as http://127.0.0.1:5000/login";
        }

        return null;
    }

    /// <summary>Null when the policy lets a run start at <paramref name="url"/>; otherwise which rule refuses it, naming the policy file.</summary>
    public static string? PolicyProblem(string url, PolicyDocument policy)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(policy);
        var source = string.IsNullOrEmpty(policy.Source) ? $"the {policy.Name} policy" : $"policy {policy.Source}";
        if (DomainRules.SchemeOf(url.Trim()) is { } scheme)
        {
            return policy.Domains.AllowsScheme(scheme)
                ? null
                : $"{source} does not allow {scheme}: URLs (domains.allowed has no scheme:{scheme}); start from an http(s) address, or add scheme:{scheme} to domains.allowed there";
        }

        if (DomainPattern.HostOf(url.Trim()) is not { } host)
        {
            return null;
        }

        return policy.Domains.Classify(host) switch
        {
            DomainStatus.Denied => $"{source} denies host {host} (domains.denied); pick another start URL, or another policy with --policy",
            DomainStatus.Unlisted when policy.Domains.Unlisted == VerdictKind.Deny =>
                $"{source} does not allow host {host} (domains.allowed: {string.Join(", ", policy.Domains.Allowed)}; unlisted: deny); add {host} to domains.allowed there, or pass another policy with --policy",
            _ => null,
        };
    }
}
