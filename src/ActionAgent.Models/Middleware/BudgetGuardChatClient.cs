using ActionAgent.Models.Cost;
using ActionAgent.Models.Providers;
using Microsoft.Extensions.AI;

namespace ActionAgent.Models.Middleware;

/// <summary>
/// Refuses a call before it is sent when its estimated size would take the run over its <see cref="Budget"/>
/// (throws <see cref="BudgetExceededException"/> with a "budget exceeded: …" message), and counts calls.
/// </summary>
public sealed class BudgetGuardChatClient : DelegatingChatClient
{
    /// <summary>Output tokens assumed when the request sets no <see cref="ChatOptions.MaxOutputTokens"/>.</summary>
    public const int DefaultOutputEstimate = 1024;

    private readonly RunBudget _budget;
    private readonly ModelSpec _spec;
    private readonly ModelPrice? _price;
    private readonly ITokenCounter _counter;

    /// <summary>Wraps <paramref name="innerClient"/> with the checks of <paramref name="budget"/>.</summary>
    public BudgetGuardChatClient(IChatClient innerClient, RunBudget budget, ModelSpec spec, ModelPricing pricing, ITokenCounter? counter = null)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(pricing);
        _budget = budget ?? throw new ArgumentNullException(nameof(budget));
        _spec = spec ?? throw new ArgumentNullException(nameof(spec));
        _price = pricing.Find(spec);
        _counter = counter ?? ApproximateTokenCounter.Default;
    }

    /// <inheritdoc />
    public override Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        Check(list, options);
        return base.GetResponseAsync(list, options, cancellationToken);
    }

    /// <inheritdoc />
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        Check(list, options);
        return base.GetStreamingResponseAsync(list, options, cancellationToken);
    }

    private void Check(IList<ChatMessage> messages, ChatOptions? options)
    {
        var input = RequestTokenEstimator.Estimate(messages, _spec.Provider, _counter);
        var output = (long)(options?.MaxOutputTokens ?? DefaultOutputEstimate);
        var cost = _price?.Cost(input, output) ?? 0m;
        if (_budget.Refusal(input, output, cost) is { } refusal)
        {
            throw new BudgetExceededException(refusal);
        }

        _budget.CountCall();
    }
}
