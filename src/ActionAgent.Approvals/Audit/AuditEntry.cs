using System.Text.Json.Nodes;

namespace ActionAgent.Approvals.Audit;

/// <summary>One line of the audit log: sequence number, time, kind, data, and the hash chain (prevHash, hash).</summary>
public sealed record AuditEntry(long Seq, DateTimeOffset At, string Kind, JsonObject Data, string PrevHash, string Hash);
