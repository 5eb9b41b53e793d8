using ActionAgent.Approvals.Audit;
using ActionAgent.Approvals.Secrets;
using ActionAgent.Browser;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Policy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionAgent.Hosting;

/// <summary>
/// The one governed composition every entry point uses (run, demo, test, replay, in-process callers): the policy
/// (audited), the approver (audited, and arming the network guard), the network guard, declared secrets only on
/// their domains, and the executor guarded by all of them. Create it with <see cref="Create"/>, then
/// <see cref="GovernAsync"/> each browser session; the returned <see cref="GovernedSession"/> builds the agent loops.
/// There is no other way to get a loop with a browser behind it, so no caller can forget a part.
/// </summary>
public sealed class AgentPipeline
{
    private readonly ILoggerFactory _loggers;

    private AgentPipeline(AgentPipelineOptions options, ILoggerFactory loggers)
    {
        Options = options;
        _loggers = loggers;
        Audit = AuditLog.Open(options.AuditPath);
        Approver = new AuditingApprover(options.Approver, Audit);
        Secrets = new SecretResolver(options.Policy.Secrets, options.SecretEnvironment, options.GivenSecrets);
    }

    /// <summary>The options it was built with.</summary>
    public AgentPipelineOptions Options { get; }

    /// <summary>The policy in force.</summary>
    public PolicyDocument Policy => Options.Policy;

    /// <summary>The audit log every verdict, approval and held request goes to.</summary>
    public AuditLog Audit { get; }

    /// <summary>The approver, audited (the network guard wraps it again per session).</summary>
    public IApprover Approver { get; }

    /// <summary>Resolves <c>{{secret:NAME}}</c> for declared names on their domains only.</summary>
    public SecretResolver Secrets { get; }

    /// <summary>Builds the pipeline. A policy that does not load is the caller's bad input, before any browser starts.</summary>
    public static AgentPipeline Create(AgentPipelineOptions options, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.AuditPath);
        return new AgentPipeline(options, loggers ?? NullLoggerFactory.Instance);
    }

    /// <summary>
    /// Puts a browser session under governance for one run (or one flow): attaches the network guard to its context
    /// and returns the session that builds loops. Disposing the governed session detaches the guard; the browser
    /// session stays the caller's.
    /// </summary>
    public async Task<GovernedSession> GovernAsync(BrowserSession session, string runId, string task, TimeSpan? settle = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        return await GovernedSession.OpenAsync(this, session, runId, task, settle, _loggers, cancellationToken).ConfigureAwait(false);
    }
}
