using ActionAgent.Approvals.Store;
using ActionAgent.Approvals.Tests.Fakes;
using ActionAgent.Core.Approval;

namespace ActionAgent.Approvals.Tests.Store;

/// <summary>The approval-store contract on one SQLite file per test.</summary>
[TestClass]
public sealed class SqliteApprovalStoreTests : ApprovalStoreContractTests
{
    private TempDir _dir = null!;

    [TestInitialize]
    public void Init() => _dir = new TempDir();

    [TestCleanup]
    public void Cleanup() => _dir.Dispose();

    /// <inheritdoc />
    protected override async Task<IApprovalStore> Open(TimeSpan? orphanAfter = null) =>
        await SqliteApprovalStore.OpenAsync(new SqliteApprovalStoreOptions { Path = _dir.File("approvals.db"), OrphanAfter = orphanAfter ?? TimeSpan.FromSeconds(30) }, Clock);
}
