namespace ActionAgent.Core.Execution;

/// <summary>
/// A JavaScript dialog an action raised, and how it was answered: <paramref name="Type"/> is "alert", "confirm",
/// "prompt" or "beforeunload"; <paramref name="Text"/> is what was typed into a prompt (null otherwise, and never a
/// secret's value: the reference as written).
/// </summary>
public sealed record AnsweredDialog(string Type, string Message, bool Accepted, string? Text = null)
{
    /// <summary>"dismissed dialog: confirm "Delete report.pdf?"", "accepted dialog: prompt "Name?" with "Ann"".</summary>
    public override string ToString() =>
        $"{(Accepted ? "accepted" : "dismissed")} dialog: {Type} \"{Message}\"{(Text is null ? "" : $" with \"{Text}\"")}";
}
