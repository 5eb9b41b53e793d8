namespace ActionAgent.Models.Middleware;

/// <summary>Why a model call failed, as far as a person running the tool needs to know.</summary>
public enum ModelErrorKind
{
    /// <summary>401: the API key was rejected.</summary>
    Unauthorized,

    /// <summary>403: the key may not use this model or endpoint.</summary>
    Forbidden,

    /// <summary>404: unknown model name or wrong endpoint path.</summary>
    NotFound,

    /// <summary>400/422: the provider refused the request (unsupported images, schema, parameters).</summary>
    BadRequest,

    /// <summary>429: rate limited, still after retries.</summary>
    RateLimited,

    /// <summary>5xx: the provider failed, still after retries.</summary>
    ServerError,

    /// <summary>The endpoint could not be reached (connection refused, DNS, TLS).</summary>
    Unreachable,

    /// <summary>No answer within the attempt timeout, still after retries.</summary>
    Timeout,
}
