using System.Globalization;
using ActionAgent.Core.Policy;
using ActionAgent.Models.Providers;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ActionAgent.Models.Middleware;

/// <summary>
/// Retries model calls (Polly) on 429, 5xx, timeouts and connection errors with exponential backoff and jitter,
/// honouring Retry-After; stops at once on 400/401/403/404. A call that fails for good throws
/// <see cref="ModelCallException"/> with a message that says what to do, never the key.
/// </summary>
public sealed class ResilientChatClient : DelegatingChatClient
{
    private readonly ResilienceOptions _options;
    private readonly ModelEndpoint? _endpoint;
    private readonly ISecretRedaction _redactor;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;

    /// <summary>Wraps <paramref name="innerClient"/>; <paramref name="endpoint"/> makes messages name the model and key variable.</summary>
    public ResilientChatClient(
        IChatClient innerClient,
        ResilienceOptions options,
        ModelEndpoint? endpoint = null,
        TimeProvider? timeProvider = null,
        ILogger<ResilientChatClient>? logger = null)
        : this(innerClient, options, endpoint, timeProvider, logger, ModelKeyRedaction.For(null))
    {
    }

    internal ResilientChatClient(
        IChatClient innerClient,
        ResilienceOptions options,
        ModelEndpoint? endpoint,
        TimeProvider? timeProvider,
        ILogger? logger,
        ISecretRedaction redactor)
        : base(innerClient)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _endpoint = endpoint;
        _redactor = redactor;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _pipeline = BuildPipeline();
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Retries resend the same messages: enumerate them once.
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var attempts = 0;
        try
        {
            return await _pipeline.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    var probe = ProviderResponseProbe.Begin();
                    try
                    {
                        return await base.GetResponseAsync(list, options, token).ConfigureAwait(false);
                    }
                    catch (Exception e) when (!(e is OperationCanceledException && token.IsCancellationRequested)
                        && ModelErrorClassifier.Classify(e, probe, _time.GetUtcNow()) is { } error)
                    {
                        throw new AttemptFailedException(error, e);
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (AttemptFailedException failed)
        {
            throw Final(failed.Error, attempts, failed.InnerException);
        }
        catch (TimeoutRejectedException timeout) when (!cancellationToken.IsCancellationRequested)
        {
            throw Final(new ModelError(ModelErrorKind.Timeout, null, "no answer in time", true, null), attempts, timeout);
        }
    }

    private ResiliencePipeline BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = _time };
        if (_options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = _options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.BaseDelay,
                MaxDelay = _options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception switch
                {
                    AttemptFailedException { Error: { Retryable: true } e } => !(e.RetryAfter > _options.MaxRetryAfter),
                    TimeoutRejectedException => true,
                    _ => false,
                }),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is AttemptFailedException { Error.RetryAfter: { } wait } ? (TimeSpan?)wait : null),
                OnRetry = args =>
                {
                    var what = args.Outcome.Exception switch
                    {
                        AttemptFailedException f => f.Error.Status is { } s ? $"{f.Error.Kind} {s}" : f.Error.Kind.ToString(),
                        TimeoutRejectedException => "Timeout",
                        var e => e?.GetType().Name ?? "failure",
                    };
                    _logger.LogWarning(
                        "Model call to {Model} failed ({Failure}); retry {Attempt} of {MaxRetries} in {DelayMs} ms",
                        _endpoint?.Spec.ToString() ?? "model", what, args.AttemptNumber + 1, _options.MaxRetries, (long)args.RetryDelay.TotalMilliseconds);
                    _options.OnRetry?.Invoke(args.AttemptNumber + 1, args.RetryDelay, what);
                    return default;
                },
            });
        }

        return builder.AddTimeout(_options.AttemptTimeout).Build();
    }

    private ModelCallException Final(ModelError error, int attempts, Exception? inner)
    {
        var inv = CultureInfo.InvariantCulture;
        var who = _endpoint?.Spec.ToString() ?? "the model";
        var where = _endpoint?.BaseUrl.ToString() ?? "the endpoint";
        var keyVariable = _endpoint?.ApiKeyVariable ?? "the API key setting";
        var model = _endpoint?.Spec.Model ?? "?";
        var tries = attempts <= 1 ? "" : string.Create(inv, $" after {attempts} attempts");
        var detail = _redactor.Redact(error.Detail);
        var message = error.Kind switch
        {
            ModelErrorKind.Unauthorized => $"{who}: the provider rejected the API key (401 Unauthorized); check {keyVariable}",
            ModelErrorKind.Forbidden => $"{who}: the API key may not use this model or endpoint (403 Forbidden: {detail}); check the key's project and model access",
            ModelErrorKind.NotFound => $"{who}: not found (404) — the provider does not know model '{model}', or {where} is not the right base URL; check the model name and base URL ({detail})",
            ModelErrorKind.BadRequest => string.Create(inv, $"{who}: the provider refused the request ({error.Status}: {detail}); the model may not accept images or JSON-schema output"),
            ModelErrorKind.RateLimited when error.RetryAfter > _options.MaxRetryAfter =>
                string.Create(inv, $"{who}: rate limited (429) and the provider asks to wait {error.RetryAfter.Value.TotalSeconds:0} s, longer than the {_options.MaxRetryAfter.TotalSeconds:0} s this agent waits; try again later"),
            ModelErrorKind.RateLimited => $"{who}: still rate limited (429){tries}; wait and try again, or lower the request rate",
            ModelErrorKind.ServerError => string.Create(inv, $"{who}: the provider failed with {error.Status}{tries} ({detail}); try again later"),
            ModelErrorKind.Unreachable => $"{who}: could not reach {where}{tries} ({detail}); is the server running and the base URL right?",
            _ => string.Create(inv, $"{who}: no answer within {_options.AttemptTimeout.TotalSeconds:0} s{tries}; the endpoint may be overloaded"),
        };
        _logger.LogWarning("Model call to {Model} failed for good: {Kind} {Status} after {Attempts} attempts", who, error.Kind, error.Status, attempts);
        return new ModelCallException(error.Kind, error.Status, attempts, ModelFailures.ModelCallFailed + " " + message, inner);
    }
}
