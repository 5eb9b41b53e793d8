using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Recording;
using ActionAgent.Flows.Caching;
using ActionAgent.Flows.Expectations;

namespace ActionAgent.Flows.Replay;

/// <summary>
/// Replays a recording without a model, like Core's ReplayDecider, but re-finds each recorded target from its
/// descriptor (<see cref="StepRecord.Target"/>: role, name, box…) instead of trusting the recorded element id, which
/// changes between runs. Like a Playwright script it waits for what the next step needs rather than for the page to
/// go idle: before each recorded step it waits (short <see cref="WaitAction"/>s, at most
/// <see cref="ReplayOptions.LookAlikeTimeout"/>) for the screen to look as it did in the recording, and (at most
/// <see cref="ReplayOptions.TargetTimeout"/>) for the target to appear; a target still missing fails the step with a
/// clear message. Intermediate "done" steps of flow recordings are skipped; the replay ends with one done.
/// </summary>
public sealed class DescriptorReplayDecider : IDecider
{
    private readonly RunRecording _recording;
    private readonly Queue<StepRecord> _plan;
    private readonly TargetLocator _locator;
    private readonly UrlRebaser _rebaser;
    private readonly ReplayOptions _options;
    private readonly IImageComparer _comparer;
    private readonly TimeProvider _time;
    private readonly List<TargetResolution> _resolutions = [];
    private readonly Lock _gate = new();
    private StepRecord? _waitingFor;
    private long _waitStarted;
    private byte[]? _recordedScreen;

    /// <summary>Plans the replay of the recording's executed steps.</summary>
    /// <param name="recording">The recording to replay.</param>
    /// <param name="locator">Finds recorded targets on the page.</param>
    /// <param name="rebaser">Moves recorded URLs to another origin.</param>
    /// <param name="options">Waits and tolerance; null: defaults, and no wait for the recorded screen without a <paramref name="comparer"/>.</param>
    /// <param name="comparer">Compares the screen with the recorded one; null skips the wait for the recorded screen.</param>
    /// <param name="time">Clock for the waits.</param>
    public DescriptorReplayDecider(RunRecording recording, TargetLocator? locator = null, UrlRebaser? rebaser = null, ReplayOptions? options = null, IImageComparer? comparer = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(recording);
        _recording = recording;
        Planned = recording.Steps.Where(IsReplayable).ToList();
        _plan = new Queue<StepRecord>(Planned);
        _locator = locator ?? new TargetLocator();
        _rebaser = rebaser ?? new UrlRebaser(null, null);
        _options = options ?? new ReplayOptions();
        _comparer = comparer ?? ByteEqualityImageComparer.Instance;
        LooksForRecordedScreen = comparer is not null;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Name => "replay";

    /// <summary>The recorded steps that will be replayed, in order.</summary>
    public IReadOnlyList<StepRecord> Planned { get; }

    /// <summary>True when each step first waits for the screen to look as recorded (a comparer was given).</summary>
    public bool LooksForRecordedScreen { get; }

    /// <summary>How many steps the replay may take at most: every recorded step, the waits before each, and the final done.</summary>
    public int MaxSteps
    {
        get
        {
            var longest = _options.TargetTimeout > _options.LookAlikeTimeout ? _options.TargetTimeout : _options.LookAlikeTimeout;
            var waits = (int)Math.Ceiling(longest / TimeSpan.FromMilliseconds(Math.Max(1, _options.PollInterval.TotalMilliseconds))) + 1;
            return (Planned.Count * (waits + 1)) + 1;
        }
    }

    /// <summary>How each replayed step found its target, in replay order.</summary>
    public IReadOnlyList<TargetResolution> Resolutions
    {
        get
        {
            lock (_gate)
            {
                return _resolutions.ToArray();
            }
        }
    }

    /// <summary>True for steps that did something: succeeded, non-terminal actions.</summary>
    public static bool IsReplayable(StepRecord step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return !step.Proposal.Action.IsTerminal && step.Outcome.Status == OutcomeStatus.Succeeded;
    }

    /// <inheritdoc />
    public Task<ProposedAction> DecideAsync(DecisionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        lock (_gate)
        {
            return Task.FromResult(Decide(context));
        }
    }

    private ProposedAction Decide(DecisionContext context)
    {
        if (!_plan.TryPeek(out var next))
        {
            return new ProposedAction(new DoneAction($"replayed {Planned.Count} recorded steps"), "the recording has no more steps") { DecidedBy = Name };
        }

        if (!ReferenceEquals(_waitingFor, next))
        {
            _waitingFor = next;
            _waitStarted = _time.GetTimestamp();
            _recordedScreen = next.Observation.ScreenshotFile is { } file && File.Exists(Path.Combine(_recording.Directory, file))
                ? File.ReadAllBytes(Path.Combine(_recording.Directory, file))
                : null;
        }

        var waited = _time.GetElapsedTime(_waitStarted);
        ImageComparison? comparison = null;
        if (LooksForRecordedScreen && waited < _options.LookAlikeTimeout && _recordedScreen is not null && !context.Observation.Screenshot.IsEmpty)
        {
            comparison = _comparer.Compare(_recordedScreen, context.Observation.Screenshot);
            if (comparison.SameSize && comparison.DifferenceFraction > _options.ScreenshotTolerance)
            {
                return Wait(next, FormattableString.Invariant($"the screen does not look as recorded yet ({comparison.DifferenceFraction:P1} differs)"));
            }
        }

        var (action, resolution) = Aim(next, context.Observation);
        if (resolution.Missing && waited < _options.TargetTimeout)
        {
            return Wait(next, $"the recorded target is not on the page yet: {resolution.Detail}");
        }

        _plan.Dequeue();
        if (resolution.Missing && waited >= TimeSpan.FromSeconds(0.1))
        {
            var after = FormattableString.Invariant($" (waited {waited.TotalSeconds:0.#} s for it)");
            resolution = resolution with { Detail = resolution.Detail + after };
            action = action is FailAction fail ? fail with { Reason = fail.Reason + after } : action;
        }

        _resolutions.Add(resolution with { ReplayStep = context.Step, Waited = waited, Screen = comparison });
        return next.Proposal with
        {
            Action = action,
            DecidedBy = Name,
            Usage = ModelUsage.None,
            Reason = $"replay of step {next.Step}: {next.Proposal.Reason}",
        };
    }

    private ProposedAction Wait(StepRecord next, string why) =>
        new(new WaitAction(_options.PollInterval), $"before replaying step {next.Step}: {why}") { DecidedBy = Name, Usage = ModelUsage.None };

    private (BrowserAction Action, TargetResolution Resolution) Aim(StepRecord step, Observation observation)
    {
        var recorded = step.Proposal.Action;
        if (recorded is NavigateAction nav)
        {
            return (nav with { Url = _rebaser.Rebase(nav.Url) }, new TargetResolution(step.Step, "none", "navigation"));
        }

        var target = recorded.PrimaryTarget;
        if (target is null)
        {
            return (recorded, new TargetResolution(step.Step, "none", "no target"));
        }

        // Points are kept in CSS pixels of the recorded viewport, so a different screenshot scale does not move them.
        var recordedGeometry = new ViewportGeometry(step.Observation.CssWidth, step.Observation.CssHeight, 1, step.Observation.ScreenshotWidth, step.Observation.ScreenshotHeight);
        var css = step.Observation.CssWidth > 0 ? ActionRetargeting.ToCss(recorded, new Observation { Url = step.Observation.Url, Geometry = recordedGeometry }) : recorded;
        if (step.Target is null)
        {
            // Old recordings without a descriptor: the raw id or point is all there is.
            return (css, new TargetResolution(step.Step, "raw", $"no recorded descriptor; using {target}"));
        }

        var descriptor = TargetDescriptor.From(step.Target);
        var match = _locator.Locate(descriptor, observation);
        if (match is null)
        {
            var why = $"the recorded target {descriptor} is not on the page";
            return (new FailAction($"step {step.Step} ({recorded.Describe()}): {why}"), new TargetResolution(step.Step, "missing", why));
        }

        var aimed = ActionRetargeting.Map(css, t => ActionRetargeting.Aim(t, match.Element, step.Target.Bounds), t => t);
        var moved = match.Element.Bounds.CenterDistance(step.Target.Bounds) > 1;
        var detail = $"{match.Element.Role} \"{match.Element.Label}\" #{match.Element.Id}{(moved ? $" moved from {step.Target.Bounds} to {match.Element.Bounds}" : "")}";
        return (aimed, new TargetResolution(step.Step, moved && match.IsSame ? "moved" : match.Method, detail));
    }
}
