using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ActionAgent.Models.Output;

/// <summary>
/// The JSON schema of one action answer (prompt <see cref="Prompting.PromptTemplates.Version"/>): a flat object whose
/// fields are all present (null when unused), so it works in OpenAI strict mode and with local servers alike.
/// Field meanings live in the system prompt, not in schema descriptions: they would be paid for twice.
/// </summary>
public static class ActionSchema
{
    /// <summary>Name of the schema in the response format.</summary>
    public const string Name = "browser_action";

    /// <summary>Every action kind the model may answer.</summary>
    public static IReadOnlyList<string> Actions { get; } =
    [
        "click", "double_click", "right_click", "hover", "type", "press", "scroll", "drag", "select", "select_text", "upload",
        "navigate", "go_back", "wait", "more_elements", "done", "fail", "ask_human",
    ];

    /// <summary>The schema text.</summary>
    public static string Text { get; } = Render(Actions, withSkills: false);

    /// <summary>The action kinds when skills are offered: the primitive actions and <c>run_skill</c>.</summary>
    public static IReadOnlyList<string> ActionsWithSkills { get; } = [.. Actions, "run_skill"];

    /// <summary>
    /// The schema text when skills are offered (prompt <see cref="Prompting.PromptTemplates.SkillsVersion"/>): adds the
    /// <c>run_skill</c> action and a <c>params</c> list of name/value pairs (null for every other action).
    /// </summary>
    public static string TextWithSkills { get; } = Render(ActionsWithSkills, withSkills: true);

    /// <summary>The response format to send when skills are offered.</summary>
    public static ChatResponseFormat ResponseFormatWithSkills { get; } =
        ChatResponseFormat.ForJsonSchema(JsonDocument.Parse(TextWithSkills).RootElement.Clone(), Name, "The single next browser action, or one skill to run.");

    private static string Render(IReadOnlyList<string> actions, bool withSkills)
    {
        var skillField = withSkills
            ? """
                "params": { "type": ["array", "null"], "items": { "type": "object", "properties": { "name": { "type": "string" }, "value": { "type": "string" } }, "required": ["name", "value"], "additionalProperties": false } },

              """
            : "";
        var skillRequired = withSkills ? "\"params\", " : "";
        return $$"""
            {
              "type": "object",
              "properties": {
                "action": { "type": "string", "enum": [{{string.Join(", ", actions.Select(a => $"\"{a}\""))}}] },
                "element_id": { "type": ["integer", "null"] },
                "x": { "type": ["number", "null"] },
                "y": { "type": ["number", "null"] },
                "value": { "type": ["string", "null"] },
                "press_enter": { "type": ["boolean", "null"] },
                "dx": { "type": ["number", "null"] },
                "dy": { "type": ["number", "null"] },
                "to_element_id": { "type": ["integer", "null"] },
                "to_x": { "type": ["number", "null"] },
                "to_y": { "type": ["number", "null"] },
                "seconds": { "type": ["number", "null"] },
                "page": { "type": ["integer", "null"] },
                "dialog": { "type": ["string", "null"] },
                "dialog_text": { "type": ["string", "null"] },
            {{skillField}}    "reason": { "type": "string" },
                "confidence": { "type": "number" }
              },
              "required": ["action", "element_id", "x", "y", "value", "press_enter", "dx", "dy", "to_element_id", "to_x", "to_y", "seconds", "page", "dialog", "dialog_text", {{skillRequired}}"reason", "confidence"],
              "additionalProperties": false
            }
            """;
    }

    /// <summary>The schema as a JSON element.</summary>
    public static JsonElement Schema { get; } = JsonDocument.Parse(Text).RootElement.Clone();

    /// <summary>The response format to send: JSON constrained to <see cref="Schema"/>.</summary>
    public static ChatResponseFormat ResponseFormat { get; } =
        ChatResponseFormat.ForJsonSchema(Schema, Name, "The single next browser action.");
}
