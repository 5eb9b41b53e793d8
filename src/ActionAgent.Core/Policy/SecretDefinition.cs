namespace ActionAgent.Core.Policy;

/// <summary>A named secret a task may reference as <c>{{secret:NAME}}</c>, where its value comes from and where it may be typed.</summary>
public sealed record SecretDefinition(string Name)
{
    /// <summary>Where the value comes from. Default: environment.</summary>
    public SecretSource Source { get; init; } = SecretSource.Env;

    /// <summary>Host patterns of pages the secret may be typed into; empty means nowhere.</summary>
    public IReadOnlyList<string> Domains { get; init; } = [];

    /// <summary>The environment variable that holds the value: ACTIONAGENT_SECRET_ followed by the name.</summary>
    public string EnvironmentVariable => "ACTIONAGENT_SECRET_" + Name;

    /// <summary>True when the secret may be used on a page of this host.</summary>
    public bool AllowedOn(string? host) => host is not null && Domains.Any(d => DomainPattern.Matches(host, d));
}
