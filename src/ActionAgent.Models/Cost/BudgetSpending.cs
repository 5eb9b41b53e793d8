using System.Globalization;

namespace ActionAgent.Models.Cost;

/// <summary>What a run has spent on model calls so far.</summary>
public sealed record BudgetSpending(int Calls, long InputTokens, long OutputTokens, decimal Cost)
{
    /// <summary>Nothing spent.</summary>
    public static BudgetSpending Zero { get; } = new(0, 0, 0, 0m);

    /// <summary>Input plus output tokens.</summary>
    public long TotalTokens => InputTokens + OutputTokens;

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Calls} calls, {TotalTokens:N0} tokens, ${Cost:0.####}");
}
