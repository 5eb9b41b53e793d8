using ActionAgent.Approvals.Policies;
using ActionAgent.Core.Policy;

namespace ActionAgent.Cli.Hosting;

/// <summary>
/// The policy <c>actionagent demo</c> uses when no --policy is given: ops-forms rules for the sample app on 127.0.0.1,
/// except that signing in (button and its POST) and opening the refund form need no reviewer, so the one held action is "Submit refund".
/// </summary>
public static class DemoPolicy
{
    /// <summary>The policy text (YAML).</summary>
    public const string Yaml = """
        version: 1
        name: demo
        description: The sample-app demo - sign-in free, submits (the refund) reviewed, only 127.0.0.1.
        domains:
          allowed: [127.0.0.1, localhost]
          unlisted: deny
        actions:
          read: allow
          input: allow
          navigation: allow
          submit: require_approval
          destructive: require_approval
          credential_entry: allow
          egress: require_approval
        patterns:
          - name: sign-in-and-open-forms
            match: '(?m)^(Sign in|File a refund)$'
            on: target
            verdict: allow
            applies_to: [submit]
            reason: signing in and opening the refund form (a GET) change nothing
          - name: refunds
            match: '\bSubmit refund\b'
            on: target
            verdict: require_approval
            applies_to: [submit]
            reason: refunds move money and need a reviewer
        limits: { max_steps: 40, max_time: 15m }
        approval: { timeout: 10m, on_timeout: expire, orphan_after: 30s }
        network:
          mode: guard
          exempt: ["POST */login*"]
        secrets:
          names:
            # For the goal task's skill (demo --goal), which types {{secret:OPS_PASSWORD}}; only on loopback.
            OPS_PASSWORD: { source: env, domains: [127.0.0.1, localhost] }
        """;

    /// <summary>Parses <see cref="Yaml"/>.</summary>
    public static PolicyDocument Load() => PolicyLoader.Parse(Yaml, "demo-policy.yaml");
}
