using System.Globalization;
using ActionAgent.Approvals.Store;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Policy;
using ActionAgent.TestKit;
using Npgsql;

namespace ActionAgent.Approvals.Tests.Store;

/// <summary>
/// The approval-store contract on PostgreSQL: one throw-away cluster for the class, one fresh database per test.
/// Inconclusive (never passed) when PostgreSQL is not installed.
/// </summary>
[TestClass]
public sealed class PostgresApprovalStoreTests : ApprovalStoreContractTests
{
    private static PostgresServer? s_server;
    private static string? s_reason;
    private string _url = "";

    [ClassInitialize(InheritanceBehavior.None)]
    public static async Task StartServer(TestContext context) => (s_server, s_reason) = await PostgresServer.StartAsync();

    [ClassCleanup(InheritanceBehavior.None)]
    public static async Task StopServer()
    {
        if (s_server is not null)
        {
            await s_server.DisposeAsync();
        }
    }

    [TestInitialize]
    public async Task CreateDatabase()
    {
        if (s_server is null)
        {
            Assert.Inconclusive(s_reason ?? "PostgreSQL did not start");
        }

        var name = "approvals_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(ApprovalStoreLocation.Parse(s_server.StoreUrl).PostgresConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        _url = string.Create(CultureInfo.InvariantCulture, $"postgres://postgres@127.0.0.1:{s_server.Port}/{name}");
    }

    /// <inheritdoc />
    protected override async Task<IApprovalStore> Open(TimeSpan? orphanAfter = null) =>
        await PostgresApprovalStore.OpenAsync(new PostgresApprovalStoreOptions
        {
            // A pool per store, as two processes would have: concurrent calls really come from different connections.
            ConnectionString = ApprovalStoreLocation.Parse(_url).PostgresConnectionString! + ";Application Name=" + Guid.NewGuid().ToString("N"),
            OrphanAfter = orphanAfter ?? TimeSpan.FromSeconds(30),
        }, Clock);

    [TestMethod]
    public async Task Open_TablesWrittenByANewerActionAgent_IsRefusedInOneLineAndLeftAlone()
    {
        await Open();
        await using (var db = new NpgsqlConnection(ApprovalStoreLocation.Parse(_url).PostgresConnectionString))
        {
            await db.OpenAsync();
            await using var bump = new NpgsqlCommand("UPDATE aa_schema SET version = 99 WHERE name = 'approvals'", db);
            await bump.ExecuteNonQueryAsync();
        }

        var e = await Assert.ThrowsExactlyAsync<InvalidDataException>(() => Open());

        StringAssert.Contains(e.Message, "schema version 99, newer than this ActionAgent understands (2)");
        StringAssert.Contains(e.Message, "/" + _url.Split('/')[^1]);
        Assert.IsFalse(e.Message.Contains('\n', StringComparison.Ordinal));
    }

    [TestMethod]
    public async Task Open_Version1Tables_GainTheRequesterColumnsAndKeepTheirRows()
    {
        var old = await (await Open()).EnqueueAsync(Fakes.Build.Request(), Clock.GetUtcNow().AddMinutes(10), ApprovalTimeoutBehavior.Expire);
        await using (var db = new NpgsqlConnection(ApprovalStoreLocation.Parse(_url).PostgresConnectionString))
        {
            await db.OpenAsync();
            await using var downgrade = new NpgsqlCommand(
                "ALTER TABLE aa_approvals DROP COLUMN requested_by, DROP COLUMN requester_may_approve; UPDATE aa_schema SET version = 1 WHERE name = 'approvals'", db);
            await downgrade.ExecuteNonQueryAsync();
        }

        var store = await Open();
        var fresh = await store.EnqueueAsync(Fakes.Build.Request(runId: "t9-a1") with { RequestedBy = "olga" }, Clock.GetUtcNow().AddMinutes(10), ApprovalTimeoutBehavior.Expire);

        Assert.AreEqual(ApprovalStatus.Pending, (await store.FindAsync(old.IdempotencyKey))!.Status, "the old row is kept");
        Assert.IsNull((await store.FindAsync(old.IdempotencyKey))!.RequestedBy);
        Assert.AreEqual("forbidden", (await store.DecideAsync(fresh.IdempotencyKey, new ReviewerDecision(true, "olga"))).ErrorCode);
    }

    [TestMethod]
    public async Task Open_NoServerListening_ThrowsNpgsqlException()
    {
        var closed = ApprovalStoreLocation.Parse("postgres://postgres@127.0.0.1:1/postgres");

        await Assert.ThrowsAsync<NpgsqlException>(() => PostgresApprovalStore.OpenAsync(new PostgresApprovalStoreOptions { ConnectionString = closed.PostgresConnectionString! }));
    }
}
