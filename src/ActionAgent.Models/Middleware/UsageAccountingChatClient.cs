using ActionAgent.Core.Decision;
using ActionAgent.Models.Cost;
using ActionAgent.Models.Providers;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionAgent.Models.Middleware;

/// <summary>
/// Prices each response from the provider's usage figures (<see cref="ModelPricing"/>), adds it to the run's
/// <see cref="RunBudget"/> and stamps it on the response, where <see cref="UsageOf"/> reads it back.
/// </summary>
public sealed class UsageAccountingChatClient : DelegatingChatClient
{
    /// <summary>Key of the cost in <see cref="ChatResponse.AdditionalProperties"/>.</summary>
    public const string CostKey = "actionagent.cost";

    private readonly ModelSpec _spec;
    private readonly ModelPrice? _price;
    private readonly RunBudget? _budget;
    private readonly ITokenCounter _counter;
    private readonly ILogger _logger;
    private int _warnedNoPrice;

    /// <summary>Wraps <paramref name="innerClient"/>; a model without a price costs 0 (a warning says so once).</summary>
    public UsageAccountingChatClient(
        IChatClient innerClient, ModelSpec spec, ModelPricing pricing, RunBudget? budget = null, ITokenCounter? counter = null, ILogger<UsageAccountingChatClient>? logger = null)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(pricing);
        _spec = spec ?? throw new ArgumentNullException(nameof(spec));
        _price = pricing.Find(spec);
        _budget = budget;
        _counter = counter ?? ApproximateTokenCounter.Default;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The tokens and cost of a response, as stamped by this client (cost 0 when it was not on the path).</summary>
    public static ModelUsage UsageOf(ChatResponse response, string model)
    {
        ArgumentNullException.ThrowIfNull(response);
        var cost = response.AdditionalProperties?.TryGetValue(CostKey, out var value) == true && value is decimal d ? d : 0m;
        return new ModelUsage(model, response.Usage?.InputTokenCount ?? 0, response.Usage?.OutputTokenCount ?? 0, cost);
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
        if (response.Usage?.InputTokenCount is null || response.Usage.OutputTokenCount is null)
        {
            // Some OpenAI-compatible servers omit usage: count an estimate so budgets still hold.
            response.Usage ??= new UsageDetails();
            response.Usage.InputTokenCount ??= RequestTokenEstimator.Estimate(list, _spec.Provider, _counter);
            response.Usage.OutputTokenCount ??= _counter.CountTokens(response.Text);
            _logger.LogDebug("Model {Model} reported no usage; estimated {InputTokens} in, {OutputTokens} out", _spec, response.Usage.InputTokenCount, response.Usage.OutputTokenCount);
        }

        var input = response.Usage.InputTokenCount ?? 0;
        var output = response.Usage.OutputTokenCount ?? 0;
        if (_price is null && Interlocked.Exchange(ref _warnedNoPrice, 1) == 0)
        {
            _logger.LogWarning("No price known for model {Model}: its cost is counted as 0; add it to ModelPricing.Prices", _spec);
        }

        var cost = _price?.Cost(input, output) ?? 0m;
        _budget?.Record(input, output, cost);
        (response.AdditionalProperties ??= [])[CostKey] = cost;
        return response;
    }
}
