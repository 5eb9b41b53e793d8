using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ActionAgent.Approvals.Store;

/// <summary>
/// The one place that opens an approval store from an <c>--approvals-db</c> value: a file path opens
/// <see cref="SqliteApprovalStore"/>, a <c>postgres://</c> URL opens <see cref="PostgresApprovalStore"/>.
/// </summary>
public static class ApprovalStores
{
    /// <summary>
    /// Opens the store at <paramref name="location"/> (creating tables, and the file's folder, when missing). Throws
    /// <see cref="FormatException"/> for a malformed URL, <see cref="InvalidDataException"/> for a database written by a
    /// newer ActionAgent, and <see cref="ApprovalStoreUnavailableException"/> when the server cannot be reached.
    /// </summary>
    public static async Task<IApprovalDatabase> OpenAsync(string location, TimeSpan? orphanAfter = null, TimeProvider? time = null, ILoggerFactory? loggers = null, CancellationToken cancellationToken = default)
    {
        var where = ApprovalStoreLocation.Parse(location);
        var orphan = orphanAfter ?? TimeSpan.FromSeconds(30);
        if (where.SqlitePath is { } path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return await SqliteApprovalStore.OpenAsync(new SqliteApprovalStoreOptions { Path = path, OrphanAfter = orphan },
                time, loggers?.CreateLogger<SqliteApprovalStore>(), cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await PostgresApprovalStore.OpenAsync(
                new PostgresApprovalStoreOptions { ConnectionString = where.PostgresConnectionString!, Display = where.Display, OrphanAfter = orphan },
                time, loggers?.CreateLogger<PostgresApprovalStore>(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            throw new ApprovalStoreUnavailableException($"approval store {where.Display} cannot be reached: {FirstLine(e.Message)}", e);
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
