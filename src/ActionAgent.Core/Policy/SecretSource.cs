namespace ActionAgent.Core.Policy;

/// <summary>Where a secret's value comes from.</summary>
public enum SecretSource
{
    /// <summary>The environment variable ACTIONAGENT_SECRET_&lt;NAME&gt; (default).</summary>
    Env,

    /// <summary>The secrets file named by the policy (<c>NAME=value</c> lines).</summary>
    File,
}
