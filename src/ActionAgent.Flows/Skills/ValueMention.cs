namespace ActionAgent.Flows.Skills;

/// <summary>
/// A value found in a task: its text as the page wants it ("15.00", "2025-03-20", "1042"), where it was
/// (<paramref name="Start"/>, <paramref name="Length"/>) and whether the wording makes its kind certain ("$15", "order 1042").
/// </summary>
public sealed record ValueMention(string Value, int Start, int Length, bool IsCertain)
{
    /// <summary>The index just after the mention.</summary>
    public int End => Start + Length;
}
