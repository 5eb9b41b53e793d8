using System.Text.Json;

namespace ActionAgent.Models.Tests.Support;

/// <summary>Builds model answers in the action schema's shape (every field present, unused ones null).</summary>
internal static class Replies
{
    public static string Action(
        string action,
        int? elementId = null,
        double? x = null,
        double? y = null,
        string? value = null,
        double confidence = 0.9,
        string reason = "next step of the task",
        int? page = null,
        double? dy = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["action"] = action,
            ["element_id"] = elementId,
            ["x"] = x,
            ["y"] = y,
            ["value"] = value,
            ["press_enter"] = null,
            ["dx"] = null,
            ["dy"] = dy,
            ["to_element_id"] = null,
            ["to_x"] = null,
            ["to_y"] = null,
            ["seconds"] = null,
            ["page"] = page,
            ["reason"] = reason,
            ["confidence"] = confidence,
        });
}
