namespace ActionAgent.Cli.Tests.Policy;

/// <summary>
/// The policy the secret tests run under, written into a test folder with its <c>secrets.env</c>: 127.0.0.1 only,
/// "Sign in" free, <c>OPS_PASSWORD</c> from the file scoped to 127.0.0.1, optionally the network guard (sign-in exempt).
/// </summary>
internal static class SecretPolicyFile
{
    /// <summary>Writes <c>secrets.env</c> (OPS_PASSWORD=<paramref name="secret"/>) and <c>secret-policy.yaml</c>; returns the policy's path.</summary>
    public static async Task<string> WriteAsync(string dir, string name, string secret, bool guardNetwork)
    {
        await File.WriteAllTextAsync(Path.Combine(dir, "secrets.env"), $"OPS_PASSWORD={secret}\n");
        var policy = Path.Combine(dir, "secret-policy.yaml");
        var network = guardNetwork ? "network: { mode: guard, exempt: [\"POST */login*\"] }\n" : "";
        await File.WriteAllTextAsync(policy, $$"""
            version: 1
            name: {{name}}
            domains: { allowed: [127.0.0.1], unlisted: deny }
            patterns:
              - name: sign-in
                match: '(?m)^Sign in$'
                on: target
                verdict: allow
                applies_to: [submit]
            secrets:
              file: secrets.env
              names:
                OPS_PASSWORD: { source: file, domains: [127.0.0.1] }

            """ + network);
        return policy;
    }
}
