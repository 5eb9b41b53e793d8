using ActionAgent.Browser;
using ActionAgent.Cli.Output;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Policy;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;
using ActionAgent.Hosting;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Cli.Hosting;

/// <summary>
/// One run from the command line: loads browser settings, builds the governed <see cref="AgentPipeline"/> (policy,
/// approver, audit, network guard, secrets — the same for every entry point), opens the page (launch, CDP or remote
/// server), and runs an <see cref="AgentLoop"/> that the governed session builds.
/// </summary>
public sealed class AgentHost(CliSettings settings, ILoggerFactory loggerFactory)
{
    /// <summary>The refusal when nobody can answer.</summary>
    public const string NoReviewerMessage = PipelineFactory.NoReviewerMessage;

    /// <summary>Runs a task starting at <paramref name="url"/> (or in the already-open page when attached over CDP).</summary>
    public async Task<RunResult> RunAsync(string task, string? url, IDecider decider, CancellationToken cancellationToken = default)
    {
        // Policy first: a broken file is bad input (PolicyLoadException → exit code 2) before any browser starts.
        var pipelines = new PipelineFactory(settings, loggerFactory);
        var pipeline = await pipelines.CreateAsync(cancellationToken).ConfigureAwait(false);
        var browserSettings = LoadBrowserSettings(settings);
        var connection = settings.CdpUrl is { } cdp ? BrowserConnection.Cdp(cdp)
            : settings.ConnectUrl is { } ws ? BrowserConnection.Connect(ws)
            : BrowserConnection.Launch;

        var recordings = Path.GetFullPath(settings.RecordingsDirectory);
        var runId = string.IsNullOrWhiteSpace(settings.RunId) ? NewRunId() : settings.RunId!;
        await RunIds.EnsureUnusedAsync(runId, recordings, pipelines.Store, cancellationToken).ConfigureAwait(false);

        // The OCR models load before the browser starts: missing models are bad input (vision) or a warning (hybrid).
        using var perception = PerceptionFactory.Create(settings.Perception, loggerFactory, Console.Error);
        await using var session = await BrowserSessionFactory.OpenAsync(browserSettings, connection, loggerFactory, cancellationToken).ConfigureAwait(false);
        await using var governed = await pipeline.GovernAsync(session, runId, task, cancellationToken: cancellationToken).ConfigureAwait(false);
        await governed.StartTraceAsync(settings.Trace, $"{runId}: {task}").ConfigureAwait(false);

        var recorder = new JsonRunRecorder(recordings);
        var maxSteps = pipeline.Policy.Limits.MaxSteps is { } limit ? Math.Min(limit, settings.MaxSteps) : settings.MaxSteps;
        var loop = governed.CreateLoop(
            perception.CreatePerceiver(session),
            url is null ? decider : new StartPageDecider(decider, url),
            new StepDisplay(recorder, settings.Output),
            new AgentOptions { MaxSteps = maxSteps, PreludeSteps = url is null ? 0 : 1, StepTimeout = settings.StepTimeout, RecordMarks = settings.RecordMarks },
            perception.CreateVerifier(session),
            checkInDom: perception.ChecksInDom);
        loop.Versions["playwright"] = typeof(Microsoft.Playwright.IPage).Assembly.GetName().Version?.ToString() ?? "";
        loop.Versions["browser"] = session.BrowserVersion;
        loop.Versions["policy"] = pipeline.Policy.Hash;
        loop.Versions["perception"] = perception.Description;
        var result = await loop.RunAsync(new RunRequest(task) { RunId = runId, StartUrl = url }, cancellationToken).ConfigureAwait(false);
        var trace = await governed.SaveTraceAsync(recorder.RunDirectory, failed: result.Status != RunStatus.Completed).ConfigureAwait(false);
        return result with { RecordingPath = recorder.RunDirectory, TracePath = trace };
    }

    /// <summary>The browser settings: --config (which must exist), else playwright.config.json in the repository; then the command-line overrides.</summary>
    public static BrowserSettings LoadBrowserSettings(CliSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.ConfigPath is { } given && !File.Exists(given))
        {
            throw new BrowserSettingsException($"--config {given}: file not found; give the path of an existing playwright.config.json (or leave --config out for the repository's)");
        }

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

        return browserSettings;
    }

    private static string NewRunId() =>
        $"{TimeProvider.System.GetUtcNow():yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}";
}
