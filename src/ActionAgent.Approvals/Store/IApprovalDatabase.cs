using ActionAgent.Core.Approval;

namespace ActionAgent.Approvals.Store;

/// <summary>
/// An approval store this process opened on a database (a SQLite file or PostgreSQL): besides the queue, it names itself
/// and knows which run ids were already used.
/// </summary>
public interface IApprovalDatabase : IApprovalStore
{
    /// <summary>The database as shown in messages: the file path, or <c>postgres://host:port/database</c> (no password).</summary>
    string Display { get; }

    /// <summary>How many approvals runs with this id stored (the network guard's "RUN/net" included); 0 means the id is unused.</summary>
    Task<int> CountRunApprovalsAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Null when no approval was ever stored for <paramref name="runId"/>; otherwise the one line that refuses reusing it
    /// ("run id X is already used by an earlier run (2 approvals); choose another --run-id or omit it").
    /// </summary>
    Task<string?> CheckRunIdUnusedAsync(string runId, CancellationToken cancellationToken = default);
}
