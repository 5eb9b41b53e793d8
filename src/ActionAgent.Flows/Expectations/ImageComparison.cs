namespace ActionAgent.Flows.Expectations;

/// <summary>How different two images are: the fraction of differing pixels (0 identical … 1 all different).</summary>
public sealed record ImageComparison(double DifferenceFraction)
{
    /// <summary>False when the images had different sizes (then <see cref="DifferenceFraction"/> is 1).</summary>
    public bool SameSize { get; init; } = true;

    /// <summary>An optional PNG highlighting the differences, for reports.</summary>
    public ReadOnlyMemory<byte> DiffImage { get; init; }

    /// <summary>Which comparer produced this ("bytes", "opencv").</summary>
    public string Method { get; init; } = "";
}
