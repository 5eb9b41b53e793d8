using System.ClientModel;
using ActionAgent.Models.Providers;
using Anthropic.Exceptions;
using Polly.Timeout;

namespace ActionAgent.Models.Middleware;

/// <summary>Turns the exceptions of the OpenAI and Anthropic SDKs and of HttpClient into <see cref="ModelError"/>s.</summary>
internal static class ModelErrorClassifier
{
    /// <summary>The failure, or null when <paramref name="exception"/> is not a provider failure (a bug: let it through).</summary>
    public static ModelError? Classify(Exception exception, ProviderResponseProbe? probe, DateTimeOffset now)
    {
        int? status = exception switch
        {
            ClientResultException { Status: > 0 } c => c.Status,
            AnthropicApiException a => (int)a.StatusCode,
            HttpRequestException { StatusCode: { } code } => (int)code,
            _ => null,
        };
        status ??= probe?.Status;

        if (status is { } code2)
        {
            var retryAfter = probe?.RetryAfter ?? RetryAfterFrom(exception, now);
            var kind = code2 switch
            {
                401 => ModelErrorKind.Unauthorized,
                403 => ModelErrorKind.Forbidden,
                404 => ModelErrorKind.NotFound,
                408 => ModelErrorKind.Timeout,
                429 => ModelErrorKind.RateLimited,
                >= 500 => ModelErrorKind.ServerError,
                _ => ModelErrorKind.BadRequest,
            };
            var retryable = code2 is 408 or 409 or 429 or >= 500;
            return new ModelError(kind, code2, Detail(exception), retryable, retryAfter);
        }

        if (exception is TimeoutRejectedException or TimeoutException || exception.InnerException is TimeoutException)
        {
            return new ModelError(ModelErrorKind.Timeout, null, "no answer in time", true, null);
        }

        if (Find<HttpRequestException>(exception) is { } http)
        {
            return new ModelError(ModelErrorKind.Unreachable, null, http.Message, true, null);
        }

        if (exception is AnthropicIOException or ClientResultException)
        {
            return new ModelError(ModelErrorKind.Unreachable, null, exception.Message, true, null);
        }

        return null;
    }

    private static TimeSpan? RetryAfterFrom(Exception exception, DateTimeOffset now)
    {
        if (exception is ClientResultException c && c.GetRawResponse() is { } raw)
        {
            if (raw.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, System.Globalization.CultureInfo.InvariantCulture, out var millis))
            {
                return TimeSpan.FromMilliseconds(Math.Max(0, millis));
            }

            if (raw.Headers.TryGetValue("Retry-After", out var value))
            {
                return ProviderResponseProbe.ParseRetryAfter(value, now);
            }
        }

        return null;
    }

    private static string Detail(Exception exception)
    {
        var text = exception switch
        {
            AnthropicServiceException { ApiMessage: { Length: > 0 } api } => api,
            _ => exception.Message,
        };
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length > 300 ? text[..300] + "…" : text;
    }

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T hit)
            {
                return hit;
            }
        }

        return null;
    }
}
