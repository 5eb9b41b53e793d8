using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ActionAgent.Models.Output;

/// <summary>
/// The JSON schema of one action answer (prompt <see cref="Prompting.PromptTemplates.Version"/>): a flat object whose
/// fields are all present (null when unused), so it works in OpenAI strict mode and with local servers alike.
/// </summary>
public static class ActionSchema
{
    /// <summary>Name of the schema in the response format.</summary>
    public const string Name = "browser_action";

    /// <summary>Every action kind the model may answer.</summary>
    public static IReadOnlyList<string> Actions { get; } =
    [
        "click", "double_click", "right_click", "hover", "type", "press", "scroll", "drag", "select", "upload",
        "navigate", "go_back", "wait", "more_elements", "done", "fail", "ask_human",
    ];

    /// <summary>The schema text.</summary>
    public static string Text { get; } = $$"""
        {
          "type": "object",
          "properties": {
            "action": { "type": "string", "enum": [{{string.Join(", ", Actions.Select(a => $"\"{a}\""))}}] },
            "element_id": { "type": ["integer", "null"], "description": "id from the element list (preferred target)" },
            "x": { "type": ["number", "null"], "description": "0-1000 from the left edge, only when there is no element id" },
            "y": { "type": ["number", "null"], "description": "0-1000 from the top edge, only when there is no element id" },
            "value": { "type": ["string", "null"], "description": "type: text; select: option; press: keys; navigate: URL; upload: file path; wait: text to wait for; done: result; fail: why; ask_human: question" },
            "press_enter": { "type": ["boolean", "null"], "description": "type: press Enter after typing" },
            "dx": { "type": ["number", "null"], "description": "scroll: pixels to the right" },
            "dy": { "type": ["number", "null"], "description": "scroll: pixels down (negative = up)" },
            "to_element_id": { "type": ["integer", "null"], "description": "drag: element to drop on" },
            "to_x": { "type": ["number", "null"], "description": "drag: 0-1000 drop point" },
            "to_y": { "type": ["number", "null"], "description": "drag: 0-1000 drop point" },
            "seconds": { "type": ["number", "null"], "description": "wait: seconds, at most 30" },
            "page": { "type": ["integer", "null"], "description": "more_elements: element list page to show" },
            "reason": { "type": "string", "description": "one short sentence" },
            "confidence": { "type": "number", "description": "0-1, how sure you are" }
          },
          "required": ["action", "element_id", "x", "y", "value", "press_enter", "dx", "dy", "to_element_id", "to_x", "to_y", "seconds", "page", "reason", "confidence"],
          "additionalProperties": false
        }
        """;

    /// <summary>The schema as a JSON element.</summary>
    public static JsonElement Schema { get; } = JsonDocument.Parse(Text).RootElement.Clone();

    /// <summary>The response format to send: JSON constrained to <see cref="Schema"/>.</summary>
    public static ChatResponseFormat ResponseFormat { get; } =
        ChatResponseFormat.ForJsonSchema(Schema, Name, "The single next browser action.");
}
