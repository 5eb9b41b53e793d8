namespace ActionAgent.Flows.Definition;

/// <summary>Where something was written: file, 1-based line and column; prints as <c>flows/refund.yaml:7:3</c>.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>No known location.</summary>
    public static SourceLocation None => new("", 0, 0);

    /// <inheritdoc />
    public override string ToString() => Line <= 0 ? File : $"{File}:{Line}:{Column}";
}
