using ActionAgent.Approvals.Audit;
using ActionAgent.Approvals.Secrets;
using ActionAgent.Browser;
using ActionAgent.Browser.Network;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Hosting;

/// <summary>
/// One browser session under the pipeline's governance: its network guard, its audited policy, its guard-arming
/// approver and its guarded, secret-resolving executor. <see cref="CreateLoop"/> is the only way to an
/// <see cref="AgentLoop"/> over it.
/// </summary>
public sealed class GovernedSession : IAsyncDisposable
{
    private readonly NetworkGuard _guard;
    private readonly ILoggerFactory _loggers;
    private readonly TimeProvider _time;
    private readonly string _policyHash;

    private GovernedSession(BrowserSession browser, NetworkGuard guard, IActionPolicy policy, IApprover approver, IActionExecutor executor, string runId, ILoggerFactory loggers, TimeProvider time, string policyHash)
    {
        Browser = browser;
        _guard = guard;
        Policy = policy;
        Approver = approver;
        Executor = executor;
        RunId = runId;
        _loggers = loggers;
        _time = time;
        _policyHash = policyHash;
    }

    /// <summary>The browser session it governs (owned by the caller).</summary>
    public BrowserSession Browser { get; }

    /// <summary>The run id its audit entries and held requests carry.</summary>
    public string RunId { get; }

    /// <summary>The policy, audited.</summary>
    public IActionPolicy Policy { get; }

    /// <summary>The approver: audited, and arming the network guard for the approved action.</summary>
    public IApprover Approver { get; }

    /// <summary>The executor: secrets resolved for declared names on their domains, inside the network guard.</summary>
    public IActionExecutor Executor { get; }

    /// <summary>What the network guard did so far.</summary>
    public IReadOnlyList<NetworkEvent> NetworkEvents => _guard.Events;

    internal static async Task<GovernedSession> OpenAsync(AgentPipeline pipeline, BrowserSession browser, string runId, string task, TimeSpan? settle, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var policy = pipeline.Policy;
        var engine = new PolicyEngine(policy, pipeline.Options.Time, logger: loggers.CreateLogger<PolicyEngine>());
        var hostLogger = loggers.CreateLogger<AgentPipeline>();
        engine.InjectionDetected += a => hostLogger.LogWarning("Prompt injection on {Url}: {Markers}", a.Url, string.Join(", ", a.Markers));
        var auditingPolicy = new AuditingPolicy(engine, pipeline.Audit) { RunId = runId };

        var guardOptions = NetworkGuardOptions.FromPolicy(policy, runId, task);
        var guard = new NetworkGuard(guardOptions, pipeline.Approver, pipeline.Options.Time, loggers.CreateLogger<NetworkGuard>());
        try
        {
            await guard.AttachAsync(browser.Context, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await guard.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var guardLogger = loggers.CreateLogger<NetworkGuard>();
        guard.Event += e => guardLogger.LogInformation("Network {Kind}: {Method} {Url}", e.Kind, e.Method, e.Url);

        IActionExecutor executor = browser.CreateExecutor(text => ResolveSecret(pipeline.Secrets, text, browser.Page.Url), settle);
        IApprover approver = pipeline.Approver;
        if (guardOptions.Mode != NetworkGuardMode.Off)
        {
            executor = new NetworkGuardExecutor(executor, guard);
            approver = new NetworkGuardApprover(approver, guard);
        }

        return new GovernedSession(browser, guard, auditingPolicy, approver, executor, runId, loggers, pipeline.Options.Time, policy.Hash);
    }

    /// <summary>
    /// An agent loop over this session: the caller chooses how to see the page, who decides and where the run is
    /// recorded; policy, approval and execution are the pipeline's.
    /// </summary>
    public AgentLoop CreateLoop(IPerceiver perceiver, IDecider decider, IRunRecorder recorder, AgentOptions options, IOutcomeVerifier? verifier = null)
    {
        ArgumentNullException.ThrowIfNull(perceiver);
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(options);
        return new AgentLoop(new AgentParts
        {
            Perceiver = perceiver,
            Decider = decider,
            Policy = Policy,
            Approver = Approver,
            Executor = Executor,
            Verifier = verifier ?? new PassThroughVerifier(),
            Recorder = recorder,
            Options = options,
            Time = _time,
            Loggers = _loggers,
            PolicyHash = _policyHash,
        });
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _guard.DisposeAsync();

    private static string ResolveSecret(SecretResolver secrets, string text, string pageUrl)
    {
        try
        {
            return secrets.Resolve(text, pageUrl);
        }
        catch (SecretResolutionException e)
        {
            // The executor turns InvalidOperationException into ActionOutcome.Failed, which goes back to the decider.
            throw new InvalidOperationException(e.Message, e);
        }
    }
}
