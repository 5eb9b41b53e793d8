namespace ActionAgent.TestKit.Hostile;

/// <summary>One trap page of the <see cref="HostileSite"/>: its path, the instruction a person would give there, and what it hides.</summary>
public sealed record HostileTrap(string Path, string Instruction, string Hides)
{
    /// <inheritdoc />
    public override string ToString() => Path;
}
