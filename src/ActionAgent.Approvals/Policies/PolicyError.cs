namespace ActionAgent.Approvals.Policies;

/// <summary>One problem in a policy file: where (file, 1-based line and column), which key, and what is wrong.</summary>
public sealed record PolicyError(string File, int Line, int Column, string Key, string Message)
{
    /// <summary><c>policies/x.yaml:12:5: unknown action class "submitt" (expected one of: …)</c></summary>
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
