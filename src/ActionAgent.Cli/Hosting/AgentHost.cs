using ActionAgent.Approvals.Audit;
using ActionAgent.Approvals.Policies;
using ActionAgent.Approvals.Reviewers;
using ActionAgent.Approvals.Secrets;
using ActionAgent.Approvals.Store;
using ActionAgent.Browser;
using ActionAgent.Browser.Network;
using ActionAgent.Cli.Output;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Policy;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Cli.Hosting;

/// <summary>
/// The composition root for one run: loads browser settings and the policy, opens the page (launch, CDP or remote
/// server), and wires perceiver, decider, policy (audited), approver (console, queue or none; audited), network guard,
/// secret-resolving executor and recorder into an <see cref="AgentLoop"/>.
/// </summary>
public sealed class AgentHost(CliSettings settings, ILoggerFactory loggerFactory)
{
    /// <summary>The refusal when nobody can answer; the exit code mapping looks for "no reviewer available".</summary>
    public const string NoReviewerMessage = "no reviewer available: standard input is not a terminal. Re-run with --yes to approve held actions, --approver web to queue them for the dashboard, or run it on a terminal to answer y/n";

    /// <summary>Runs a task starting at <paramref name="url"/> (or in the already-open page when attached over CDP).</summary>
    public async Task<RunResult> RunAsync(string task, string? url, IDecider decider, CancellationToken cancellationToken = default)
    {
        // Policy first: a broken file is bad input (PolicyLoadException → exit code 2) before any browser starts.
        var policy = LoadPolicy(settings);
        var browserSettings = BrowserSettingsLoader.Load(settings.ConfigPath ?? Path.Combine(RepoPaths.Root, "playwright.config.json"));
        if (settings.Headed)
        {
            browserSettings.Headless = false;
        }

        if (settings.Viewport is { } vp)
        {
            browserSettings.Viewport.Width = vp.Width;
            browserSettings.Viewport.Height = vp.Height;
        }

        if (settings.DeviceScaleFactor is { } dsf)
        {
            browserSettings.DeviceScaleFactor = dsf;
        }

        var connection = settings.CdpUrl is { } cdp ? BrowserConnection.Cdp(cdp)
            : settings.ConnectUrl is { } ws ? BrowserConnection.Connect(ws)
            : BrowserConnection.Launch;

        var runId = string.IsNullOrWhiteSpace(settings.RunId) ? NewRunId() : settings.RunId!;
        var audit = new AuditLog(Path.GetFullPath(settings.AuditPath ?? Path.Combine(RepoPaths.Root, ".actionagent", "audit.jsonl")));
        var engine = new PolicyEngine(policy, TimeProvider.System, logger: loggerFactory.CreateLogger<PolicyEngine>());
        engine.InjectionDetected += a => loggerFactory.CreateLogger<AgentHost>().LogWarning("Prompt injection on {Url}: {Markers}", a.Url, string.Join(", ", a.Markers));
        var auditingPolicy = new AuditingPolicy(engine, audit) { RunId = runId };

        // The OCR models load before the browser starts: missing models are bad input (vision) or a warning (hybrid).
        using var perception = PerceptionFactory.Create(settings.Perception, loggerFactory, Console.Error);
        var store = settings.Yes || ApproverKind(settings) != "web" ? null : await OpenStoreAsync(policy, cancellationToken).ConfigureAwait(false);
        var approver = new AuditingApprover(CreateApprover(policy, store), audit);

        await using var session = await BrowserSessionFactory.OpenAsync(browserSettings, connection, loggerFactory, cancellationToken).ConfigureAwait(false);
        var guardOptions = NetworkGuardOptions.FromPolicy(policy, runId, task);
        await using var guard = new NetworkGuard(guardOptions, approver, TimeProvider.System, loggerFactory.CreateLogger<NetworkGuard>());
        await guard.AttachAsync(session.Context, cancellationToken).ConfigureAwait(false);
        guard.Event += e => loggerFactory.CreateLogger<NetworkGuard>().LogInformation("Network {Kind}: {Method} {Url}", e.Kind, e.Method, e.Url);

        var secrets = new SecretResolver(policy.Secrets);
        IActionExecutor executor = session.CreateExecutor(text => ResolveSecret(secrets, text, session.Page.Url));
        IApprover loopApprover = approver;
        if (guardOptions.Mode != NetworkGuardMode.Off)
        {
            executor = new NetworkGuardExecutor(executor, guard);
            loopApprover = new NetworkGuardApprover(approver, guard);
        }

        var recordings = Path.GetFullPath(settings.RecordingsDirectory);
        var recorder = new JsonRunRecorder(recordings);
        var maxSteps = policy.Limits.MaxSteps is { } limit ? Math.Min(limit, settings.MaxSteps) : settings.MaxSteps;
        var loop = new AgentLoop(
            perception.CreatePerceiver(session),
            url is null ? decider : new StartPageDecider(decider, url),
            auditingPolicy,
            loopApprover,
            executor,
            perception.CreateVerifier(session),
            new StepDisplay(recorder, settings.Output),
            new AgentOptions { MaxSteps = maxSteps + (url is null ? 0 : 1), StepTimeout = settings.StepTimeout, RecordMarks = settings.RecordMarks },
            TimeProvider.System,
            loggerFactory.CreateLogger<AgentLoop>());
        loop.Versions["playwright"] = typeof(Microsoft.Playwright.IPage).Assembly.GetName().Version?.ToString() ?? "";
        loop.Versions["browser"] = session.BrowserVersion;
        loop.Versions["policy"] = policy.Hash;
        loop.Versions["perception"] = perception.Description;
        var result = await loop.RunAsync(new RunRequest(task) { RunId = runId, StartUrl = url }, cancellationToken).ConfigureAwait(false);
        return result with { RecordingPath = recorder.RunDirectory };
    }

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

    private static string ApproverKind(CliSettings settings) =>
        settings.Approver ?? (ConsoleApprover.IsInteractive ? "console" : "none");

    private async Task<SqliteApprovalStore> OpenStoreAsync(PolicyDocument policy, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(settings.ApprovalsDb ?? Path.Combine(RepoPaths.Root, ".actionagent", "approvals.db"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return await SqliteApprovalStore.OpenAsync(
            new SqliteApprovalStoreOptions { Path = path, OrphanAfter = policy.Approval.OrphanAfter },
            TimeProvider.System,
            loggerFactory.CreateLogger<SqliteApprovalStore>(),
            cancellationToken).ConfigureAwait(false);
    }

    private IApprover CreateApprover(PolicyDocument policy, SqliteApprovalStore? store)
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
                var approver = new StoreApprover(store!, StoreApproverOptions.From(policy.Approval), TimeProvider.System, loggerFactory.CreateLogger<StoreApprover>());
                if (settings.Output != OutputMode.Json)
                {
                    approver.Pending += a => Console.Out.WriteLine(
                        $"waiting for approval {a.Id}: {a.ActionSummary} — decide with 'actionagent approvals approve {a.Id} --reviewer NAME' or in 'actionagent approvals serve'");
                }

                return approver;
            default:
                return new AutoApprover(false, NoReviewerMessage);
        }
    }

    private static string NewRunId() =>
        $"{TimeProvider.System.GetUtcNow():yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}";
}
