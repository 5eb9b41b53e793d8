using System.Globalization;
using System.Net.Http.Headers;

namespace ActionAgent.Models.Providers;

/// <summary>
/// Carries what the HTTP layer saw of a failed response (status, Retry-After) up to the resilience layer, which only
/// sees the SDK's exception. One probe per attempt, flowed through an AsyncLocal; SDK exceptions need not expose headers.
/// </summary>
internal sealed class ProviderResponseProbe
{
    private static readonly AsyncLocal<ProviderResponseProbe?> s_current = new();

    public int? Status { get; private set; }

    /// <summary>Delay the provider asked for, from retry-after-ms or Retry-After (seconds or HTTP date).</summary>
    public TimeSpan? RetryAfter { get; private set; }

    public static ProviderResponseProbe? Current => s_current.Value;

    /// <summary>Starts a probe for the attempt running in this async flow.</summary>
    public static ProviderResponseProbe Begin()
    {
        var probe = new ProviderResponseProbe();
        s_current.Value = probe;
        return probe;
    }

    public void Capture(HttpResponseMessage response, DateTimeOffset now)
    {
        Status = (int)response.StatusCode;
        RetryAfter = ParseRetryAfter(response.Headers, now);
    }

    /// <summary>retry-after-ms (OpenAI, milliseconds) wins over Retry-After (seconds or an HTTP date).</summary>
    public static TimeSpan? ParseRetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (headers.TryGetValues("retry-after-ms", out var ms)
            && double.TryParse(ms.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
        {
            return TimeSpan.FromMilliseconds(millis);
        }

        if (headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            }

            if (retryAfter.Date is { } date)
            {
                var wait = date - now;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
        }

        return null;
    }

    /// <summary>Parses a Retry-After value given as text (seconds or HTTP date).</summary>
    public static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds < 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? (date - now < TimeSpan.Zero ? TimeSpan.Zero : date - now)
            : null;
    }
}
