namespace ActionAgent.Approvals.Audit;

/// <summary>One problem found by verification: the 1-based line (null for the log as a whole, e.g. a missing head) and what is wrong.</summary>
public sealed record AuditFinding(int? Line, string Problem);
