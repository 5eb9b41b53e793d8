using ActionAgent.Core.Decision;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionAgent.Models.Deciders;

/// <summary>
/// <c>--model auto</c>: the offline interpreter when it grounds the step confidently, else a small model, and a large one
/// when the small one fails or is unsure, or the last step failed. <see cref="ProposedAction.DecidedBy"/> names who
/// decided; the usage of every model asked in the step is added up.
/// </summary>
public sealed class RoutingDecider : IDecider, IDescribesVersions
{
    private readonly IDecider? _interpreter;
    private readonly IDecider _small;
    private readonly IDecider _large;
    private readonly RoutingOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the router; <paramref name="interpreter"/> may be null (models only).</summary>
    public RoutingDecider(IDecider? interpreter, IDecider small, IDecider large, RoutingOptions? options = null, ILogger<RoutingDecider>? logger = null)
    {
        _interpreter = interpreter;
        _small = small ?? throw new ArgumentNullException(nameof(small));
        _large = large ?? throw new ArgumentNullException(nameof(large));
        _options = options ?? new RoutingOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public string Name => $"auto({(_interpreter is null ? "" : _interpreter.Name + "|")}{_small.Name}|{_large.Name})";

    /// <summary>Versions to record in run.json (merge into AgentLoop.Versions): prompt template and the routed models.</summary>
    public IReadOnlyDictionary<string, string> Versions => new Dictionary<string, string>
    {
        ["prompt"] = Prompting.PromptTemplates.Version,
        ["model.small"] = _small.Name,
        ["model.large"] = _large.Name,
    };

    /// <inheritdoc />
    public async Task<ProposedAction> DecideAsync(DecisionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var spent = ModelUsage.None;
        if (_interpreter is not null)
        {
            var offline = await _interpreter.DecideAsync(context, cancellationToken).ConfigureAwait(false);
            spent = Add(spent, offline.Usage);
            if (offline.Action is not (FailAction or WaitAction) && offline.Confidence >= _options.InterpreterConfidence)
            {
                return Route(offline, _interpreter, spent, "interpreter grounded the step", context.Step);
            }
        }

        if (_options.LargeAfterFailedStep && context.Last is { Succeeded: false })
        {
            var direct = await _large.DecideAsync(context, cancellationToken).ConfigureAwait(false);
            return Route(direct, _large, Add(spent, direct.Usage), "the last step failed", context.Step);
        }

        var small = await _small.DecideAsync(context, cancellationToken).ConfigureAwait(false);
        spent = Add(spent, small.Usage);
        var escalate = Escalation(small);
        if (escalate is null)
        {
            return Route(small, _small, spent, "routine step", context.Step);
        }

        var large = await _large.DecideAsync(context, cancellationToken).ConfigureAwait(false);
        return Route(large, _large, Add(spent, large.Usage), escalate, context.Step);
    }

    private string? Escalation(ProposedAction small)
    {
        if (small.Action is FailAction fail)
        {
            // A spent budget is spent for the large model too.
            var budget = fail.Failure == Core.Execution.FailureKind.BudgetExceeded;
            return _options.EscalateOnSmallFailure && !budget ? "the small model failed the step" : null;
        }

        if (small.Action is AskHumanAction && _options.EscalateOnSmallFailure)
        {
            return "the small model asked for help";
        }

        return small.Confidence < _options.SmallUnsureBelow
            ? FormattableString.Invariant($"the small model was unsure ({small.Confidence:0.##})")
            : null;
    }

    private ProposedAction Route(ProposedAction proposal, IDecider by, ModelUsage usage, string why, int step)
    {
        var decidedBy = string.IsNullOrEmpty(proposal.DecidedBy) ? by.Name : proposal.DecidedBy;
        _logger.LogInformation("Step {Step} routed to {Decider}: {Why}", step, decidedBy, why);
        return proposal with { DecidedBy = decidedBy, Usage = usage };
    }

    private static ModelUsage Add(ModelUsage a, ModelUsage b)
    {
        if (b.TotalTokens == 0 && b.Cost == 0)
        {
            return a;
        }

        if (a.TotalTokens == 0 && a.Cost == 0)
        {
            return b;
        }

        var model = a.Model == b.Model || b.Model.Length == 0 ? a.Model : a.Model.Length == 0 ? b.Model : $"{a.Model}+{b.Model}";
        return new ModelUsage(model, a.InputTokens + b.InputTokens, a.OutputTokens + b.OutputTokens, a.Cost + b.Cost);
    }
}
