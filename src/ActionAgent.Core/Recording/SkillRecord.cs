namespace ActionAgent.Core.Recording;

/// <summary>
/// In run.json when a task ran as a skill: which skill (its file id and name), which version of its file (hash), and
/// the parameter values it ran with (from the task, answers and defaults).
/// </summary>
public sealed record SkillRecord
{
    /// <summary>The skill's id: its file name without extension ("refund-order").</summary>
    public required string Id { get; init; }

    /// <summary>The skill's name as its file says.</summary>
    public required string Name { get; init; }

    /// <summary>The skill file, as given.</summary>
    public string File { get; init; } = "";

    /// <summary>First 12 hex digits of the SHA-256 of the skill file.</summary>
    public string Version { get; init; } = "";

    /// <summary>How well the task matched the skill (cosine, 0..1).</summary>
    public double Score { get; init; }

    /// <summary>The values the skill ran with, by parameter name.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Parameters the user answered at a prompt (the rest came from the task or defaults).</summary>
    public IReadOnlyList<string> Answered { get; init; } = [];
}
