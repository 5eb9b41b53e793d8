using ActionAgent.Approvals.Audit;
using ActionAgent.Browser;
using ActionAgent.Browser.Approval;
using ActionAgent.Browser.Execution;
using ActionAgent.Browser.Network;
using ActionAgent.Browser.Tracing;
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
    private readonly ISecretRedaction _redaction;
    private readonly AuditLog _audit;

    private GovernedSession(BrowserSession browser, NetworkGuard guard, IActionPolicy policy, IApprover approver, IActionExecutor executor, string runId, ILoggerFactory loggers, TimeProvider time, string policyHash, ISecretRedaction redaction, AuditLog audit)
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
        _redaction = redaction;
        _audit = audit;
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

        // A browser the run does not own (attached over CDP) is not locked down when the run ends.
        guardOptions.SealOnDispose = browser.Connection.Kind != BrowserConnectionKind.Cdp;
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
        guard.Event += e => guardLogger.LogInformation("Network {Kind}: {Method} {Url}", e.Kind, e.Method, LoggedUrl.Of(e.Url));

        // Secrets resolve only for declared names on the domains of the document that receives them (the page, or the frame
        // holding the focused field); every value resolved is registered for redaction.
        IActionExecutor executor = browser.CreateExecutor(pipeline.Secrets.Resolve, settle);
        // The form a held action acts in is read for the lock before its values are read for the reviewer, so a change in
        // between is refused rather than approved; the approved action runs only if the form still sends the same.
        var formLock = new FormLock(browser, loggers.CreateLogger<FormLock>());
        IApprover approver = new FormLockApprover(
            new FormFieldsApprover(pipeline.Approver, browser, pipeline.Secrets.Redaction, loggers.CreateLogger<FormFieldsApprover>()),
            formLock);
        IActionPolicy loopPolicy = auditingPolicy;
        if (guardOptions.Mode != NetworkGuardMode.Off)
        {
            executor = new NetworkGuardExecutor(executor, guard);
            approver = new NetworkGuardApprover(approver, guard);

            // A submit the policy allows arms the guard for exactly that action, so its request is not held again.
            loopPolicy = new NetworkGuardPolicy(auditingPolicy, guard);
        }

        // Outside the guard's executor: the form is checked before the guard opens for the approved action, and a refused
        // action leaves no open arm behind.
        var lockLogger = loggers.CreateLogger<FormLockExecutor>();
        executor = new FormLockExecutor(executor, formLock, async (proposal, changes, ct) =>
        {
            guard.Disarm();
            var named = changes.Select(c => AuditLimits.Clip(pipeline.Secrets.Redaction.Redact(c))).ToArray();
            // Field names are page text: they go to the audit log and the outcome, not to the log above Verbose.
            lockLogger.LogWarning("Approved {Action} not carried out: its form changed ({Count} differences, see the audit log)", proposal.Action.Kind, named.Length);
            await pipeline.Audit.AppendAsync("form_changed", new
            {
                runId,
                url = AuditLimits.Clip(pipeline.Secrets.Redaction.Redact(LoggedUrl.Of(browser.Page.Url))),
                action = AuditLimits.Clip(pipeline.Secrets.Redaction.Redact(proposal.Action.Describe())),
                changes = named,
            }, ct).ConfigureAwait(false);
        }, guardOptions.Mode == NetworkGuardMode.Guard ? guard : null);

        // Outcome messages can quote the page (a field that echoes what was typed): redacted before anyone reads them.
        executor = new RedactingExecutor(executor, pipeline.Secrets.Redaction);

        return new GovernedSession(browser, guard, loopPolicy, approver, executor, runId, loggers, pipeline.Options.Time, policy.Hash, pipeline.Secrets.Redaction, pipeline.Audit);
    }

    /// <summary>
    /// An agent loop over this session: the caller chooses how to see the page, who decides and where the run is
    /// recorded; policy, approval and execution are the pipeline's.
    /// </summary>
    /// <param name="perceiver">How the page is seen (redacted here before anyone reads it).</param>
    /// <param name="decider">Who proposes the actions.</param>
    /// <param name="recorder">Where the run is recorded (the audit head is added at the end).</param>
    /// <param name="options">Limits of the run.</param>
    /// <param name="verifier">An extra verifier (pixel change in vision modes); optional.</param>
    /// <param name="checkInDom">
    /// Check every step's effect in the page's DOM (default). Off only for pixel-only perception, whose element ids the DOM
    /// does not know: then the DOM reads back only the focused field after typing, and the <paramref name="verifier"/>
    /// (pixel change, confirming effects) checks the rest.
    /// </param>
    public AgentLoop CreateLoop(IPerceiver perceiver, IDecider decider, IRunRecorder recorder, AgentOptions options, IOutcomeVerifier? verifier = null, bool checkInDom = true)
    {
        ArgumentNullException.ThrowIfNull(perceiver);
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(options);
        // Every observation is redacted before the decider (and so a model), the recorder, the console or the log sees it.
        return new AgentLoop(new AgentParts
        {
            Perceiver = new RedactingPerceiver(perceiver, _redaction),
            // A request or WebSocket message the guard held and nobody approved, even one sent after its step was
            // checked, keeps the run from ending as done.
            Decider = new NetworkGuardDecider(decider, _guard),
            Policy = Policy,
            Approver = Approver,
            Executor = Executor,
            // Every step's effect is checked in the page (field reads what was typed, box ticked, option selected, the
            // click changed something) whoever decided it, then by the caller's verifier (pixels, in vision modes).
            Verifier = new RedactingVerifier(
                new DomEffectVerifier(Browser, verifier, new DomEffectVerifierOptions { FocusedFieldOnly = !checkInDom }, time: _time, logger: _loggers.CreateLogger<DomEffectVerifier>()),
                _redaction),
            // run.json records the audit log's head at the end, so a log cut below it is detected by `audit verify --recordings`.
            // With a trace, each step is grouped under its name in it and its record carries its place on the timeline.
            Recorder = new AuditHeadRecorder(Trace is { } trace ? new TracingRunRecorder(recorder, trace) : recorder, _audit),
            Options = options,
            Time = _time,
            Loggers = _loggers,
            PolicyHash = _policyHash,
        });
    }

    /// <summary>
    /// Opens a start page outside a loop (a flow's <c>url</c>, a replay's recorded start): judged by the policy as a
    /// navigation (audited like any verdict), put to the approver when it needs a reviewer, and opened only then. A recorded
    /// or written start URL is input like any other: without this a replay of an edited run.json opened a local file or a
    /// denied host the policy would have refused. Throws <see cref="InvalidOperationException"/> naming the refusal.
    /// </summary>
    public async Task OpenAsync(string url, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        var page = Browser.Page;
        var proposal = new ProposedAction(new NavigateAction(url), "open the start page") { DecidedBy = "start-page" };
        var viewport = page.ViewportSize;
        var observation = new Observation
        {
            Url = page.Url,
            Geometry = ViewportGeometry.Identity(viewport?.Width ?? 1280, viewport?.Height ?? 800),
            At = _time.GetUtcNow(),
        };
        var verdict = Policy.Evaluate(proposal, observation);
        if (verdict.NeedsApproval)
        {
            var decision = await Approver.RequestAsync(new ApprovalRequest(RunId, 0, proposal, verdict) { PolicyHash = _policyHash, Url = page.Url }, cancellationToken).ConfigureAwait(false);
            if (!decision.IsApproved)
            {
                throw new InvalidOperationException($"opening {url} was not approved: {decision.Reason}");
            }
        }
        else if (verdict.IsDenied)
        {
            throw new InvalidOperationException($"the policy refuses to open {url}: {verdict.Reason} (rule {verdict.Rule})");
        }

        await page.GotoAsync(url, new Microsoft.Playwright.PageGotoOptions { WaitUntil = Microsoft.Playwright.WaitUntilState.Load })
            .WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The Playwright trace being recorded, once <see cref="StartTraceAsync"/> started one.</summary>
    public RunTrace? Trace { get; private set; }

    /// <summary>
    /// Starts a Playwright trace of the session (nothing for <see cref="TraceMode.Off"/>): loops created afterwards group
    /// their steps in it; <see cref="SaveTraceAsync"/> keeps it, redacted with this session's secrets.
    /// </summary>
    public async Task StartTraceAsync(TraceMode mode, string title)
    {
        if (Trace is null)
        {
            Trace = await RunTrace.StartAsync(Browser.Context, mode, title, _redaction, _loggers.CreateLogger<RunTrace>()).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the trace and keeps it in <paramref name="directory"/> when its mode says so; the file's path or null.</summary>
    public Task<string?> SaveTraceAsync(string? directory, bool failed) =>
        Trace is { } trace ? trace.SaveAsync(directory, failed) : Task.FromResult<string?>(null);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _guard.DisposeAsync();
}
