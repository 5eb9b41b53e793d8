using Microsoft.Extensions.AI;

namespace ActionAgent.Models.Prompting;

/// <summary>The messages of one step's model call, the user text alone (for measuring) and the element page shown.</summary>
public sealed record StepPrompt(IReadOnlyList<ChatMessage> Messages, string UserText, ElementPage Elements)
{
    /// <summary>Images attached to the user message.</summary>
    public int ImageCount => Messages.Sum(m => m.Contents.OfType<DataContent>().Count());
}
