namespace ActionAgent.Approvals.Audit;

/// <summary>A head the log must still contain, and who recorded it (a run id, or "--expect-head"), for the finding's text.</summary>
public sealed record ExpectedAuditHead(AuditHead Head, string Source);
