using ActionAgent.Approvals.Audit;
using ActionAgent.Approvals.Policies;
using ActionAgent.Approvals.Reviewers;
using ActionAgent.Approvals.Secrets;
using ActionAgent.Approvals.Store;
using ActionAgent.Cli.Output;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Policy;
using ActionAgent.Hosting;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Cli.Hosting;

/// <summary>
/// Turns the governance flags every run-like command shares (--policy, --approver, --approvals-db, --audit, --yes) into
/// the one <see cref="AgentPipeline"/>: run, demo, test and replay all come through here, so they judge, approve, guard
/// and audit the same way.
/// </summary>
public sealed class PipelineFactory(CliSettings settings, ILoggerFactory loggerFactory)
{
    /// <summary>The refusal when nobody can answer.</summary>
    public const string NoReviewerMessage = "no reviewer available: standard input is not a terminal. Re-run with --yes to approve held actions, --approver web to queue them for the dashboard, or run it on a terminal to answer y/n";

    private IApprovalDatabase? _store;

    /// <summary>
    /// Loads the policy and opens what the approver needs. A policy that does not load throws
    /// <see cref="PolicyLoadException"/> (bad input) before any browser starts.
    /// </summary>
    public async Task<AgentPipeline> CreateAsync(CancellationToken cancellationToken = default)
    {
        var policy = LoadPolicy(settings);
        if (!settings.Yes && ApproverKind(settings) == "web")
        {
            _store = await OpenStoreAsync(policy, cancellationToken).ConfigureAwait(false);
        }

        return AgentPipeline.Create(new AgentPipelineOptions
        {
            Policy = policy,
            AuditPath = AuditPath(settings),
            Approver = CreateApprover(policy, _store),
            GivenSecrets = SecretResolver.GivenFromEnvironment(),
        }, loggerFactory);
    }

    /// <summary>The approval store of <c>--approver web</c>, once <see cref="CreateAsync"/> opened it.</summary>
    public IApprovalDatabase? Store => _store;

    /// <summary>
    /// The policy for a run: <see cref="CliSettings.Policy"/>, else <see cref="CliSettings.PolicyPath"/>, else
    /// policies/default.yaml in the repository when it exists, else the built-in default. Throws
    /// <see cref="PolicyLoadException"/> with file:line:col messages for a broken file.
    /// </summary>
    public static PolicyDocument LoadPolicy(CliSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Policy is { } given)
        {
            return given;
        }

        if (settings.PolicyPath is { } path)
        {
            return File.Exists(path)
                ? PolicyLoader.Load(path)
                : throw new PolicyLoadException($"policy file {path} not found: give an existing file with --policy (see policies/)");
        }

        var fallback = Path.Combine(RepoPaths.Root, "policies", "default.yaml");
        return File.Exists(fallback) ? PolicyLoader.Load(fallback) : PolicyDocument.Default;
    }

    /// <summary>
    /// The --approver value as the pipeline takes it: console, web or none (case and spaces ignored), or null when not
    /// given. Throws <see cref="ArgumentException"/> (bad input) for anything else.
    /// </summary>
    public static string? ParseApprover(string? value)
    {
        var approver = value?.Trim().ToLowerInvariant();
        return approver is null or "console" or "web" or "none"
            ? approver
            : throw new ArgumentException($"--approver must be console, web or none, got \"{approver}\"");
    }

    /// <summary>
    /// Where the audit log goes: --audit (a file, or a postgres:// URL kept as given), else ACTIONAGENT_AUDIT, else
    /// .actionagent/audit.jsonl in the repository.
    /// </summary>
    public static string AuditPath(CliSettings settings) =>
        AuditLogLocation.Normalize(settings.AuditPath ?? FromEnvironment(AuditLogLocation.EnvironmentVariable) ?? Path.Combine(RepoPaths.Root, ".actionagent", "audit.jsonl"));

    /// <summary>
    /// Where the approval queue lives: --approvals-db (a file, or a postgres:// URL kept as given), else
    /// ACTIONAGENT_APPROVALS_DB, else .actionagent/approvals.db in the repository.
    /// </summary>
    public static string ApprovalsDbPath(CliSettings settings)
    {
        var given = settings.ApprovalsDb ?? FromEnvironment(ApprovalStoreLocation.EnvironmentVariable);
        return given is not null && ApprovalStoreLocation.IsPostgresUrl(given)
            ? given
            : Path.GetFullPath(given ?? Path.Combine(RepoPaths.Root, ".actionagent", "approvals.db"));
    }

    private static string? FromEnvironment(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    private static string ApproverKind(CliSettings settings) =>
        settings.Approver ?? (ConsoleApprover.IsInteractive ? "console" : "none");

    private Task<IApprovalDatabase> OpenStoreAsync(PolicyDocument policy, CancellationToken cancellationToken) =>
        ApprovalStores.OpenAsync(ApprovalsDbPath(settings), policy.Approval.OrphanAfter, TimeProvider.System, loggerFactory, cancellationToken);

    private IApprover CreateApprover(PolicyDocument policy, IApprovalDatabase? store)
    {
        if (settings.Yes)
        {
            return AutoApprover.ApproveAll;
        }

        switch (ApproverKind(settings))
        {
            case "console":
                return new ConsoleApprover(Console.In, Console.Out, Environment.UserName);
            case "web":
                var storeOptions = StoreApproverOptions.From(policy.Approval);
                storeOptions.RequestedBy = FromEnvironment(StoreApproverOptions.RequestedByVariable);
                var approver = new StoreApprover(store!, storeOptions, TimeProvider.System, loggerFactory.CreateLogger<StoreApprover>());
                if (settings.Output != OutputMode.Json)
                {
                    approver.Pending += a => Console.Out.WriteLine(
                        $"waiting for approval {a.Id}: {Core.Perception.InertText.Line(a.ActionSummary)} — decide with 'actionagent approvals approve {a.Id} --reviewer NAME' or in 'actionagent approvals serve'");
                }

                return approver;
            default:
                return new AutoApprover(false, NoReviewerMessage);
        }
    }
}
