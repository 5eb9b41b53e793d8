using System.Collections.Concurrent;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using ActionAgent.Flows.Expectations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionAgent.Flows.Caching;

/// <summary>
/// Wraps a decider with the <see cref="ActionCache"/>: an instruction grounded once is served again on later runs with
/// ZERO calls to the inner decider, its target re-found from the stored descriptor (ids change, boxes move). When the
/// target is gone or the served action failed, the inner decider is asked again and the entry is healed (reported).
/// With no inner decider it runs from the cache alone and fails clearly on a miss.
/// </summary>
public sealed class CachingDecider : IDecider
{
    private readonly IDecider? _inner;
    private readonly ActionCache _cache;
    private readonly ITargetCropper? _cropper;
    private readonly TargetLocator _locator;
    private readonly CachingDeciderOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, (int Step, string Key, bool FromCache)> _served = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<HealEvent> _heals = new();
    private int _hits;
    private int _misses;
    private int _relocated;
    private int _healed;
    private int _invalidated;

    /// <summary>Creates the decider; <paramref name="inner"/> null means cache-only (offline replay of known steps).</summary>
    public CachingDecider(
        IDecider? inner,
        ActionCache cache,
        ITargetCropper? cropper = null,
        ITemplateMatcher? matcher = null,
        CachingDeciderOptions? options = null,
        TimeProvider? time = null,
        ILogger<CachingDecider>? logger = null)
    {
        _inner = inner;
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        _cropper = cropper;
        _options = options ?? new CachingDeciderOptions();
        _locator = new TargetLocator(matcher, _options.Locator);
        _time = time ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc />
    public string Name => _inner is null ? "cache" : $"cache+{_inner.Name}";

    /// <summary>Counts so far.</summary>
    public CacheStatistics Statistics => new(_hits, _misses, _relocated, _healed, _invalidated);

    /// <summary>Every self-healing so far, for the report.</summary>
    public IReadOnlyList<HealEvent> Heals => _heals.ToArray();

    /// <inheritdoc />
    public async Task<ProposedAction> DecideAsync(DecisionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var observation = context.Observation;
        var signature = PageSignature.Compute(observation);
        var key = ActionCache.KeyFor(context.Task, context.Step, signature);

        // A cached action that failed on the previous step is wrong for this page now: forget it and ask again.
        // (A fresh decision of the inner decider that failed is simply forgotten; the decider tries again as usual.)
        var hadServed = _served.TryRemove(context.RunId, out var served);
        if (hadServed && context.Last is { Succeeded: false } last && last.Step == served.Step)
        {
            var stale = _cache.Get(served.Key);
            _cache.Remove(served.Key);
            if (served.FromCache)
            {
                Interlocked.Increment(ref _invalidated);
                // Instruction and outcome quote the flow and the page: Verbose only.
                _logger.LogInformation("Cached action for step {Step} failed; asking the decider", context.Step);
                _logger.LogTrace("Cached action for {Instruction} failed ({Outcome}); asking the decider", context.Task, last.Outcome);
                return await HealAsync(context, key, signature, stale, $"the cached action failed: {last.Outcome}", cancellationToken).ConfigureAwait(false);
            }
        }

        var entry = _cache.Get(key);
        var samePage = entry is not null;
        entry ??= _cache.FindSimilar(context.Task, context.Step, PageSignature.PathOf(observation.Url));
        if (entry is not null)
        {
            if (entry.Target is null)
            {
                // Target-less decisions (done, press Enter, navigate) are only trusted on the very same page.
                if (samePage)
                {
                    return Serve(context, key, entry, entry.Proposal.Action, entry.Proposal.Reason, relocated: false);
                }
            }
            else if (_locator.Locate(entry.Target, observation) is { } match
                     && (entry.SecondaryTarget is null || _locator.Locate(entry.SecondaryTarget, observation) is not null))
            {
                var drop = entry.SecondaryTarget is null ? null : _locator.Locate(entry.SecondaryTarget, observation);
                var action = ActionRetargeting.Map(
                    entry.Proposal.Action,
                    t => ActionRetargeting.Aim(t, match.Element, entry.Target.Bounds),
                    t => drop is null ? t : ActionRetargeting.Aim(t, drop.Element, entry.SecondaryTarget!.Bounds));
                var relocated = !samePage || !match.IsSame || match.Element.Bounds.CenterDistance(entry.Target.Bounds) > 1;
                if (relocated)
                {
                    // Remember the page as it is now, so the next run is an exact hit.
                    _cache.Put(entry with
                    {
                        Key = key,
                        PageSignature = signature,
                        Target = Describe(match.Element, observation),
                        UpdatedAt = _time.GetUtcNow(),
                    });
                }

                var reason = match.IsSame ? entry.Proposal.Reason : $"{entry.Proposal.Reason} (target found again by {match.Method} match: {match.Element.Role} \"{match.Element.Label}\")";
                return Serve(context, key, entry, action, reason, relocated);
            }
            else
            {
                var why = $"the cached target {entry.Target} is not on the page any more";
                return await HealAsync(context, key, signature, entry, why, cancellationToken).ConfigureAwait(false);
            }
        }

        // The previous step came from the cache and worked, and the cached run of this instruction finished right
        // here: finish too. The inner decider never saw that step (the offline interpreter would start over).
        if (hadServed && served.FromCache && served.Step == context.Step - 1 && context.Last is { Succeeded: true }
            && _cache.FindFinished(context.Task, context.Step) is { } finished)
        {
            return Serve(context, key, finished, finished.Proposal.Action, finished.Proposal.Reason, relocated: true);
        }

        Interlocked.Increment(ref _misses);
        if (_inner is null)
        {
            return new ProposedAction(new FailAction($"no cached action for \"{context.Task}\" (step {context.Step}) on {PageSignature.PathOf(observation.Url)}, and no decider to ask (cache-only mode); run once with a decider to fill the cache"), "cache miss")
            {
                DecidedBy = Name,
                StepText = context.Task,
            };
        }

        var proposal = await _inner.DecideAsync(context, cancellationToken).ConfigureAwait(false);
        Store(context, key, signature, proposal, previous: null);
        return proposal;
    }

    private ProposedAction Serve(DecisionContext context, string key, CachedAction entry, BrowserAction action, string reason, bool relocated)
    {
        Interlocked.Increment(ref _hits);
        if (relocated)
        {
            Interlocked.Increment(ref _relocated);
        }

        var current = _cache.Get(key) ?? entry;
        _cache.Put(current with { Hits = current.Hits + 1 });
        if (!action.IsTerminal)
        {
            _served[context.RunId] = (context.Step, key, true);
        }

        _logger.LogInformation("Cache hit for step {Step}{Relocated}", context.Step, relocated ? " (relocated)" : "");
        _logger.LogTrace("Cache hit for {Instruction} step {Step}", context.Task, context.Step);
        return entry.Proposal with
        {
            Action = action,
            Reason = reason,
            DecidedBy = "cache",
            Usage = ModelUsage.None,
            StepText = entry.Proposal.StepText ?? context.Task,
        };
    }

    private async Task<ProposedAction> HealAsync(DecisionContext context, string key, string signature, CachedAction? stale, string why, CancellationToken ct)
    {
        if (_inner is null)
        {
            Interlocked.Increment(ref _misses);
            return new ProposedAction(new FailAction($"{why}, and there is no decider to ask (cache-only mode)"), "cache cannot heal") { DecidedBy = Name, StepText = context.Task };
        }

        var proposal = await _inner.DecideAsync(context, ct).ConfigureAwait(false);
        if (proposal.Action is FailAction or AskHumanAction)
        {
            Interlocked.Increment(ref _misses);
            return proposal;
        }

        // A heal that swaps a button for a text box (or a link for a checkbox) is a guess, not a fix: the offline
        // interpreter matches words, and "Click Search" fuzzily matches the "Search orders" field once the button is
        // renamed. Fail the step clearly instead of passing the flow on the wrong element.
        if (stale?.Target is { } was && ActionRetargeting.Resolve(proposal.Action.PrimaryTarget, context.Observation) is { } now
            && KindOf(was.Role) is { } wasKind && KindOf(now.Role) is { } nowKind && wasKind != nowKind)
        {
            Interlocked.Increment(ref _misses);
            _logger.LogWarning("Refused to heal step {Step}: the decider proposed a {Role} instead of a {CachedRole}", context.Step, now.Role, was.Role);
            _logger.LogTrace("Refused to heal {Instruction}: {Why}", context.Task, why);
            return new ProposedAction(
                new FailAction($"{why}; the decider proposed {now.Role} \"{now.Label}\" instead, a different kind of element than the cached {was.Role} \"{was.Name}\", so the step was not healed. Check the page, reword the step, or run with a model (--model)"),
                "heal refused") { DecidedBy = Name, StepText = context.Task };
        }

        Interlocked.Increment(ref _healed);
        Store(context, key, signature, proposal, stale);
        var heal = new HealEvent(context.Task, context.Step, why, stale?.Target?.ToString() ?? stale?.Proposal.Action.Describe() ?? "", proposal.Action.Describe(), _time.GetUtcNow());
        _heals.Enqueue(heal);
        _logger.LogWarning("Healed cached action for step {Step}: now {ActionKind}", context.Step, proposal.Action.Kind);
        _logger.LogTrace("Healed cached action for {Instruction}: {Why}; now {Action}", context.Task, why, heal.NewAction);
        return proposal with { Reason = $"{proposal.Reason} (healed: {why})" };
    }

    /// <summary>What a person would call the element: a field, a clickable, a toggle, a choice; null for anything else.</summary>
    private static string? KindOf(string role) => role.ToLowerInvariant() switch
    {
        "textbox" or "searchbox" or "spinbutton" or "textarea" or "input" => "field",
        "button" or "link" or "menuitem" or "tab" => "clickable",
        "checkbox" or "radio" or "switch" => "toggle",
        "combobox" or "listbox" => "choice",
        _ => null,
    };

    private void Store(DecisionContext context, string key, string signature, ProposedAction proposal, CachedAction? previous)
    {
        if (proposal.Action is FailAction or AskHumanAction || proposal.Confidence < _options.MinimumConfidenceToStore)
        {
            return;
        }

        var observation = context.Observation;
        var primary = ActionRetargeting.Resolve(proposal.Action.PrimaryTarget, observation);
        if (proposal.Action.PrimaryTarget is not null && primary is null)
        {
            return; // Nothing to aim at next time: not worth remembering.
        }

        var secondary = ActionRetargeting.Resolve(ActionRetargeting.Secondary(proposal.Action), observation);
        var now = _time.GetUtcNow();
        _cache.Put(new CachedAction
        {
            Key = key,
            Instruction = context.Task,
            Step = context.Step,
            UrlPath = PageSignature.PathOf(observation.Url),
            PageSignature = signature,
            Proposal = proposal with { Action = ActionRetargeting.ToCss(proposal.Action, observation), Usage = ModelUsage.None },
            Target = primary is null ? null : Describe(primary, observation),
            SecondaryTarget = secondary is null ? null : Describe(secondary, observation),
            CreatedAt = previous?.CreatedAt ?? now,
            UpdatedAt = now,
            HealCount = (previous?.HealCount ?? 0) + (previous is null ? 0 : 1),
        });
        if (!proposal.Action.IsTerminal)
        {
            _served[context.RunId] = (context.Step, key, false);
        }
    }

    private TargetDescriptor Describe(UiElement element, Observation observation)
    {
        var crop = ReadOnlyMemory<byte>.Empty;
        if (_cropper is not null && !element.IsSecret && !observation.Screenshot.IsEmpty
            && element.Bounds.Width <= _options.MaxCropSide && element.Bounds.Height <= _options.MaxCropSide && element.Bounds.Area > 0)
        {
            crop = _cropper.Crop(observation.Screenshot, observation.Geometry.ToScreenshot(element.Bounds));
        }

        return TargetDescriptor.From(element, crop);
    }
}
