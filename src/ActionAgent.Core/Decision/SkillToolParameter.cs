namespace ActionAgent.Core.Decision;

/// <summary>
/// One parameter of a <see cref="SkillTool"/>: its name, type (text, number, money, date, option), whether it is required
/// (else its default), the options of an option parameter, and what it means.
/// </summary>
public sealed record SkillToolParameter(string Name, string Type, bool Required)
{
    /// <summary>The value used when none is given (empty for an optional parameter without one); null when required.</summary>
    public string? Default { get; init; }

    /// <summary>For an option parameter: the values it takes.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>What the value means ("the order number").</summary>
    public string Description { get; init; } = "";
}
