using System.Diagnostics;
using System.Reflection;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;
using ActionAgent.Core.Recording;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Core.Runtime;

/// <summary>
/// Observe → decide → check policy → (approve) → act → verify, until the decider says done or fail, a limit is hit,
/// or the run is cancelled. Expected failures go back to the decider as values; every step is recorded.
/// A run is Completed only when the decider said done, its last action's effect was observed, and no action of the
/// run was refused (rejected, expired, denied): a refusal is never reported as success.
/// </summary>
public sealed class AgentLoop
{
    private readonly IPerceiver perceiver;
    private readonly IDecider decider;
    private readonly IActionPolicy policy;
    private readonly IApprover approver;
    private readonly IActionExecutor executor;
    private readonly IOutcomeVerifier verifier;
    private readonly IRunRecorder recorder;
    private readonly AgentOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<AgentLoop> logger;
    private readonly string policyHash;

    /// <summary>A loop over the given parts (entry points get them from the governed pipeline).</summary>
    public AgentLoop(AgentParts parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        perceiver = parts.Perceiver;
        decider = parts.Decider;
        policy = parts.Policy;
        approver = parts.Approver;
        executor = parts.Executor;
        verifier = parts.Verifier;
        recorder = parts.Recorder;
        options = parts.Options;
        time = parts.Time;
        logger = parts.Loggers.CreateLogger<AgentLoop>();
        policyHash = parts.PolicyHash;
    }

    /// <summary>Extra versions to write into run.json (browser, policy hash, prompt version…).</summary>
    public IDictionary<string, string> Versions { get; } = new Dictionary<string, string>
    {
        ["actionagent"] = typeof(AgentLoop).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "0.0.0",
    };

    /// <summary>Runs one task to its end. Cancellation ends the run as Cancelled with its recording closed.</summary>
    public async Task<RunResult> RunAsync(RunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var runId = string.IsNullOrWhiteSpace(request.RunId) ? NewRunId() : request.RunId!;
        var machine = new RunMachine(logger);
        var history = new List<StepSummary>();
        var started = time.GetUtcNow();
        var manifest = new RunManifest
        {
            RunId = runId,
            Task = request.Task,
            Decider = decider.Name,
            StartUrl = request.StartUrl,
            Versions = (decider as IDescribesVersions)?.Versions.Aggregate(new Dictionary<string, string>(Versions), (all, kv) => { all[kv.Key] = kv.Value; return all; })
                ?? new Dictionary<string, string>(Versions),
            StartedAt = started,
        };

        using var runScope = logger.BeginScope(new Dictionary<string, object> { ["RunId"] = runId });
        try
        {
            await Recording(() => recorder.BeginAsync(manifest, CancellationToken.None)).ConfigureAwait(false);
        }
        catch (RecordingException e)
        {
            // Nothing was carried out: a run that cannot be recorded does not start.
            logger.LogInformation("Run {RunId} could not start: {Message}", runId, e.Message);
            return new RunResult(runId, RunStatus.Failed, e.Message, 0) { Failure = FailureKind.RecordingFailed };
        }

        logger.LogInformation("Run {RunId} started", runId);
        logger.LogTrace("Run {RunId} task: {Task}", runId, request.Task);

        var step = 0;
        var recorded = 0; // the last step steps.jsonl holds (begun or finished)
        var consecutiveFailures = 0;
        long tokens = 0;
        decimal cost = 0;
        var finalMessage = "";
        var failure = FailureKind.None;
        var refusals = new List<Refusal>();
        StepRecord? lastAction = null;
        SkillRecord? skill = null;
        var stepLimit = options.MaxSteps + options.PreludeSteps;
        machine.Fire(RunTrigger.Start);
        try
        {
            while (!machine.IsFinished)
            {
                cancellationToken.ThrowIfCancellationRequested();
                step++;
                using var stepScope = logger.BeginScope(new Dictionary<string, object> { ["Step"] = step });
                if (step > stepLimit)
                {
                    failure = FailureKind.LimitReached;
                    finalMessage = $"max steps exceeded: the task was not done after {options.MaxSteps} steps (raise --max-steps if it needs more)";
                    logger.LogWarning("Run {RunId}: {Message}", runId, finalMessage);
                    machine.Fire(RunTrigger.Fail);
                    break;
                }

                var record = await RunStepAsync(runId, request.Task, step, machine, history, refusals, lastAction, s => recorded = s, cancellationToken).ConfigureAwait(false);
                tokens += record.Record.Proposal.Usage.TotalTokens;
                skill = record.Record.Proposal.Skill ?? skill;
                cost += record.Record.Proposal.Usage.Cost;
                await Recording(() => recorder.AppendAsync(record.Record, record.Images, CancellationToken.None)).ConfigureAwait(false);
                recorded = step;

                var outcome = record.Record.Outcome;
                history.Add(new StepSummary(step, record.Record.Proposal.Action.Describe(), outcome.Message, outcome.Succeeded)
                {
                    StepText = record.Record.Proposal.StepText,
                    ActionKind = record.Record.Proposal.Action.Kind,
                    Failure = outcome.Failure,
                    Checks = outcome.Checks,
                    Dialogs = outcome.Dialogs,
                    Risk = record.Record.Verdict?.Risk,
                });
                if (outcome.Failure is FailureKind.NotApproved or FailureKind.PolicyDenied)
                {
                    refusals.Add(new Refusal(step, Fingerprint(record.Record), outcome.Failure, outcome.Message));
                }
                else if (outcome.Failure == FailureKind.NotVerified && record.Record.Verdict is { Risk: RiskClass.Submit or RiskClass.Destructive or RiskClass.Egress })
                {
                    // An irreversible action ran and its effect was not seen: it may have taken effect all the same, so it
                    // is never run again in this run, and the run cannot end Completed.
                    refusals.Add(new Refusal(step, Fingerprint(record.Record), FailureKind.NotVerified, outcome.Message));
                }

                if (!record.Record.Proposal.Action.IsTerminal && record.Record.Proposal.Action is not (WaitAction or ScrollAction))
                {
                    lastAction = record.Record;
                }
                if (history.Count > options.HistoryLength)
                {
                    history.RemoveAt(0);
                }

                if (machine.IsFinished)
                {
                    finalMessage = outcome.Message;
                    failure = machine.State == RunState.Completed ? FailureKind.None : outcome.Failure == FailureKind.None ? FailureKind.TaskFailed : outcome.Failure;
                    break;
                }

                consecutiveFailures = outcome.Status == OutcomeStatus.Failed ? consecutiveFailures + 1 : 0;
                if (consecutiveFailures >= options.MaxConsecutiveFailures)
                {
                    failure = outcome.Failure == FailureKind.None ? FailureKind.LimitReached : outcome.Failure;
                    finalMessage = $"{consecutiveFailures} failed actions in a row; last: {outcome.Message}";
                    machine.Fire(RunTrigger.Fail);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            finalMessage = "cancelled";
            failure = FailureKind.Cancelled;
            logger.LogWarning("Run {RunId} cancelled at step {Step}", runId, step);
            machine.Fire(RunTrigger.Cancel);
        }
        catch (Exception e) when (e is not InvalidOperationException || machine.CanFire(RunTrigger.Fail))
        {
            // Dead infrastructure (the browser crashed, the page closed): the run fails, the recording is closed.
            finalMessage = $"the run stopped: {e.Message}";
            failure = e switch
            {
                TimeoutException => FailureKind.StepTimeout,
                RecordingException => FailureKind.RecordingFailed,
                _ => FailureKind.Infrastructure,
            };
            if (e is RecordingException)
            {
                // Said once, by whoever shows the result; the log keeps it without a stack trace.
                finalMessage = e.Message;
                logger.LogInformation("Run {RunId} stopped at step {Step}: {Message}", runId, step, e.Message);
            }
            else
            {
                logger.LogError(e, "Run {RunId} failed at step {Step}", runId, step);
            }

            if (machine.CanFire(RunTrigger.Fail))
            {
                machine.Fire(RunTrigger.Fail);
            }
        }

        var status = machine.State switch
        {
            RunState.Completed => RunStatus.Completed,
            RunState.Cancelled => RunStatus.Cancelled,
            _ => RunStatus.Failed,
        };
        // The steps the recording holds: a step cut short before its action (cancelled while it waited for an approval or the
        // model, or the browser died while observing) was never written, so it is not counted.
        var steps = recorded;
        failure = status == RunStatus.Completed ? FailureKind.None : failure == FailureKind.None ? FailureKind.TaskFailed : failure;
        try
        {
            await Recording(() => recorder.CompleteAsync(manifest with
            {
                Status = status,
                Failure = failure,
                Message = finalMessage,
                EndedAt = time.GetUtcNow(),
                Steps = steps,
                Tokens = tokens,
                Cost = cost,
                Skill = skill ?? manifest.Skill,
            })).ConfigureAwait(false);
        }
        catch (RecordingException e)
        {
            // A result whose recording could not be closed cannot be shown to anyone: it is not reported as a success.
            logger.LogInformation("Run {RunId}: {Message}", runId, e.Message);
            if (failure != FailureKind.RecordingFailed)
            {
                finalMessage = status == RunStatus.Completed ? e.Message : $"{finalMessage}; {e.Message}";
            }

            status = status == RunStatus.Cancelled ? status : RunStatus.Failed;
            failure = status == RunStatus.Cancelled ? failure : FailureKind.RecordingFailed;
        }

        logger.LogInformation("Run {RunId} ended {Status} ({Failure}) after {Steps} steps", runId, status, failure, steps);
        logger.LogTrace("Run {RunId} ended: {Message}", runId, finalMessage);
        return new RunResult(runId, status, finalMessage, Math.Max(0, steps - options.PreludeSteps))
        {
            Failure = failure,
            Tokens = tokens,
            Cost = cost,
            RecordingPath = (recorder as JsonRunRecorder)?.RunDirectory,
        };
    }

    private async Task<(StepRecord Record, StepImages Images)> RunStepAsync(
        string runId, string task, int step, RunMachine machine, List<StepSummary> history, List<Refusal> refusals, StepRecord? lastAction, Action<int> begun, CancellationToken runToken)
    {
        var startedAt = time.GetUtcNow();
        double observeMs = 0, decideMs = 0, approvalMs = 0, executeMs = 0, verifyMs = 0;
        var clock = Stopwatch.StartNew();

        using var stepCts = CancellationTokenSource.CreateLinkedTokenSource(runToken);
        stepCts.CancelAfter(options.StepTimeout);
        var ct = stepCts.Token;

        Observation observation;
        try
        {
            observation = await perceiver.ObserveAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!runToken.IsCancellationRequested)
        {
            throw new TimeoutException($"observing the page took longer than the step timeout ({options.StepTimeout.TotalSeconds:0}s)");
        }

        observeMs = Lap(clock);
        machine.Fire(RunTrigger.Observed);

        ProposedAction proposal;
        try
        {
            proposal = await decider.DecideAsync(new DecisionContext(runId, task, step, observation, history.ToArray()), ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!runToken.IsCancellationRequested)
        {
            proposal = new ProposedAction(new FailAction($"the decider did not answer within the step timeout ({options.StepTimeout.TotalSeconds:0}s)") { Failure = FailureKind.StepTimeout }, "step timeout")
            {
                DecidedBy = decider.Name,
            };
        }

        decideMs = Lap(clock);
        machine.Fire(RunTrigger.Decided);
        logger.LogInformation("Step {Step} proposed {ActionKind} on {Target}", step, proposal.Action.Kind,
            proposal.Action.PrimaryTarget is { ElementId: { } elementId } ? $"#{elementId}" : proposal.Action.PrimaryTarget?.Point?.ToString() ?? "the page");
        logger.LogTrace("Step {Step} proposed {Action} ({Reason})", step, proposal.Action.Describe(), proposal.Reason);

        var screenshotFile = observation.Screenshot.IsEmpty ? null : RecordingSchema.ScreenshotFile(step);
        var summary = new ObservationSummary(observation.Url, observation.Title, observation.Elements.Count, screenshotFile)
        {
            ScreenshotWidth = observation.Geometry.ScreenshotWidth,
            ScreenshotHeight = observation.Geometry.ScreenshotHeight,
            CssWidth = observation.Geometry.CssWidth,
            CssHeight = observation.Geometry.CssHeight,
            Notes = observation.Notes,
        };
        var target = proposal.Action.PrimaryTarget is { } t ? ResolveTarget(t, observation) : null;

        StepRecord Record(Verdict? verdict, ApprovalDecision? decision, ActionOutcome outcome) => new()
        {
            RunId = runId,
            Step = step,
            StartedAt = startedAt,
            Observation = summary,
            Proposal = proposal,
            Target = target,
            Verdict = verdict,
            Decision = decision,
            Outcome = outcome,
            Durations = new StepDurations(observeMs, decideMs, approvalMs, executeMs, verifyMs),
        };

        // The set-of-marks image is recorded when a model or reviewer already had it drawn, or always when asked to.
        (StepRecord, StepImages) Finish(StepRecord record)
        {
            // A page with no elements has nothing to mark (the blank page before the start URL opens).
            ReadOnlyMemory<byte> marks = default;
            try
            {
                marks = options.RecordMarks switch
                {
                    _ when observation.Elements.Count == 0 => default,
                    MarksRecording.Always => observation.MarkedScreenshot,
                    MarksRecording.WhenDrawn when observation.MarksDrawn => observation.MarkedScreenshot,
                    _ => default,
                };
            }
            catch (Exception e) when (e is InvalidDataException or ArgumentException or InvalidOperationException)
            {
                // The marks are a convenience for readers of the recording: a frame they cannot be drawn on does not stop the run.
                logger.LogWarning("Step {Step}: no set-of-marks image recorded ({Reason})", step, e.Message);
            }
            return marks.IsEmpty
                ? (record, new StepImages(observation.Screenshot))
                : (record with { Observation = record.Observation with { MarkedScreenshotFile = RecordingSchema.MarkedScreenshotFile(step) } }, new StepImages(observation.Screenshot, marks));
        }

        switch (proposal.Action)
        {
            case DoneAction done when refusals.Count > 0:
                // A refused action is final: whatever else the decider did, the run cannot claim the task was done.
                machine.Fire(RunTrigger.Fail);
                var refused = refusals[0];
                return Finish(Record(null, null, ActionOutcome.Failed(refused.Kind == FailureKind.NotVerified
                    ? $"the decider said done ({done.Result}), but step {refused.Step} was an irreversible action whose effect was not seen: {refused.Message}"
                    : $"the decider said done ({done.Result}), but step {refused.Step} was refused: {refused.Message}", refused.Kind)));
            case DoneAction done when lastAction is { Outcome.Succeeded: false } unverified:
                machine.Fire(RunTrigger.Fail);
                return Finish(Record(null, null, ActionOutcome.Failed(
                    $"the decider said done ({done.Result}), but the last action (step {unverified.Step}, {unverified.Proposal.Action.Describe()}) did not succeed: {unverified.Outcome.Message}",
                    FailureKind.NotVerified)));
            case DoneAction done:
                machine.Fire(RunTrigger.Finish);
                return Finish(Record(null, null, ActionOutcome.Success(done.Result)));
            case FailAction fail:
                machine.Fire(RunTrigger.Fail);
                return Finish(Record(null, null, ActionOutcome.Failed(fail.Reason, fail.Failure)));
            case AskHumanAction ask:
                machine.Fire(RunTrigger.Fail);
                return Finish(Record(null, null, ActionOutcome.Failed($"the agent needs a person to answer: {ask.Question}", FailureKind.NeedsHuman)));
        }

        if (proposal.Action is RunSkillAction unexpanded)
        {
            // A skill call is expanded into its steps by the skills layer; one that reaches the loop is run by nobody.
            var verdictSkill = new Verdict(VerdictKind.Deny, RiskClass.Read, "unexpanded-skill", $"{unexpanded.Describe()} was not expanded into steps");
            machine.Fire(RunTrigger.Denied);
            return Finish(Record(verdictSkill, ApprovalDecision.From(verdictSkill), ActionOutcome.Failed($"{unexpanded.Skill}: no skills are available to this decider; use the page's actions")));
        }

        if (proposal.Action.PrimaryTarget?.ElementId is { } id && observation.Find(id) is null)
        {
            // An id the observation does not have is the decider's mistake: tell it, do not guess.
            var verdictMissing = new Verdict(VerdictKind.Deny, RiskClass.Read, "unknown-element", $"element #{id} is not on the page");
            machine.Fire(RunTrigger.Denied);
            return Finish(Record(verdictMissing, ApprovalDecision.From(verdictMissing), ActionOutcome.Failed($"element #{id} does not exist in the current observation; choose an id from the element list")));
        }

        var fingerprint = Fingerprint(proposal, target, observation.Url);
        if (refusals.FirstOrDefault(r => r.Kind == FailureKind.NotApproved && r.Fingerprint == fingerprint) is { } earlier)
        {
            // The reviewer already said no to this very action in this run: do not ask again.
            var verdictRefused = new Verdict(VerdictKind.Deny, RiskClass.Read, "already-refused", $"step {earlier.Step} refused the same action");
            machine.Fire(RunTrigger.Denied);
            return Finish(Record(verdictRefused, ApprovalDecision.From(verdictRefused),
                ActionOutcome.Skipped($"not asked again: the same action was refused at step {earlier.Step} ({earlier.Message})", FailureKind.NotApproved)));
        }

        if (refusals.FirstOrDefault(r => r.Kind == FailureKind.NotVerified && r.Fingerprint == fingerprint) is { } uncertain)
        {
            // "Submit" pressed once with no effect seen may still have submitted: pressing it again could submit twice.
            var verdictAgain = new Verdict(VerdictKind.Deny, RiskClass.Read, "unverified-irreversible", $"step {uncertain.Step} already ran the same irreversible action");
            machine.Fire(RunTrigger.Denied);
            return Finish(Record(verdictAgain, ApprovalDecision.From(verdictAgain),
                ActionOutcome.Skipped($"not run again: step {uncertain.Step} ran the same irreversible action and its effect was not seen ({uncertain.Message}); check the page before trying again", FailureKind.PolicyDenied)));
        }

        var verdict = policy.Evaluate(proposal, observation);
        logger.LogInformation("Step {Step} verdict {Verdict} ({Risk}, rule {Rule})", step, verdict.Kind, verdict.Risk, verdict.Rule);
        logger.LogTrace("Step {Step} verdict {Verdict}", step, verdict.ToString());
        ApprovalDecision decision;
        if (verdict.IsDenied)
        {
            machine.Fire(RunTrigger.Denied);
            decision = ApprovalDecision.From(verdict);
            return Finish(Record(verdict, decision, ActionOutcome.Skipped($"denied by policy ({verdict.Rule}): {verdict.Reason}", FailureKind.PolicyDenied)));
        }

        if (verdict.NeedsApproval)
        {
            machine.Fire(RunTrigger.ApprovalRequired);
            clock.Restart();
            decision = await approver.RequestAsync(new ApprovalRequest(runId, step, proposal, verdict)
            {
                Task = task,
                PolicyHash = policyHash,
                TargetElement = target,
                Url = observation.Url,
                Geometry = observation.Geometry,
                // The reviewer sees the clean screenshot with only the target highlighted; the numbered marks go to a second tab.
                AnnotatedScreenshot = observation.Screenshot,
                MarksScreenshot = observation.MarkedScreenshot.IsEmpty ? default : observation.MarkedScreenshot,
            }, runToken).ConfigureAwait(false);
            approvalMs = Lap(clock);
            logger.LogInformation("Step {Step} approval: {Approved} by {Reviewer} ({Reason})", step, decision.IsApproved, decision.Reviewer, decision.Reason);
            if (!decision.IsApproved)
            {
                machine.Fire(RunTrigger.Rejected);
                var why = decision.Expired ? $"approval expired: {decision.Reason}" : $"rejected by {decision.Reviewer}: {decision.Reason}";
                return Finish(Record(verdict, decision, ActionOutcome.Skipped(why, FailureKind.NotApproved)));
            }

            machine.Fire(RunTrigger.Approved);
            if (decision.EditedValue is { } edited && proposal.Action is TypeTextAction type)
            {
                proposal = proposal with { Action = type with { Text = edited } };
            }
        }
        else
        {
            decision = ApprovalDecision.From(verdict);
            machine.Fire(RunTrigger.Allowed);
        }

        // The step is on disk before its action runs: if the run dies before the step is finished, the recording shows what
        // was being carried out; if the disk cannot take it, the action does not run.
        var (intent, intentImages) = Finish(Record(verdict, decision, ActionOutcome.Failed(
            "the run stopped while this action was being carried out; whether it took effect is unknown", FailureKind.Infrastructure)));
        await Recording(() => recorder.BeginStepAsync(intent with { Executing = true }, intentImages, CancellationToken.None)).ConfigureAwait(false);
        begun(step);

        clock.Restart();
        ActionOutcome outcome;
        try
        {
            await verifier.PrepareAsync(proposal, observation, ct).ConfigureAwait(false);
            outcome = await executor.ExecuteAsync(proposal, observation, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!runToken.IsCancellationRequested)
        {
            outcome = ActionOutcome.Failed($"the action did not finish within the step timeout ({options.StepTimeout.TotalSeconds:0}s)", FailureKind.StepTimeout);
        }

        executeMs = Lap(clock);
        machine.Fire(RunTrigger.Executed);
        try
        {
            outcome = await verifier.VerifyAsync(proposal, observation, outcome, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!runToken.IsCancellationRequested)
        {
            // Verification is advisory: a timeout there keeps the executor's outcome.
        }

        verifyMs = Lap(clock);
        machine.Fire(RunTrigger.Verified);
        logger.LogInformation("Step {Step} outcome {Status} ({Failure})", step, outcome.Status, outcome.Failure);
        logger.LogTrace("Step {Step} outcome {Outcome}", step, outcome.ToString());
        return Finish(Record(verdict, decision, outcome));
    }

    /// <summary>Runs a recorder call; a disk that will not take the write becomes a <see cref="RecordingException"/>.</summary>
    private async Task Recording(Func<Task> write)
    {
        try
        {
            await write().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RecordingException(
                $"could not write the recording ({e.Message.TrimEnd('.')}): free disk space or pass --recordings DIR on another disk; nothing more was carried out", e);
        }
    }

    /// <summary>What makes two proposals "the same action" for a reviewer: the fingerprint an approval is bound to.</summary>
    private string Fingerprint(ProposedAction proposal, UiElement? target, string url) =>
        ActionFingerprint.Of(proposal, target, url, policyHash).Value;

    private string Fingerprint(StepRecord record) => Fingerprint(record.Proposal, record.Target, record.Observation.Url);

    private sealed record Refusal(int Step, string Fingerprint, FailureKind Kind, string Message);

    private static UiElement? ResolveTarget(ActionTarget target, Observation observation)
    {
        if (target.ElementId is { } id)
        {
            return observation.Find(id);
        }

        if (target.Point is { } p)
        {
            var css = observation.Geometry.ToCss(p);
            return observation.Elements.Where(e => e.Bounds.Contains(css.X, css.Y)).MinBy(e => e.Bounds.Area);
        }

        return null;
    }

    private static double Lap(Stopwatch clock)
    {
        var ms = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        return ms;
    }

    private string NewRunId() =>
        $"{time.GetUtcNow():yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}";
}
