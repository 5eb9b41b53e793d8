using System.Collections.Concurrent;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// The offline default decider: carries out tasks written as explicit steps in plain English ("Type ops into
/// Username", "Select Damaged item from the Reason list", "Click Submit refund") with no model. Each step is grounded
/// on the current observation by fuzzy text matching; a cursor per run advances when the last action succeeded.
/// </summary>
public sealed class StepInterpreter : IDecider
{
    private static readonly IReadOnlySet<int> NoPenalties = new HashSet<int>();

    private readonly StepInterpreterOptions _options;
    private readonly StepResolver _resolver;
    private readonly StepExplorer _explorer;
    private readonly ILogger<StepInterpreter> _logger;
    private readonly ConcurrentDictionary<string, RunCursor> _runs = new(StringComparer.Ordinal);

    /// <summary>Creates an interpreter; options default to <see cref="StepInterpreterOptions"/>'s defaults.</summary>
    public StepInterpreter(StepInterpreterOptions? options = null, ILogger<StepInterpreter>? logger = null)
    {
        _options = options ?? new StepInterpreterOptions();
        var meaning = _options.Meaning is { } model ? new MeaningMatcher(model, _options.MeaningMinSimilarity, _options.MeaningMargin) : null;
        _resolver = new StepResolver(_options, meaning);
        _explorer = new StepExplorer(_options);
        _logger = logger ?? NullLogger<StepInterpreter>.Instance;
    }

    /// <inheritdoc />
    public string Name => "step-interpreter";

    /// <summary>Splits a task into steps without looking at any page; unknown sentences come back as <see cref="StepKind.Implicit"/>.</summary>
    public static IReadOnlyList<InterpretedStep> Parse(string task) => StepParser.Parse(task);

    /// <summary>Grounds one step on an observation: the action it would take and how sure the match is (<see cref="StepGrounding.Score"/>).</summary>
    public StepGrounding Ground(InterpretedStep step, Observation observation)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(observation);
        return _resolver.Resolve(step, new PageIndex(observation), NoPenalties);
    }

    /// <inheritdoc />
    public Task<ProposedAction> DecideAsync(DecisionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var proposal = Decide(context);
        if (proposal.Action.IsTerminal)
        {
            _runs.TryRemove(context.RunId, out _);
        }

        return Task.FromResult(proposal);
    }

    // An expanding click showed something: elements that were not shown before it, or the clicked element marked expanded.
    private static bool Opened(RunCursor cursor, HashSet<int> ids, Observation page) =>
        cursor.IdsAtProposal is not { } before || ids.Any(id => !before.Contains(id))
        || cursor.LastElementId is { } clicked && page.Elements.Any(e => e.Id == clicked && (e.Expanded == true || e.Submenu == true));

    // A collapsing click hid something: elements shown before it are gone, or the clicked element is marked collapsed.
    private static bool Closed(RunCursor cursor, HashSet<int> ids, Observation page) =>
        cursor.IdsAtProposal is not { } before || before.Any(id => !ids.Contains(id))
        || cursor.LastElementId is { } clicked && page.Elements.Any(e => e.Id == clicked && e.Expanded == false);

    // What the click or hover that finished the last step brought up (a submenu, a popup, a panel): "open Delphi, then
    // select Saarland" means the Saarland that just appeared, not one that was on the page before. As a preference only
    // a small part of the page counts (a new page, or perception without stable ids, brings up everything and so
    // nothing); as the scope of "its …" / "… inside it" a swapped panel counts too, as long as part of the page stayed.
    private static (IReadOnlySet<int> Preferred, IReadOnlySet<int> Scope) Brought(RunCursor cursor, HashSet<int> ids)
    {
        if (cursor.IdsAtProposal is not { } before || cursor.ProposedKind is not (StepKind.Click or StepKind.Implicit or StepKind.Hover or StepKind.DoubleClick or StepKind.RightClick or StepKind.AnswerDialog))
        {
            return (NoPenalties, NoPenalties);
        }

        var brought = ids.Where(id => !before.Contains(id)).ToHashSet();
        if (brought.Count == 0 || ids.Count(before.Contains) == 0)
        {
            return (NoPenalties, NoPenalties);
        }

        return (brought.Count * 2 <= ids.Count ? brought : NoPenalties, brought);
    }

    private ProposedAction Decide(DecisionContext context)
    {
        if (context.History.Count == 0 || !_runs.TryGetValue(context.RunId, out var cursor) || cursor.Task != context.Task)
        {
            cursor = new RunCursor(context.Task, Parse(context.Task));
            _runs[context.RunId] = cursor;
            _logger.LogDebug("Run {RunId}: task parsed into {Count} steps", context.RunId, cursor.Steps.Count);
            CatchUp(cursor, context);
        }

        if (cursor.Start is null && cursor.Index == 0 && cursor.Pending == RunCursor.Proposed.Nothing && context.Observation.Elements.Count > 0)
        {
            cursor.Start = new PageIndex(context.Observation);
        }

        if (cursor.Steps.Count == 0)
        {
            return Propose(new FailAction("the task has no steps: write one instruction per line or sentence, e.g. 'Click Sign in'"), "empty task", null, 1);
        }

        var retryNote = "";
        // Shown elements only: a submenu or tab panel that sits hidden in the DOM is "brought up" when it appears.
        var ids = context.Observation.Elements.Where(e => e.Bounds.Width > 0 && e.Bounds.Height > 0).Select(e => e.Id).ToHashSet();
        if (cursor.Pending == RunCursor.Proposed.Explore)
        {
            // A look (hover) was taken to bring the target out; whatever it did, ground the same step again.
            cursor.AfterAction = true;
            if (TooltipLookChangedThePage(cursor, ids) is { } changed)
            {
                return Propose(new FailAction($"{Where(cursor)}, '{cursor.Current.Text}': {changed}") { Failure = FailureKind.NotVerified },
                    "a tooltip look changed the page", cursor.Current, 1);
            }
        }
        else if (cursor.Pending == RunCursor.Proposed.Action && !cursor.IsFinished)
        {
            var last = context.Last;
            var pointed = cursor.PointedAt;
            cursor.PointedAt = null;
            if (last is { Succeeded: true } && pointed is { } entry && !Opened(cursor, ids, context.Observation))
            {
                // "Open menu item 1": pointing at the entry showed no menu; it is clicked next (once, as any click).
                cursor.Pointed.Add(entry);
                retryNote = $"; pointing at it showed nothing, so step {cursor.Index + 1} clicks it";
            }
            else if (last is { Succeeded: true } && (cursor.Current.Expands && !Opened(cursor, ids, context.Observation) || cursor.Current.Collapses && !Closed(cursor, ids, context.Observation)))
            {
                // "Expand "ordinary parent 1"": a click that only selected the node's name showed nothing new; another
                // element is tried (the node's toggle), and the step is never reported done by the first click.
                cursor.Attempts++;
                if (cursor.Attempts > _options.MaxRetriesPerStep)
                {
                    return Propose(new FailAction($"{Where(cursor)}, '{cursor.Current.Text}': clicking ({last.Action}) {(cursor.Current.Expands ? "showed nothing new and nothing is marked expanded" : "hid nothing and nothing is marked collapsed")}, after trying {Times(cursor.Attempts)}. Stopping here; check the page or the step.")
                    {
                        Failure = FailureKind.NotVerified,
                    }, "nothing expanded", cursor.Current, 1);
                }

                if (cursor.LastElementId is { } clicked)
                {
                    cursor.Penalized.Add(clicked);
                }

                retryNote = $"; retrying step {cursor.Index + 1}: the click before showed nothing new";
            }
            else if (last is null || last.Succeeded)
            {
                cursor.RecentDialogs = last?.ActionKind == "wait" ? cursor.RecentDialogs : last?.Dialogs ?? [];
                var checks = last is null ? [] : StepOutcomes.ChecksOf(last);
                if (pointed is not null && cursor.IdsAtProposal is { } shownBefore)
                {
                    checks = [.. checks, $"pointing at it showed its menu ({ids.Count(id => !shownBefore.Contains(id))} new elements)"];
                }

                cursor.Verified |= checks.Count > 0;
                if (checks.Count == 0 && cursor.Current.Kind is not (StepKind.Wait or StepKind.WaitForText or StepKind.Navigate or StepKind.GoBack or StepKind.Scroll or StepKind.Hover))
                {
                    cursor.Unconfirmed.Add(cursor.Index + 1);
                }

                if (cursor.LastElementId is { } acted)
                {
                    cursor.ActedOn.Add(acted);
                    cursor.LastTyped = cursor.Current.Kind is StepKind.Type or StepKind.Fill or StepKind.Set ? acted : cursor.LastTyped;
                }

                if (cursor.Current.DateValue is not null && !cursor.DayProposed && (cursor.CalendarPhase || CalendarByField(cursor, context.Observation)))
                {
                    // "Put 29/02/2016 in the Date field": its field shows a calendar, which may not have taken the text;
                    // the date is picked there too, and the step is done when its day is clicked.
                    cursor.CalendarPhase = true;
                }

                if (cursor.RepeatProposed || cursor.CalendarPhase && !cursor.DayProposed)
                {
                    // One move done (a month paged, a box ticked, an item dragged to an end of its list); the step holds
                    // once the page shows it (grounded again below: done, or one more move).
                    cursor.Moves++;
                    if (cursor.Moves > (cursor.Current.Kind is StepKind.Drag or StepKind.Sort ? _options.MaxToggleMoves : cursor.Current.Kind is StepKind.ClickUntil ? _options.MaxUntilClicks : _options.MaxCalendarMoves))
                    {
                        return Propose(new FailAction($"{Where(cursor)}, '{cursor.Current.Text}': the step was not done after {cursor.Moves} actions. Stopping here.")
                        {
                            Failure = FailureKind.NotVerified,
                        }, "repeated step not done", cursor.Current, 1);
                    }

                    if (cursor.Current.Removes)
                    {
                        // A row's actions menu opened by the move: its removing entry is looked for among what it brought up.
                        (cursor.Brought, cursor.BroughtScope) = Brought(cursor, ids);
                    }

                    cursor.NextMove();
                    return Decide(context);
                }

                cursor.Advance(checks.Count == 0 ? cursor.Current.Text : $"{cursor.Current.Text} (checked: {string.Join("; ", checks)})", confirmed: checks.Count > 0);
                cursor.AfterAction = true;
                (cursor.Brought, cursor.BroughtScope) = Brought(cursor, ids);
            }
            else
            {
                var step = cursor.Current;
                if (StepOutcomes.RefusalOf(last) is { } refusal)
                {
                    // A reviewer or the policy said no to this step: trying a look-alike element would go around them.
                    return Propose(new FailAction(
                        $"{Where(cursor)}, '{step.Text}' was refused: {last.Outcome}. A refused step is not tried on another element; the run stops here.")
                    {
                        Failure = refusal,
                    }, "refused", step, 1);
                }

                if (StepOutcomes.IsNotVerified(last) && last.Risk is Policy.RiskClass.Submit or Policy.RiskClass.Destructive or Policy.RiskClass.Egress)
                {
                    // It may have taken effect all the same: an irreversible step is never tried again (on any element).
                    return Propose(new FailAction(
                        $"{Where(cursor)}, '{step.Text}': its effect was not seen ({last.Action}): {last.Outcome}. It is irreversible and may have taken effect, so it is not tried again; check the page.")
                    {
                        Failure = FailureKind.NotVerified,
                    }, "irreversible step not verified", step, 1);
                }

                if (StepOutcomes.IsRefusedByPage(last))
                {
                    return Propose(new FailAction(
                        $"{Where(cursor)}, '{step.Text}': {last.Outcome}. The page answered with a refusal; doing it again would get the same answer, so the run stops here.")
                    {
                        Failure = FailureKind.NotVerified,
                    }, "refused by the page", step, 1);
                }

                if (step.Kind == StepKind.WaitForText && last.ActionKind == "wait")
                {
                    // "You should see "Thanks"": the page was watched for the whole wait; watching again would only say the same later.
                    return Propose(new FailAction($"{Where(cursor)}, '{step.Text}': the page did not show what the step expects: {last.Outcome}.")
                    {
                        Failure = FailureKind.NotVerified,
                    }, "expected text not shown", step, 1);
                }

                cursor.Attempts++;
                if (cursor.Attempts > _options.MaxRetriesPerStep)
                {
                    var kind = StepOutcomes.IsNotVerified(last) ? FailureKind.NotVerified : last.Failure is FailureKind.None ? FailureKind.ActionFailed : last.Failure;
                    var what = kind == FailureKind.NotVerified
                        ? $"its effect was not seen after trying {Times(cursor.Attempts)} ({last.Action}): {last.Outcome}"
                        : $"the action failed {Times(cursor.Attempts)} ({last.Action}): {last.Outcome}";
                    return Propose(new FailAction($"{Where(cursor)}, '{step.Text}': {what}. Stopping here; check the page or the step.") { Failure = kind },
                        "retries exhausted", step, 1);
                }

                if (last.Failure == FailureKind.StepTimeout)
                {
                    // Slow, not wrong: the element is not penalized (a look-alike elsewhere is not what was asked). If the
                    // page changed meanwhile the action may have taken effect: the step then holds only when its effect
                    // shows now, and is never proposed a second time (a toggle clicked twice undoes itself).
                    cursor.TimedOutWithChange = cursor.FingerprintAtProposal is { } then && then != Fingerprint(context.Observation)
                        || cursor.IdsAtProposal is { } shown && !shown.SetEquals(ids);
                }
                else if (cursor.LastElementId is { } failed)
                {
                    cursor.Penalized.Add(failed);
                }

                retryNote = $"; retrying step {cursor.Index + 1} after: {last.Outcome}";
                _logger.LogDebug("Run {RunId}: step {Index} failed, grounding it again", context.RunId, cursor.Index + 1);
            }
        }

        cursor.Pending = RunCursor.Proposed.Nothing;
        var page = new PageIndex(context.Observation);
        while (!cursor.IsFinished)
        {
            var step = cursor.Current;
            cursor.StepStart ??= page;
            var memory = new RunMemory(cursor.Start, cursor.ActedOn, cursor.LastTyped)
            {
                StepMoves = cursor.Moves, StepStart = cursor.StepStart, Pointed = cursor.Pointed, RemovedRow = cursor.RemovedRow,
            };
            // What the page asked in a browser dialog: answered while the step before ran (checked here), or open now.
            var asked = step.Kind == StepKind.AnswerDialog ? DialogAnswers.Check(step, cursor.RecentDialogs, context.Observation.OpenDialog) : null;
            if (asked?.Failure is { } wrong)
            {
                return Propose(new FailAction($"{Where(cursor)}, '{step.Text}': {wrong}") { Failure = FailureKind.NotVerified }, "dialog answered otherwise", step, 1);
            }

            var grounding = asked?.Grounding ?? (cursor.CalendarPhase && step.DateValue is { } date
                ? DateInCalendar(step, date, page, cursor, memory)
                : _resolver.Resolve(step, page, cursor.Penalized, cursor.Task, step.WithinPrevious ? cursor.BroughtScope : cursor.Brought, memory));
            if (cursor.TimedOutWithChange && grounding.Status != GroundingStatus.AlreadyDone)
            {
                return Propose(new FailAction(
                    $"{Where(cursor)}, '{step.Text}': the action ran past the step timeout and the page changed meanwhile, so it may have taken effect, but what the step asks for does not show ({grounding.Reason}). It is not done a second time; check the page, or give the run a longer --step-timeout.")
                {
                    Failure = FailureKind.NotVerified,
                }, "timed-out action not repeated", step, 1);
            }

            switch (grounding.Status)
            {
                case GroundingStatus.Grounded when grounding.Action is { } action:
                    cursor.IdsBeforeTooltip = null;
                    if (grounding.Element is { } placed && Elsewhere(step, grounding, placed, page, cursor, context) is { } elsewhere)
                    {
                        return Propose(new FailAction($"{Where(cursor)}, '{step.Text}': {elsewhere}") { Failure = FailureKind.NotGrounded },
                            "the element found is not in the step's place", step, grounding.Score);
                    }

                    cursor.Pending = RunCursor.Proposed.Action;
                    cursor.FingerprintAtProposal = Fingerprint(context.Observation);
                    cursor.IdsAtProposal = ids;
                    cursor.ProposedKind = step.Kind;
                    cursor.LastElementId = grounding.Element?.Id;
                    cursor.RepeatProposed = grounding.Repeats;
                    cursor.PointedAt = grounding.Points ? grounding.Element?.Id : null;
                    cursor.RemovedRow = grounding.RemovedRow ?? cursor.RemovedRow;
                    // What the step was matched against (the element's names, the row or place that decided it) counts as
                    // used by the action, for the check that nothing the task named was left out.
                    cursor.Evidence.Add(grounding.Reason);
                    if (action is TypeTextAction { Target.ElementId: { } typedInto, ClearFirst: true } typing && grounding.Element is { IsSecret: false } field
                        && field.Id == typedInto && step.DateValue is null && typing.Text.Trim().Length > 0 && !typing.Text.Contains("{{", StringComparison.Ordinal))
                    {
                        cursor.Typed.Add(new RunCursor.TypedOver(cursor.Index + 1, typedInto, field.Value ?? "", typing.Text, field.Label, context.Observation.Url));
                    }

                    if (grounding.Element is { } acted)
                    {
                        cursor.Evidence.AddRange(Described(acted, page));
                    }

                    _logger.LogDebug("Run {RunId}: step {Index} of {Count} ({Kind}) grounded, score {Score:0.00}",
                        context.RunId, cursor.Index + 1, cursor.Steps.Count, step.Kind, grounding.Score);
                    // "Click Delete and answer the confirmation with Cancel": the dialog is answered while the click runs.
                    // An answer to a browser dialog (Enter, Escape, the prompt's text) is itself no action that raises one.
                    var carried = asked is null ? step.Reply : null;
                    var answered = carried is { } reply && action.OnDialog is null ? action with { OnDialog = reply } : action;
                    return Propose(answered, $"{Where(cursor)}: {grounding.Reason}{(carried is { } r ? $" (a dialog it raises: {r.Describe()})" : "")}{retryNote}", step, grounding.Score);

                case GroundingStatus.AlreadyDone:
                    cursor.Evidence.Add(grounding.Reason);
                    cursor.Advance($"{step.Text} (checked: {grounding.Reason})", confirmed: true);
                    retryNote = "";
                    continue;

                case GroundingStatus.NotFound when cursor.Explored.Count < _options.MaxExplorationsPerStep
                    && _explorer.Next(step, page, cursor.Explored) is { } look:
                    cursor.Explored.Add(look.Action.PrimaryTarget?.ElementId ?? -1);
                    cursor.Pending = RunCursor.Proposed.Explore;
                    _logger.LogDebug("Run {RunId}: step {Index} not found, exploring", context.RunId, cursor.Index + 1);
                    return Propose(look.Action,
                        $"exploring for '{step.Target ?? step.Text}' ({Where(cursor)}, look {cursor.Explored.Count} of {_options.MaxExplorationsPerStep}): {look.Reason}; {grounding.Reason}",
                        step, 0.5);

                case GroundingStatus.NotFound when cursor.TooltipLooks.Count < _options.MaxTooltipLooks
                    && _explorer.NextTooltip(step, page, cursor.TooltipLooks) is { } tip:
                    cursor.TooltipLooks.Add(tip.Action.PrimaryTarget?.ElementId ?? -1);
                    cursor.IdsBeforeTooltip ??= ids;
                    cursor.Pending = RunCursor.Proposed.Explore;
                    _logger.LogDebug("Run {RunId}: step {Index} not found, reading a tooltip", context.RunId, cursor.Index + 1);
                    return Propose(tip.Action,
                        $"exploring for '{step.Target ?? step.Text}' ({Where(cursor)}, tooltip {cursor.TooltipLooks.Count} of at most {_options.MaxTooltipLooks}): {tip.Reason}; {grounding.Reason}",
                        step, 0.5);

                default:
                    // Wait only while the page may still bring the target: something comes close, or the page is
                    // loading, and it changed since the last look. An idle page that has nothing like it fails now.
                    var fingerprint = Fingerprint(context.Observation);
                    var idle = cursor.Waits > 0 && cursor.LastFingerprint == fingerprint;
                    // Right after an action the next page may still be on its way: look again while it keeps changing.
                    var close = grounding.Score >= _options.CloseScore || IsLoading(context.Observation) || cursor.AfterAction;
                    if (cursor.Waits < _options.MaxWaitObservations && close && !idle)
                    {
                        cursor.Waits++;
                        cursor.LastFingerprint = fingerprint;
                        cursor.Pending = RunCursor.Proposed.WaitForTarget;
                        var what = step.Target ?? step.Text;
                        return Propose(new WaitAction(_options.WaitPollInterval),
                            $"waiting for '{what}' to appear ({Where(cursor)}, try {cursor.Waits} of {_options.MaxWaitObservations}): {grounding.Reason}",
                            step, 1);
                    }

                    var waited = cursor.Waits > 0 ? $", still after waiting {Times(cursor.Waits)}" : "";
                    var rewrite = StepSuggestions.For(step, page);
                    return Propose(new FailAction($"{Where(cursor)}, '{step.Text}': {grounding.Reason}{waited}. {rewrite}") { Failure = FailureKind.NotGrounded },
                        "grounding failed", step, grounding.Score);
            }
        }

        var done = string.Join("; ", cursor.Notes.Select((n, i) => $"{i + 1}) {n}"));
        if ((cursor.Verified || _options.RequireEveryStepConfirmed) && cursor.Unconfirmed.Count > 0)
        {
            // With a verifier at work, a step whose effect was never seen is not done: never claim it was.
            var which = string.Join(", ", cursor.Unconfirmed.Select(n => $"{n}) {cursor.Steps[n - 1].Text}"));
            return Propose(new FailAction(
                $"All {cursor.Steps.Count} steps were carried out, but the effect of {which} was not confirmed by any check, so the run is not reported done: {done}.")
            {
                Failure = FailureKind.NotVerified,
            }, "a step's effect was not confirmed", null, 1);
        }

        if (TypedValues.Undone(cursor, context.Observation) is { } undone)
        {
            return Propose(new FailAction($"All {cursor.Steps.Count} steps were carried out, but {undone}, so the run is not reported done: {done}.")
            {
                Failure = FailureKind.NotVerified,
            }, "a typed value did not hold", null, 1);
        }

        var evidence = context.History.Where(h => h.Succeeded).SelectMany(h => new[] { h.Action, h.Outcome }).Concat(cursor.Evidence);
        if (StepCoverage.Missing(cursor.Steps, evidence) is { Count: > 0 } missing)
        {
            // A step carried out on a reading that left part of it out: what it named was never used.
            var named = string.Join(", ", missing.Take(5).Select(m => $"\"{m}\""));
            return Propose(new FailAction(
                $"All {cursor.Steps.Count} steps were carried out, but the task names {named} and nothing the run did used {(missing.Count == 1 ? "it" : "them")}, so part of the task was not done; the run is not reported done: {done}. Write each part as its own step (for example 'Click \"OK\"'), or run with --model.")
            {
                Failure = FailureKind.NotVerified,
            }, "part of the task was not used", null, 1);
        }

        var confirmed = $"{cursor.Confirmed} of {cursor.Steps.Count} steps confirmed by a check";
        return Propose(new DoneAction($"All {cursor.Steps.Count} steps carried out: {done}. {confirmed}."), "every step is done", null, 1);
    }

    /// <summary>
    /// Takes over a run part-way: another decider (the action cache, a model) carried out the first steps, so the
    /// cursor starts after each of them that succeeded, in order, instead of starting over on a page that has moved on.
    /// </summary>
    private void CatchUp(RunCursor cursor, DecisionContext context)
    {
        foreach (var earlier in context.History)
        {
            if (cursor.IsFinished)
            {
                break;
            }

            if (earlier.Succeeded && earlier.ActionKind is not (null or "wait" or "done" or "fail" or "ask_human")
                && string.Equals(earlier.StepText, cursor.Current.Text, StringComparison.Ordinal))
            {
                cursor.Advance($"{cursor.Current.Text} (by an earlier decider)");
            }
        }

        if (cursor.Index > 0)
        {
            _logger.LogDebug("Run {RunId}: taken over after {Done} steps carried out by another decider", context.RunId, cursor.Index);
        }
    }

    // The month first, then the day: one grounding of the typed date in the calendar its field shows.
    private StepGrounding DateInCalendar(InterpretedStep step, DateTime date, PageIndex page, RunCursor cursor, RunMemory memory)
    {
        var month = step with { Kind = StepKind.ShowMonth, Value = date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) };
        var shown = _resolver.Resolve(month, page, cursor.Penalized, cursor.Task, null, memory);
        cursor.DayProposed = shown.Status == GroundingStatus.AlreadyDone;
        return shown.Status != GroundingStatus.AlreadyDone
            ? shown
            : _resolver.Resolve(step with { Kind = StepKind.PickDay, Value = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
                page, cursor.Penalized, cursor.Task, null, memory);
    }

    // A calendar shown by the field just typed into (within a few hundred pixels of it), not one elsewhere on the page.
    private static bool CalendarByField(RunCursor cursor, Observation observation)
    {
        var page = new PageIndex(observation);
        if (CalendarView.Read(page) is not { } calendar || cursor.LastElementId is not { } fieldId
            || page.Items.FirstOrDefault(i => i.Element.Id == fieldId) is not { } field)
        {
            return false;
        }

        var day = calendar.First.Days[0].Element.Bounds;
        return day.CenterDistance(field.Element.Bounds) <= 500;
    }

    private static bool IsLoading(Observation observation) =>
        observation.Notes.Any(n => n.Contains("did not settle", StringComparison.OrdinalIgnoreCase) || n.Contains("loading", StringComparison.OrdinalIgnoreCase));

    // What the page shows, compactly: an unchanged fingerprint between two looks means nothing is arriving.
    private static string Fingerprint(Observation observation)
    {
        var hash = new HashCode();
        hash.Add(observation.Url);
        foreach (var e in observation.Elements)
        {
            hash.Add(e.Role);
            hash.Add(e.Label);
        }

        hash.Add(observation.VisibleText);
        return $"{observation.Elements.Count}:{hash.ToHashCode()}";
    }

    private static string Where(RunCursor cursor) => $"Step {cursor.Index + 1} of {cursor.Steps.Count}";

    // What an element acted on shows of itself, and the sections it sits in: a step placed "in the Demo box" used its place
    // when the element is under that heading, "in the Department list" when it is an option of the list box shown under
    // "Department". A place the element is not in was not used, however the step was read.
    private static IEnumerable<string> Described(UiElement acted, PageIndex page)
    {
        var item = page.Items.FirstOrDefault(i => i.Element.Id == acted.Id);
        var (x, y) = (acted.Bounds.X + (acted.Bounds.Width / 2), acted.Bounds.Y + (acted.Bounds.Height / 2));
        var containers = page.Items.Where(c => c.Element.Id != acted.Id && ContainerRoles.Contains(c.Role) && c.Element.Bounds.Contains(x, y)).ToList();
        if (item is { Role: "option" } && StepResolver.ListOf(item, StepResolver.ListBoxes(page)) is { } list && !containers.Contains(list))
        {
            // A row scrolled out below the end of its list is outside the list's box, and still in the list.
            containers.Add(list);
        }

        var around = containers.Select(c => $"{c.Element.Name} {c.Element.NearbyText}");
        return
        [
            $"{acted.Label} {acted.Name} {acted.Text} {acted.Value} {acted.NearbyText} {acted.Placeholder} {acted.Icon} {acted.HtmlId}",
            string.Join(" \u0001 ", item?.Headings ?? []),
            string.Join(" ", item?.Context ?? []),
            string.Join(" \u0001 ", around),
        ];
    }

    // Elements that hold others: what they are named, or the text over them, names the place of what is inside them.
    private static readonly HashSet<string> ContainerRoles = new(StringComparer.Ordinal)
    {
        "listbox", "tree", "grid", "table", "tablist", "tabpanel", "radiogroup", "group", "dialog", "alertdialog", "region", "menu", "menubar", "toolbar", "form",
    };

    // "In the Round skin, tick Checkbox 1" where the Checkbox 1 found sits under no heading or text of that name, and
    // nothing the run did so far used it: the element is a look-alike elsewhere, so nothing is done (the check at the end
    // would fail the run, but only after acting on the wrong element).
    private static string? Elsewhere(InterpretedStep step, StepGrounding grounding, UiElement found, PageIndex page, RunCursor cursor, DecisionContext context)
    {
        var evidence = Described(found, page).Append(grounding.Reason).Concat(cursor.Evidence)
            .Concat(context.History.Where(h => h.Succeeded).SelectMany(h => new[] { h.Action, h.Outcome }));
        if (StepCoverage.UnusedPlace(step, evidence) is not { Count: > 0 } missing)
        {
            return null;
        }

        var item = page.Items.FirstOrDefault(i => i.Element.Id == found.Id);
        var under = item?.Headings is { Count: > 0 } h ? $" (it is under '{string.Join("' / '", h)}')" : "";
        var what = item is null ? $"element '{found.Label}'" : $"{item.RoleWord} '{item.Display}'";
        return $"the step is placed in '{step.Context}', but {string.Join(", ", missing.Select(m => $"\"{m}\""))} is nowhere around the {what} it matched{under}, so nothing was done there. Name the section as the page shows it, or leave the place out.";
    }

    // A hover to read a tooltip adds a tooltip; it takes nothing away of the page as it was before the first of a run of
    // looks (what one look's hover brought up may go at the next). A page whose hover handler removed elements (a list
    // wiped, a panel closed) did something no one asked for: no more icons are hovered, and the run stops saying so
    // (ids that no longer match at all are a page without stable ids, and say nothing).
    private static string? TooltipLookChangedThePage(RunCursor cursor, HashSet<int> ids)
    {
        var before = cursor.IdsBeforeTooltip;
        if (before is not { Count: > 0 })
        {
            return null;
        }

        var gone = before.Count(id => !ids.Contains(id));
        if (gone == 0 || gone == before.Count)
        {
            return null;
        }

        return $"hovering an unnamed icon to read its tooltip changed the page ({gone} element{(gone == 1 ? "" : "s")} went away), so it did more than show a name; no more icons are hovered, and the step is not done. Check the page; name the control as the page shows it, or run with --model.";
    }

    private static string Times(int n) => n == 1 ? "once" : n == 2 ? "twice" : $"{n} times";

    private ProposedAction Propose(BrowserAction action, string reason, InterpretedStep? step, double confidence) =>
        new(action, reason)
        {
            StepText = step?.Text,
            Confidence = Math.Clamp(confidence, 0, 1),
            DecidedBy = Name,
        };
}
