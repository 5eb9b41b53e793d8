namespace ActionAgent.Serve.Web;

/// <summary>Who sent a request: the token's name and role.</summary>
public sealed record ServeUser(string Name, ServeRole Role)
{
    /// <summary>May submit tasks.</summary>
    public bool CanSubmit => Role is ServeRole.Operator or ServeRole.Admin;

    /// <summary>May decide approvals.</summary>
    public bool CanReview => Role is ServeRole.Reviewer or ServeRole.Admin;
}
