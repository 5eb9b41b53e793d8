using ActionAgent.Approvals.Audit;

namespace ActionAgent.Approvals.Dashboard;

/// <summary>Where the dashboard listens, who may review, and where decisions are audited.</summary>
public sealed class ApprovalDashboardOptions
{
    /// <summary>Address to listen on. Default: 127.0.0.1 (loopback only; put a TLS proxy in front for anything else).</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Port; 0 picks a free one (see <see cref="ApprovalDashboard.Url"/>). Default: 5280.</summary>
    public int Port { get; set; } = 5280;

    /// <summary>Reviewer tokens. Required.</summary>
    public ReviewerTokens? Tokens { get; set; }

    /// <summary>Audit log for decisions; none by default.</summary>
    public AuditLog? Audit { get; set; }

    /// <summary>How often the pending list refreshes in the browser. Default: 2 s.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a login session lasts. Default: 12 h.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);
}
