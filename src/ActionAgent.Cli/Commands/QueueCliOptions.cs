using System.CommandLine;
using System.Globalization;
using ActionAgent.Approvals.Audit;
using ActionAgent.Approvals.Store;
using ActionAgent.Cli.Hosting;
using ActionAgent.Serve.Queue;
using ActionAgent.Serve.Store;

namespace ActionAgent.Cli.Commands;

/// <summary>The options <c>serve</c> and <c>worker</c> share: the store, where runs keep approvals, audit and recordings, and the dead-worker rule.</summary>
public sealed class QueueCliOptions
{
    /// <summary>--store.</summary>
    public Option<string?> Store { get; } = new("--store") { Description = "Task store and job queue: sqlite:PATH (default sqlite:.actionagent/serve.db) or postgres://user:password@host:port/database" };

    /// <summary>--approvals-db.</summary>
    public Option<string?> ApprovalsDb { get; } = new("--approvals-db") { Description = "Approval queue of the runs: a file, or postgres://user:password@host:port/database (default: the --store database when it is PostgreSQL, else .actionagent/approvals.db in the repository)" };

    /// <summary>--audit.</summary>
    public Option<string?> Audit { get; } = new("--audit") { Description = "Audit log of the runs and decisions: a file, or postgres://user:password@host:port/database (default: the --store database when it is PostgreSQL, else .actionagent/audit.jsonl in the repository)" };

    /// <summary>--recordings.</summary>
    public Option<string?> Recordings { get; } = new("--recordings") { Description = "Recordings folder of the runs (default: recordings/ in the repository)" };

    /// <summary>--connect.</summary>
    public Option<string?> Connect { get; } = new("--connect") { Description = "Run every task in a remote Playwright browser server (ws://HOST:PORT/…) instead of a local Chromium" };

    /// <summary>--dead-after.</summary>
    public Option<double> DeadAfter { get; } = new("--dead-after") { Description = "Seconds without a heartbeat after which a running task's worker counts as dead (default 30)", DefaultValueFactory = _ => 30 };

    /// <summary>--max-attempts.</summary>
    public Option<int> MaxAttempts { get; } = new("--max-attempts") { Description = "Most attempts of a task whose worker died (default 2; a run that reached an approval is never retried)", DefaultValueFactory = _ => 2 };

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Store, ApprovalsDb, Audit, Recordings, Connect, DeadAfter, MaxAttempts })
        {
            command.Add(option);
        }
    }

    /// <summary>The store location; throws <see cref="FormatException"/> for a malformed value.</summary>
    public StoreLocation ReadStore(ParseResult result) =>
        StoreLocation.Parse(result.GetValue(Store) ?? "sqlite:" + Path.Combine(".actionagent", "serve.db"), RepoPaths.Root);

    /// <summary>The dead-worker rule; throws <see cref="ArgumentException"/> for bad values.</summary>
    public WorkerOptions ReadWorker(ParseResult result, int concurrency)
    {
        var dead = result.GetValue(DeadAfter);
        if (dead < 3)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--dead-after must be at least 3 seconds, got {dead}"));
        }

        var attempts = result.GetValue(MaxAttempts);
        if (attempts < 1)
        {
            throw new ArgumentException($"--max-attempts must be at least 1, got {attempts}");
        }

        return new WorkerOptions
        {
            Concurrency = concurrency,
            DeadAfter = TimeSpan.FromSeconds(dead),
            HeartbeatInterval = TimeSpan.FromSeconds(Math.Min(2, dead / 4)),
            InvisibilityTimeout = TimeSpan.FromSeconds(dead * 2),
            MaxAttempts = attempts,
        };
    }

    /// <summary>
    /// Where runs keep approvals: --approvals-db (a path, or a postgres:// URL kept as given); without it, the PostgreSQL
    /// database of a postgres --store, so every machine sharing the tasks shares the approvals; else .actionagent/approvals.db.
    /// </summary>
    public string ReadApprovalsDb(ParseResult result)
    {
        var given = result.GetValue(ApprovalsDb) ?? (result.GetValue(Store) is { } store && ApprovalStoreLocation.IsPostgresUrl(store) ? store : null);
        if (given is not null && ApprovalStoreLocation.IsPostgresUrl(given))
        {
            // A malformed URL is bad input here, once, rather than a failure in every run the queue starts.
            _ = ApprovalStoreLocation.Parse(given);
            return given;
        }

        return Path.GetFullPath(given ?? Path.Combine(RepoPaths.Root, ".actionagent", "approvals.db"));
    }

    /// <summary>
    /// Where runs and decisions are audited: --audit (a path, or a postgres:// URL kept as given); without it, the PostgreSQL
    /// database of a postgres --store (table aa_audit: one chain for every machine); else .actionagent/audit.jsonl.
    /// </summary>
    public string ReadAudit(ParseResult result)
    {
        var given = result.GetValue(Audit) ?? (result.GetValue(Store) is { } store && PostgresUrl.Looks(store) ? store : null);
        if (given is not null && PostgresUrl.Looks(given))
        {
            _ = AuditLogLocation.Parse(given);
            return given;
        }

        return Path.GetFullPath(given ?? Path.Combine(RepoPaths.Root, ".actionagent", "audit.jsonl"));
    }

    /// <summary>How runs are started: this very program, with <c>run</c>.</summary>
    public RunnerOptions ReadRunner(ParseResult result)
    {
        var self = Environment.ProcessPath ?? "dotnet";
        var viaDotnet = Path.GetFileNameWithoutExtension(self) == "dotnet";
        return new RunnerOptions
        {
            FileName = self,
            PrefixArguments = viaDotnet ? [typeof(QueueCliOptions).Assembly.Location] : [],
            ApprovalsDb = ReadApprovalsDb(result),
            AuditPath = ReadAudit(result),
            RecordingsDirectory = Path.GetFullPath(result.GetValue(Recordings) ?? Path.Combine(RepoPaths.Root, "recordings")),
            ConnectUrl = result.GetValue(Connect),
            WorkingDirectory = Directory.GetCurrentDirectory(),
        };
    }
}
