using System.Globalization;
using System.Text;
using ActionAgent.Core.Policy;

namespace ActionAgent.Approvals.Policies;

/// <summary>
/// <c>actionagent policy check FILE</c>: validates a policy file and prints a summary (name, hash, domains, the verdict per
/// action class, patterns, limits, secrets by name, approval and network settings) or its errors.
/// Exit codes: 0 valid, 1 invalid, 2 file not found.
/// </summary>
public static class PolicyCheck
{
    /// <summary>Checks a file without printing anything.</summary>
    public static PolicyCheckResult Check(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            return new PolicyCheckResult(path, PolicyLoader.Load(path), []);
        }
        catch (PolicyLoadException e)
        {
            return new PolicyCheckResult(path, null, e.Errors);
        }
    }

    /// <summary>The command handler: checks <paramref name="path"/>, writes the summary to stdout or the errors to stderr, returns the exit code.</summary>
    public static int Run(string path, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (!File.Exists(path))
        {
            stderr.WriteLine($"{path}: file not found (policies/default.yaml is a documented example)");
            return 2;
        }

        var result = Check(path);
        if (!result.IsValid)
        {
            foreach (var error in result.Errors)
            {
                stderr.WriteLine(error.ToString());
            }

            stderr.WriteLine($"{path}: {result.Errors.Count} problem{(result.Errors.Count == 1 ? "" : "s")}; the policy was not loaded.");
            return 1;
        }

        stdout.Write(Describe(result.Document!));
        return 0;
    }

    /// <summary>A readable summary of a policy.</summary>
    public static string Describe(PolicyDocument policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"policy {policy.Name}: OK");
        if (policy.Description.Length > 0)
        {
            sb.AppendLine(inv, $"  {policy.Description}");
        }

        sb.AppendLine(inv, $"  hash     {policy.Hash}");
        sb.AppendLine(inv, $"  domains  allowed: {List(policy.Domains.Allowed, "any not denied")}; denied: {List(policy.Domains.Denied, "none")}; unlisted: {Word(policy.Domains.Unlisted)}");
        sb.AppendLine("  actions");
        foreach (var risk in Enum.GetValues<RiskClass>())
        {
            sb.AppendLine(inv, $"    {PolicyEngine.ClassKey(risk),-17}{Word(policy.VerdictFor(risk))}");
        }

        sb.AppendLine(inv, $"  patterns {(policy.Patterns.Count == 0 ? "none" : "")}");
        foreach (var p in policy.Patterns)
        {
            sb.AppendLine(inv, $"    {p.Name}: /{p.Pattern}/ on {p.On.ToString().ToLowerInvariant()} -> {Word(p.Verdict)}{(p.Risk is { } r ? $" (as {PolicyEngine.ClassKey(r)})" : "")}");
        }

        var l = policy.Limits;
        sb.AppendLine(inv, $"  limits   max_steps: {l.MaxSteps?.ToString(inv) ?? "-"}; max_time: {l.MaxTime?.ToString() ?? "-"}; budget: {l.Budget?.ToString("0.00", inv) ?? "-"}");
        sb.AppendLine(inv, $"  uploads  {List(policy.UploadFolders, "denied (no folders)")}");
        sb.AppendLine(inv, $"  secrets  {(policy.Secrets.Entries.Count == 0 ? "none" : string.Join(", ", policy.Secrets.Entries.Select(s => $"{s.Name} ({s.Source.ToString().ToLowerInvariant()}; {string.Join(" ", s.Domains)})")))}{(policy.Secrets.File is { } f ? $"; file {f}" : "")}");
        sb.AppendLine(inv, $"  approval timeout {policy.Approval.Timeout}, on timeout {policy.Approval.OnTimeout.ToString().ToLowerInvariant()}, orphaned after {policy.Approval.OrphanAfter}");
        sb.AppendLine(inv, $"  network  {policy.Network.Mode.ToString().ToLowerInvariant()}; exempt: {List(policy.Network.Exempt, "none")}");
        return sb.ToString();
    }

    private static string List(IReadOnlyList<string> items, string empty) => items.Count == 0 ? empty : string.Join(", ", items);

    private static string Word(VerdictKind kind) => kind switch
    {
        VerdictKind.Allow => "allow",
        VerdictKind.Deny => "deny",
        _ => "require_approval",
    };
}
