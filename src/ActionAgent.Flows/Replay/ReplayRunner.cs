using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;
using ActionAgent.Flows.Caching;
using ActionAgent.Flows.Expectations;
using ActionAgent.Flows.Running;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Flows.Replay;

/// <summary>
/// Re-executes a recorded run without a model: the Core <see cref="AgentLoop"/> with a
/// <see cref="DescriptorReplayDecider"/> (policy and approval still apply), then compares every recorded step with
/// its replay — outcome, page, target position and screenshot (through an <see cref="IImageComparer"/>) — and
/// reports the drift per step.
/// </summary>
public sealed class ReplayRunner(
    IFlowSessionFactory sessions,
    ReplayOptions options,
    TimeProvider time,
    ILoggerFactory loggerFactory)
{
    private readonly ILogger<ReplayRunner> _logger = loggerFactory.CreateLogger<ReplayRunner>();

    /// <summary>Compares screenshots; the default only knows "identical bytes" (give it the vision layer's comparer).</summary>
    public IImageComparer Comparer { get; init; } = ByteEqualityImageComparer.Instance;

    /// <summary>Finds targets by their image crop when labels changed; optional.</summary>
    public ITemplateMatcher? Matcher { get; init; }

    /// <summary>Loads a recording folder and replays it. An unreadable or incompatible recording throws <see cref="InvalidDataException"/> (from RunRecording.Load).</summary>
    public Task<ReplayReport> RunAsync(string recordingDirectory, CancellationToken cancellationToken = default) =>
        RunAsync(RunRecording.Load(recordingDirectory), cancellationToken);

    /// <summary>Replays the recording and reports drift per step.</summary>
    public async Task<ReplayReport> RunAsync(RunRecording recording, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recording);
        var rebaser = new UrlRebaser(recording.Manifest.StartUrl, options.BaseUrl);
        var decider = new DescriptorReplayDecider(recording, new TargetLocator(Matcher), rebaser, options,
            Comparer is ByteEqualityImageComparer ? null : Comparer, time); // bytes differ at the slightest change: no point waiting for them
        var runId = $"{recording.Manifest.RunId}-replay-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(2))}";
        var capture = new CapturingRecorder(options.RecordingsRoot is null ? null : new JsonRunRecorder(options.RecordingsRoot));
        _logger.LogInformation("Replaying {RunId}: {Steps} recorded steps to repeat", recording.Manifest.RunId, decider.Planned.Count);

        RunResult result;
        await using (var session = await sessions.CreateAsync($"replay {recording.Manifest.RunId}", new FlowSessionOptions { Settle = options.Settle, RunId = runId, Task = recording.Manifest.Task }, cancellationToken).ConfigureAwait(false))
        {
            if (recording.Manifest.StartUrl is { Length: > 0 } start)
            {
                await session.NavigateAsync(rebaser.Rebase(start), cancellationToken).ConfigureAwait(false);
            }

            var agentOptions = new AgentOptions
            {
                MaxSteps = decider.MaxSteps,
                MaxConsecutiveFailures = 1,
                StepTimeout = options.StepTimeout,
            };
            var loop = session.CreateLoop(decider, capture, agentOptions);
            loop.Versions["replay-of"] = recording.Manifest.RunId;
            result = await loop.RunAsync(new RunRequest($"replay of {recording.Manifest.RunId}: {recording.Manifest.Task}")
            {
                RunId = runId,
                StartUrl = recording.Manifest.StartUrl is null ? null : rebaser.Rebase(recording.Manifest.StartUrl),
            }, cancellationToken).ConfigureAwait(false);
        }

        var drifts = Compare(recording, decider, capture.Steps, rebaser);
        var report = new ReplayReport(recording, result.Status, result.Message, drifts) { ReplayRecordingPath = capture.Directory, Failure = result.Failure };
        _logger.LogInformation("Replay of {RunId}: {Summary}", recording.Manifest.RunId, report.Summary);
        return report;
    }

    private List<StepDrift> Compare(RunRecording recording, DescriptorReplayDecider decider, IReadOnlyList<(StepRecord Step, ReadOnlyMemory<byte> Screenshot)> replayed, UrlRebaser rebaser)
    {
        var resolutions = decider.Resolutions;
        var generated = new GeneratedValues(GeneratedValues.SuppliedBy(recording));
        var drifts = new List<StepDrift>();
        for (var i = 0; i < decider.Planned.Count; i++)
        {
            var original = decider.Planned[i];
            var action = original.Proposal.Action.Describe();
            var resolution = i < resolutions.Count ? resolutions[i] : null;
            var replayedAt = resolution is null ? -1 : IndexOfStep(replayed, resolution.ReplayStep);
            if (resolution is null || replayedAt < 0)
            {
                drifts.Add(new StepDrift(original.Step, action, DriftSeverity.Major, ["not replayed: the replay stopped before this step"])
                {
                    OriginalOutcome = original.Outcome.ToString(),
                    OriginalUrl = original.Observation.Url,
                });
                continue;
            }

            var (replay, screenshot) = replayed[replayedAt];
            var differences = new List<string>();
            var severity = DriftSeverity.None;
            void Note(DriftSeverity s, string text)
            {
                differences.Add(text);
                severity = (DriftSeverity)Math.Max((int)severity, (int)s);
            }

            if (resolution.Missing)
            {
                Note(DriftSeverity.Major, resolution.Detail);
            }
            else if (resolution.Method is "moved" or "similar" or "template")
            {
                Note(DriftSeverity.Minor, $"target found by {resolution.Method} match: {resolution.Detail}");
            }

            if (!resolution.Missing && replay.Outcome.Status != original.Outcome.Status)
            {
                Note(DriftSeverity.Major, $"outcome {original.Outcome.Status} → {replay.Outcome.Status}: {replay.Outcome.Message}");
            }

            var originalPage = UrlRebaser.PathAndQuery(rebaser.Rebase(original.Observation.Url));
            var replayPage = UrlRebaser.PathAndQuery(replay.Observation.Url);

            // A run recording's first step opens the start URL from a blank tab; the replay opens it before its first
            // step, so that step starts on the start page: the same run, not drift (nor is the blank screenshot).
            var openedFromBlank = i == 0 && UrlRebaser.OriginOf(original.Observation.Url) is null && original.Proposal.Action is Core.Decision.NavigateAction;

            // A refund filed as R-0002 when recorded is R-0003 on the second run: ids the server generated may differ.
            if (!openedFromBlank && !generated.Equivalent(originalPage, replayPage))
            {
                Note(DriftSeverity.Major, $"started on {replayPage} instead of {originalPage}");
            }

            double? difference = null;
            var originalShot = original.Observation.ScreenshotFile is { } file ? Path.Combine(recording.Directory, file) : null;
            if (!openedFromBlank && originalShot is not null && File.Exists(originalShot) && !screenshot.IsEmpty)
            {
                var comparison = resolution.Screen ?? Comparer.Compare(File.ReadAllBytes(originalShot), screenshot);
                difference = comparison.DifferenceFraction;
                if (!comparison.SameSize)
                {
                    Note(DriftSeverity.Minor, "the screenshot has a different size");
                }
                else if (comparison.DifferenceFraction > options.ScreenshotTolerance)
                {
                    Note(DriftSeverity.Minor, FormattableString.Invariant($"{comparison.DifferenceFraction:P1} of the screen differs ({comparison.Method})"));
                }
            }

            drifts.Add(new StepDrift(original.Step, action, severity, differences)
            {
                ReplayStep = replay.Step,
                TargetResolution = resolution.Method,
                OriginalOutcome = original.Outcome.ToString(),
                ReplayOutcome = replay.Outcome.ToString(),
                ScreenshotDifference = difference,
                OriginalUrl = original.Observation.Url,
                ReplayUrl = replay.Observation.Url,
                ReplayScreenshot = screenshot,
            });
        }

        return drifts;
    }

    private static int IndexOfStep(IReadOnlyList<(StepRecord Step, ReadOnlyMemory<byte> Screenshot)> replayed, int step)
    {
        for (var i = 0; i < replayed.Count; i++)
        {
            if (replayed[i].Step.Step == step)
            {
                return i;
            }
        }

        return -1;
    }
}
