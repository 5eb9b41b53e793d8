namespace ActionAgent.Approvals.Audit;

/// <summary>SHIM</summary>
public static class AuditLimits
{
    /// <summary>SHIM</summary>
    public static void CheckReviewerText(string field, string? text) { }
}
