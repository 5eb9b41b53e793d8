using ActionAgent.Browser;
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
/// The composition root for one run: loads browser settings, opens the page (launch, CDP or remote server),
/// and wires perceiver, decider, policy, approver, executor and recorder into an <see cref="AgentLoop"/>.
/// </summary>
public sealed class AgentHost(CliSettings settings, ILoggerFactory loggerFactory)
{
    /// <summary>Runs a task starting at <paramref name="url"/> (or in the already-open page when attached over CDP).</summary>
    public async Task<RunResult> RunAsync(string task, string? url, IDecider decider, CancellationToken cancellationToken = default)
    {
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

        await using var session = await BrowserSessionFactory.OpenAsync(browserSettings, connection, loggerFactory, cancellationToken).ConfigureAwait(false);
        var recordings = Path.GetFullPath(settings.RecordingsDirectory);
        var recorder = new JsonRunRecorder(recordings);
        var loop = new AgentLoop(
            session.CreatePerceiver(),
            url is null ? decider : new StartPageDecider(decider, url),
            new IrreversibleActionPolicy(),
            CreateApprover(),
            session.CreateExecutor(),
            new PassThroughVerifier(),
            new StepDisplay(recorder, settings.Output),
            new AgentOptions { MaxSteps = settings.MaxSteps + (url is null ? 0 : 1), StepTimeout = settings.StepTimeout },
            TimeProvider.System,
            loggerFactory.CreateLogger<AgentLoop>());
        loop.Versions["playwright"] = typeof(Microsoft.Playwright.IPage).Assembly.GetName().Version?.ToString() ?? "";
        loop.Versions["browser"] = session.BrowserVersion;
        var result = await loop.RunAsync(new RunRequest(task) { RunId = settings.RunId, StartUrl = url }, cancellationToken).ConfigureAwait(false);
        return result with { RecordingPath = recorder.RunDirectory };
    }

    private IApprover CreateApprover()
    {
        if (settings.Yes)
        {
            return AutoApprover.ApproveAll;
        }

        return Console.IsInputRedirected
            ? new AutoApprover(false, "no reviewer available: standard input is not a terminal. Re-run with --yes to approve held actions, or run it on a terminal to answer y/n")
            : new TerminalApprover(Console.In, Console.Out);
    }
}
