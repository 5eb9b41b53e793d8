using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Recording;
using ActionAgent.Flows.Caching;

namespace ActionAgent.Flows.Replay;

/// <summary>
/// Replays a recording without a model, like Core's ReplayDecider, but re-finds each recorded target from its
/// descriptor (<see cref="StepRecord.Target"/>: role, name, box…) instead of trusting the recorded element id, which
/// changes between runs. A target that cannot be found fails the step with a clear message. Intermediate "done"
/// steps of flow recordings are skipped; the replay ends with one done.
/// </summary>
public sealed class DescriptorReplayDecider : IDecider
{
    private readonly Queue<StepRecord> _plan;
    private readonly TargetLocator _locator;
    private readonly UrlRebaser _rebaser;
    private readonly List<TargetResolution> _resolutions = [];
    private readonly Lock _gate = new();

    /// <summary>Plans the replay of the recording's executed steps.</summary>
    public DescriptorReplayDecider(RunRecording recording, TargetLocator? locator = null, UrlRebaser? rebaser = null)
    {
        ArgumentNullException.ThrowIfNull(recording);
        Planned = recording.Steps.Where(IsReplayable).ToList();
        _plan = new Queue<StepRecord>(Planned);
        _locator = locator ?? new TargetLocator();
        _rebaser = rebaser ?? new UrlRebaser(null, null);
    }

    /// <inheritdoc />
    public string Name => "replay";

    /// <summary>The recorded steps that will be replayed, in order.</summary>
    public IReadOnlyList<StepRecord> Planned { get; }

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
        StepRecord? next;
        lock (_gate)
        {
            _plan.TryDequeue(out next);
        }

        if (next is null)
        {
            return Task.FromResult(new ProposedAction(new DoneAction($"replayed {Planned.Count} recorded steps"), "the recording has no more steps") { DecidedBy = Name });
        }

        var (action, resolution) = Aim(next, context.Observation);
        lock (_gate)
        {
            _resolutions.Add(resolution);
        }

        var proposal = next.Proposal with
        {
            Action = action,
            DecidedBy = Name,
            Usage = ModelUsage.None,
            Reason = $"replay of step {next.Step}: {next.Proposal.Reason}",
        };
        return Task.FromResult(proposal);
    }

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
