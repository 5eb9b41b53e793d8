using System.Diagnostics;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;
using ActionAgent.Flows.Caching;
using ActionAgent.Flows.Definition;
using ActionAgent.Flows.Expectations;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Flows.Running;

/// <summary>
/// Runs flows: each in its own session, each instruction as one task of the Core <see cref="AgentLoop"/> (policy,
/// approval and recording included), expectations checked without a model. Flows run on <c>Workers</c> workers;
/// a flow that hangs fails with "timed out after …" and the others keep running.
/// </summary>
public sealed class FlowRunner
{
    private readonly IFlowSessionFactory _sessions;
    private readonly Func<FlowDefinition, IDecider> _deciders;
    private readonly FlowRunnerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<FlowRunner> _logger;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<IDecider, byte> _usedDeciders = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Creates a runner; <paramref name="deciders"/> gives each flow its decider (for example a CachingDecider over the
    /// StepInterpreter). Policy and approval come with each session from the governed pipeline behind <paramref name="sessions"/>.
    /// </summary>
    public FlowRunner(
        IFlowSessionFactory sessions,
        Func<FlowDefinition, IDecider> deciders,
        FlowRunnerOptions options,
        TimeProvider time,
        ILoggerFactory loggerFactory)
    {
        _sessions = sessions ?? throw new ArgumentNullException(nameof(sessions));
        _deciders = deciders ?? throw new ArgumentNullException(nameof(deciders));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _logger = loggerFactory.CreateLogger<FlowRunner>();
    }

    /// <summary>Creates a runner that shares one thread-safe decider between all flows.</summary>
    public FlowRunner(IFlowSessionFactory sessions, IDecider decider, FlowRunnerOptions options, TimeProvider time, ILoggerFactory loggerFactory)
        : this(sessions, _ => decider, options, time, loggerFactory)
    {
    }

    /// <summary>Checks expectations; give it an image comparer and cropper to check visual regions.</summary>
    public ExpectationChecker Checker { get; init; } = ExpectationChecker.Default;

    /// <summary>Runs the flows that loaded; files that did not load are reported as failures in the result.</summary>
    public async Task<FlowSuiteResult> RunAsync(FlowLoadResult loaded, IFlowProgress? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var suite = await RunAsync(loaded.Flows, progress, cancellationToken).ConfigureAwait(false);
        return suite with { LoadErrors = loaded.Errors };
    }

    /// <summary>Runs the flows that match the tag filter, <c>Workers</c> at a time; results keep the input order.</summary>
    public async Task<FlowSuiteResult> RunAsync(IReadOnlyList<FlowDefinition> flows, IFlowProgress? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(flows);
        var started = _time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var selected = flows.Where(f => f.HasAnyTag(_options.Tags)).ToList();
        _logger.LogInformation("Running {Count} flows ({Filtered} left out by tags) on {Workers} workers", selected.Count, flows.Count - selected.Count, _options.Workers);
        var results = new FlowResult[selected.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, selected.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Workers) },
            async (i, _) => results[i] = await RunFlowAsync(selected[i], progress, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        var caches = _usedDeciders.Keys.OfType<CachingDecider>().ToList();
        var cache = caches.Count == 0 ? null : caches.Select(c => c.Statistics).Aggregate((a, b) =>
            new CacheStatistics(a.Hits + b.Hits, a.Misses + b.Misses, a.Relocated + b.Relocated, a.Healed + b.Healed, a.Invalidated + b.Invalidated));
        if (cache is not null)
        {
            _logger.LogInformation("Action {Cache}", cache.ToString());
        }

        return new FlowSuiteResult(results, started, clock.Elapsed)
        {
            FilteredOut = flows.Count - selected.Count,
            Cache = cache,
            Heals = caches.SelectMany(c => c.Heals).OrderBy(h => h.At).ToList(),
        };
    }

    /// <summary>Runs one flow to its end, its timeout or cancellation. Never throws for flow failures: they are in the result.</summary>
    public async Task<FlowResult> RunFlowAsync(FlowDefinition flow, IFlowProgress? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var started = _time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var timeout = flow.Timeout ?? _options.DefaultTimeout;
        var runId = $"{started:yyyyMMdd-HHmmss}-{Slug.From(flow.Name)}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(2))}";
        var recorder = new FlowRecorder(_options.RecordingsRoot is null ? null : new JsonRunRecorder(_options.RecordingsRoot), runId);
        var run = new FlowRun(flow, recorder, progress);
        using var scope = _logger.BeginScope(new Dictionary<string, object> { ["Flow"] = flow.Name, ["RunId"] = runId });

        if (cancellationToken.IsCancellationRequested)
        {
            return Finish(run, FlowStatus.Cancelled, "the test run was cancelled before this flow started", clock.Elapsed, started);
        }

        progress?.Report(new FlowProgressEvent(FlowProgressKind.FlowStarted, flow.Name, 0, flow.Steps.Count, flow.Url));
        _logger.LogInformation("Flow {Flow} started ({Steps} steps, timeout {Timeout})", flow.Name, flow.Steps.Count, FlowDuration.Format(timeout));
        IDecider decider;
        try
        {
            decider = _deciders(flow);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogError(e, "No decider for flow {Flow}", flow.Name);
            return Finish(run, FlowStatus.Error, $"could not create the decider: {e.Message}", clock.Elapsed, started);
        }

        _usedDeciders.TryAdd(decider, 0);
        var manifest = new RunManifest
        {
            RunId = runId,
            Task = flow.Invocation?.Task ?? $"flow: {flow.Name}",
            Skill = flow.Invocation?.Record,
            Decider = decider.Name,
            StartUrl = ResolveUrl(flow.Url),
            StartedAt = started,
            Versions = new Dictionary<string, string> { ["flow"] = flow.SourcePath },
        };

        using var timeoutCts = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
        var core = RunCoreAsync(run, manifest, decider, linked.Token);
        FlowStatus status;
        string message;
        try
        {
            (status, message) = await core.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeoutCts.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            status = FlowStatus.TimedOut;
            message = $"timed out after {FlowDuration.Format(timeout)}{run.Where()}";
            _logger.LogWarning("Flow {Flow} {Message}", flow.Name, message);
            Observe(core);
            await run.CloseSessionAsync(_time).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            status = FlowStatus.Cancelled;
            message = $"cancelled{run.Where()}";
            Observe(core);
            await run.CloseSessionAsync(_time).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Dead infrastructure (the page closed, the disk is full): this flow errs, the others go on.
            status = FlowStatus.Error;
            message = $"the flow stopped{run.Where()}: {e.Message}";
            _logger.LogError(e, "Flow {Flow} stopped", flow.Name);
            await run.CloseSessionAsync(_time).ConfigureAwait(false);
        }

        if (run.RecordingStarted)
        {
            try
            {
                await recorder.FinishAsync(manifest with
                {
                    Status = status == FlowStatus.Passed ? RunStatus.Completed : status == FlowStatus.Cancelled ? RunStatus.Cancelled : RunStatus.Failed,
                    Message = message,
                    EndedAt = _time.GetUtcNow(),
                }).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                // A flow whose recording could not be closed cannot be shown to have passed.
                _logger.LogWarning("Could not close the recording of flow {Flow}: {Message}", flow.Name, e.Message);
                if (status == FlowStatus.Passed)
                {
                    status = FlowStatus.Error;
                    message = $"could not write the recording ({e.Message.TrimEnd('.')}): free disk space or pass --recordings DIR on another disk";
                }
            }
        }

        return Finish(run, status, message, clock.Elapsed, started);
    }

    private FlowResult Finish(FlowRun run, FlowStatus status, string message, TimeSpan duration, DateTimeOffset started)
    {
        var result = new FlowResult(run.Flow, status, message, duration)
        {
            Steps = run.SnapshotSteps(),
            Expectations = run.SnapshotExpectations(),
            RecordingPath = run.RecordingStarted ? run.Recorder.Directory : null,
            TracePath = run.TracePath,
            StartedAt = started,
            FailureScreenshot = status == FlowStatus.Passed ? default : run.FailureScreenshot,
            Tokens = run.Recorder.Tokens,
            Cost = run.Recorder.Cost,
        };
        _logger.LogInformation("Flow {Flow} {Status} in {Seconds:0.0}s: {Message}", run.Flow.Name, status, duration.TotalSeconds, message);
        run.Progress?.Report(new FlowProgressEvent(FlowProgressKind.FlowFinished, run.Flow.Name, 0, run.Flow.Steps.Count, run.Flow.Name)
        {
            Passed = status == FlowStatus.Passed,
            Message = message,
            Status = status,
        });
        return result;
    }

    private async Task<(FlowStatus, string)> RunCoreAsync(FlowRun run, RunManifest manifest, IDecider decider, CancellationToken ct)
    {
        // Let the caller's WaitAsync own the timeout even when a fake or a session blocks synchronously.
        await Task.Yield();
        var flow = run.Flow;
        IFlowSession session;
        try
        {
            session = await _sessions.CreateAsync(flow.Name, new FlowSessionOptions { Settle = _options.Settle, RunId = manifest.RunId, Task = manifest.Task }, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (FlowStatus.Error, $"could not start a browser session: {e.Message}");
        }

        await using var handle = run.Attach(session);
        await run.Recorder.StartAsync(manifest, ct).ConfigureAwait(false);
        run.RecordingStarted = _options.RecordingsRoot is not null;
        var outcome = (Status: FlowStatus.Error, Message: "the flow stopped");
        try
        {
            outcome = await RunStepsAsync(run, session, manifest, decider, ct).ConfigureAwait(false);
            return outcome;
        }
        finally
        {
            // Kept (by its mode) whatever ended the flow: a timeout or a crash is when a trace helps most.
            run.TracePath = await session.SaveTraceAsync(run.RecordingStarted ? run.Recorder.Directory : null, outcome.Status != FlowStatus.Passed).ConfigureAwait(false);
        }
    }

    private async Task<(FlowStatus Status, string Message)> RunStepsAsync(FlowRun run, IFlowSession session, RunManifest manifest, IDecider decider, CancellationToken ct)
    {
        var flow = run.Flow;

        try
        {
            await session.NavigateAsync(manifest.StartUrl!, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (FlowStatus.Error, $"could not open {manifest.StartUrl}: {e.Message}");
        }

        foreach (var step in flow.Steps)
        {
            ct.ThrowIfCancellationRequested();
            run.Enter(step);
            var clock = Stopwatch.StartNew();
            FlowStepResult result;
            if (step.Expectation is { } expectation)
            {
                var (check, observation) = await CheckAsync(session.Perceiver, expectation, ct).ConfigureAwait(false);
                result = new FlowStepResult(step.Index, step.Text, true, check.Passed, check.Message, clock.Elapsed)
                {
                    Expectation = check,
                    Url = observation?.Url,
                    FailureScreenshot = check.Passed || observation is null ? default : observation.Screenshot,
                };
            }
            else
            {
                run.Recorder.CurrentInstruction = step.Instruction;
                var before = run.Recorder.Steps;
                var loop = session.CreateLoop(decider, run.Recorder, _options.Agent);
                var outcome = await loop.RunAsync(new RunRequest(step.Instruction!) { RunId = $"{manifest.RunId}-step{step.Index}", StartUrl = null }, ct).ConfigureAwait(false);
                ct.ThrowIfCancellationRequested();
                var passed = outcome.Status == RunStatus.Completed;
                var screenshot = passed ? default : (await TryObserveAsync(session.Perceiver, ct).ConfigureAwait(false))?.Screenshot ?? default;
                result = new FlowStepResult(step.Index, step.Text, false, passed, passed ? outcome.Message : $"could not carry it out: {outcome.Message}", clock.Elapsed)
                {
                    Actions = run.Recorder.Steps - before,
                    FailureScreenshot = screenshot,
                };
            }

            run.Complete(result);
            if (!result.Passed)
            {
                return (FlowStatus.Failed, $"step {step.Index} \"{step.Text}\": {result.Message}");
            }
        }

        var failures = new List<string>();
        foreach (var expectation in flow.Expectations)
        {
            var (check, observation) = await CheckAsync(session.Perceiver, expectation, ct).ConfigureAwait(false);
            run.AddExpectation(check, observation);
            if (!check.Passed)
            {
                failures.Add(check.Message);
            }
        }

        return failures.Count == 0
            ? (FlowStatus.Passed, $"passed: {flow.Steps.Count} steps, {flow.Expectations.Count + flow.Steps.Count(s => s.IsExpectation)} expectations")
            : (FlowStatus.Failed, string.Join("; ", failures));
    }

    /// <summary>Checks an expectation, observing again until it holds or the expectation timeout passes (pages settle).</summary>
    private async Task<(ExpectationResult, Observation?)> CheckAsync(IPerceiver perceiver, Expectation expectation, CancellationToken ct)
    {
        var deadline = _time.GetUtcNow() + _options.ExpectationTimeout;
        while (true)
        {
            var observation = await perceiver.ObserveAsync(ct).ConfigureAwait(false);
            var result = Checker.Check(expectation, observation);
            if (result.Passed || result.Final || _time.GetUtcNow() >= deadline)
            {
                _logger.LogInformation("Expectation {Expectation}: {Result}", expectation.Source, result.Passed ? "passed" : "failed");
                return (result, observation);
            }

            await Task.Delay(_options.ExpectationPollInterval, _time, ct).ConfigureAwait(false);
        }
    }

    private async Task<Observation?> TryObserveAsync(IPerceiver perceiver, CancellationToken ct)
    {
        try
        {
            return await perceiver.ObserveAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogWarning(e, "Could not take a screenshot of the failure");
            return null;
        }
    }

    private string ResolveUrl(string url) =>
        _options.BaseUrl is { } b && !Uri.TryCreate(url, UriKind.Absolute, out _) ? b.TrimEnd('/') + "/" + url.TrimStart('/') : url;

    private static void Observe(Task task) =>
        task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    /// <summary>The mutable state of one running flow; shared between the flow's task and the timeout path.</summary>
    private sealed class FlowRun(FlowDefinition flow, FlowRecorder recorder, IFlowProgress? progress)
    {
        private readonly Lock _gate = new();
        private readonly List<FlowStepResult> _steps = [];
        private readonly List<ExpectationResult> _expectations = [];
        private OnceAsyncDisposable? _session;
        private FlowStep? _current;

        public FlowDefinition Flow => flow;

        public FlowRecorder Recorder => recorder;

        public IFlowProgress? Progress => progress;

        public bool RecordingStarted { get; set; }

        public string? TracePath { get; set; }

        public ReadOnlyMemory<byte> FailureScreenshot { get; private set; }

        public OnceAsyncDisposable Attach(IFlowSession session) => _session = new OnceAsyncDisposable(session);

        public void Enter(FlowStep step)
        {
            lock (_gate)
            {
                _current = step;
            }

            progress?.Report(new FlowProgressEvent(FlowProgressKind.StepStarted, flow.Name, step.Index, flow.Steps.Count, step.ToString()));
        }

        public void Complete(FlowStepResult result)
        {
            lock (_gate)
            {
                _steps.Add(result);
                _current = null;
                if (!result.Passed && !result.FailureScreenshot.IsEmpty)
                {
                    FailureScreenshot = result.FailureScreenshot;
                }
            }

            progress?.Report(new FlowProgressEvent(FlowProgressKind.StepFinished, flow.Name, result.Index, flow.Steps.Count, result.Text)
            {
                Passed = result.Passed,
                Message = result.Message,
            });
        }

        public void AddExpectation(ExpectationResult result, Observation? observation)
        {
            lock (_gate)
            {
                _expectations.Add(result);
                if (!result.Passed && observation is not null && FailureScreenshot.IsEmpty)
                {
                    FailureScreenshot = observation.Screenshot;
                }
            }
        }

        public string Where()
        {
            lock (_gate)
            {
                return _current is { } s ? $" at step {s.Index} \"{s.Text}\"" : _steps.Count == flow.Steps.Count && _steps.Count > 0 ? " while checking the final expectations" : "";
            }
        }

        public IReadOnlyList<FlowStepResult> SnapshotSteps()
        {
            lock (_gate)
            {
                return _steps.ToArray();
            }
        }

        public IReadOnlyList<ExpectationResult> SnapshotExpectations()
        {
            lock (_gate)
            {
                return _expectations.ToArray();
            }
        }

        /// <summary>After a timeout: close the session (which usually unblocks the hung call), waiting at most 10 s.</summary>
        public async Task CloseSessionAsync(TimeProvider time)
        {
            if (_session is null)
            {
                return;
            }

            try
            {
                await _session.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10), time).ConfigureAwait(false);
            }
            catch (Exception e) when (e is TimeoutException or ObjectDisposedException or InvalidOperationException or IOException)
            {
                // The session is beyond saving; the flow already failed with its timeout.
            }
        }
    }
}
