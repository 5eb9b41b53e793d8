namespace ActionAgent.Core.Policy;

/// <summary>The secrets a policy knows and the optional file that holds some of their values.</summary>
public sealed record SecretSettings
{
    /// <summary>Absolute path of a <c>NAME=value</c> secrets file, when the policy names one. Default: none.</summary>
    public string? File { get; init; }

    /// <summary>Known secrets, by name. Default: none (every <c>{{secret:…}}</c> reference is refused).</summary>
    public IReadOnlyList<SecretDefinition> Entries { get; init; } = [];

    /// <summary>Finds a secret by name (case-sensitive), or null.</summary>
    public SecretDefinition? Find(string name) => Entries.FirstOrDefault(e => e.Name == name);
}
