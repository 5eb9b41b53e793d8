using System.Globalization;

namespace ActionAgent.Models.Cost;

/// <summary>
/// One run's spending against its <see cref="Budget"/>. Share one instance between every model client of a run
/// (decider, escalation model, verifier) so the limits hold for the run as a whole. Thread-safe.
/// </summary>
public sealed class RunBudget(Budget limits)
{
    private readonly Lock _gate = new();
    private BudgetSpending _spent = BudgetSpending.Zero;
    private string? _runId;

    /// <summary>A budget without limits (spending is still counted).</summary>
    public RunBudget()
        : this(Budget.Unlimited)
    {
    }

    /// <summary>The limits.</summary>
    public Budget Limits { get; } = limits ?? throw new ArgumentNullException(nameof(limits));

    /// <summary>Spending so far in the current run.</summary>
    public BudgetSpending Spent
    {
        get
        {
            lock (_gate)
            {
                return _spent;
            }
        }
    }

    /// <summary>Starts counting for a run; spending resets when the run id differs from the last one seen.</summary>
    public void BeginRun(string runId)
    {
        lock (_gate)
        {
            if (!string.Equals(_runId, runId, StringComparison.Ordinal))
            {
                _runId = runId;
                _spent = BudgetSpending.Zero;
            }
        }
    }

    /// <summary>
    /// Null when a call of about this size fits in what is left; otherwise why not, starting with "budget exceeded:".
    /// </summary>
    public string? Refusal(long estimatedInputTokens, long estimatedOutputTokens, decimal estimatedCost)
    {
        var spent = Spent;
        var inv = CultureInfo.InvariantCulture;
        if (Limits.MaxCalls is { } maxCalls && spent.Calls + 1 > maxCalls)
        {
            return string.Create(inv, $"budget exceeded: the run has made {spent.Calls} of its {maxCalls} allowed model calls ({spent}); raise the call limit or simplify the task");
        }

        var needed = estimatedInputTokens + estimatedOutputTokens;
        if (Limits.MaxTokens is { } maxTokens && spent.TotalTokens + needed > maxTokens)
        {
            var left = Math.Max(0, maxTokens - spent.TotalTokens);
            return string.Create(inv, $"budget exceeded: the next model call needs about {needed:N0} tokens but only {left:N0} of the run's {maxTokens:N0} are left ({spent}); raise the token limit or simplify the task");
        }

        if (Limits.MaxCost is { } maxCost && spent.Cost + estimatedCost > maxCost)
        {
            var left = Math.Max(0, maxCost - spent.Cost);
            return string.Create(inv, $"budget exceeded: the next model call costs about ${estimatedCost:0.####} but only ${left:0.####} of the run's ${maxCost:0.####} is left ({spent}); raise the cost limit or use a cheaper model");
        }

        return null;
    }

    /// <summary>Counts one call as made (before it is sent, so failed calls count too).</summary>
    public void CountCall()
    {
        lock (_gate)
        {
            _spent = _spent with { Calls = _spent.Calls + 1 };
        }
    }

    /// <summary>Adds the tokens and cost a call reported.</summary>
    public void Record(long inputTokens, long outputTokens, decimal cost)
    {
        lock (_gate)
        {
            _spent = _spent with
            {
                InputTokens = _spent.InputTokens + inputTokens,
                OutputTokens = _spent.OutputTokens + outputTokens,
                Cost = _spent.Cost + cost,
            };
        }
    }
}
