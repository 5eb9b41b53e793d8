using System.Globalization;

namespace ActionAgent.Models.Cost;

/// <summary>Limits for one run's model use; null means no limit. Checked before every model call.</summary>
public sealed record Budget
{
    /// <summary>No limits.</summary>
    public static Budget Unlimited { get; } = new();

    /// <summary>Most tokens (input + output, all calls of the run). Default: no limit.</summary>
    public long? MaxTokens { get; init; }

    /// <summary>Most money (in the currency of <see cref="ModelPricing"/>). Default: no limit.</summary>
    public decimal? MaxCost { get; init; }

    /// <summary>Most model calls, retries of invalid answers included. Default: no limit.</summary>
    public int? MaxCalls { get; init; }

    /// <inheritdoc />
    public override string ToString()
    {
        var parts = new List<string>();
        if (MaxTokens is { } t)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{t:N0} tokens"));
        }

        if (MaxCost is { } c)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"${c:0.####}"));
        }

        if (MaxCalls is { } n)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{n} calls"));
        }

        return parts.Count == 0 ? "unlimited" : string.Join(", ", parts);
    }
}
