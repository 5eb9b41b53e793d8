using System.Text.Json;
using System.Text.RegularExpressions;

namespace ActionAgent.TestKit.FakeServers;

/// <summary>
/// A fake multimodal model for whole runs: it reads the element list in the prompt ("31 button \"Submit refund\" …")
/// and answers the next scripted intent (click/type/select a label) with that element's id, in the action schema.
/// Intents whose label is not on the page yet are retried on the next call; when the script is done it answers done.
/// A label written "role:Label" (e.g. "button:Sign in") only matches an element of that role.
/// </summary>
public sealed partial class LabelReadingModel(params (string Action, string Label, string? Value)[] intents)
{
    private readonly Queue<(string Action, string Label, string? Value)> _intents = new(intents);

    [GeneratedRegex("""(?m)^(\d+) ([a-z]+) "([^"]*)"(\s|$)""")]
    private static partial Regex ElementLine();

    /// <summary>Use as <see cref="FakeModelServer.Responder"/>.</summary>
    public ScriptedReply? Respond(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = PromptText(request);
        if (request.Body.Contains("task_verification", StringComparison.Ordinal))
        {
            return null; // verifier requests are scripted separately
        }

        if (_intents.Count == 0)
        {
            return FakeOpenAIServer.Completion(Answer("done", null, "all steps done"));
        }

        var (action, label, value) = _intents.Peek();
        var colon = label.IndexOf(':', StringComparison.Ordinal);
        var role = colon > 0 && label[..colon].All(char.IsAsciiLetterLower) ? label[..colon] : null;
        var wanted = role is null ? label : label[(colon + 1)..];
        foreach (Match m in ElementLine().Matches(body))
        {
            var id = m.Groups[1].Value;
            var name = m.Groups[3].Value;
            if (string.Equals(name, wanted, StringComparison.OrdinalIgnoreCase) && (role is null || m.Groups[2].Value == role))
            {
                _intents.Dequeue();
                return FakeOpenAIServer.Completion(Answer(action, int.Parse(id, System.Globalization.CultureInfo.InvariantCulture), $"{action} {label}", value));
            }
        }

        return FakeOpenAIServer.Completion(Answer("wait", null, $"waiting for {label}", seconds: 1));
    }

    /// <summary>All text parts of the request's messages (OpenAI chat format), unescaped.</summary>
    public static string PromptText(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var doc = request.Json();
        var text = new System.Text.StringBuilder();
        foreach (var message in doc.RootElement.GetProperty("messages").EnumerateArray())
        {
            var content = message.GetProperty("content");
            if (content.ValueKind == JsonValueKind.String)
            {
                text.AppendLine(content.GetString());
            }
            else if (content.ValueKind == JsonValueKind.Array)
            {
                foreach (var part in content.EnumerateArray())
                {
                    if (part.TryGetProperty("text", out var t))
                    {
                        text.AppendLine(t.GetString());
                    }
                }
            }
        }

        return text.ToString();
    }

    private static string Answer(string action, int? elementId, string reason, string? value = null, double? seconds = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["action"] = action, ["element_id"] = elementId, ["x"] = null, ["y"] = null, ["value"] = value, ["press_enter"] = null,
            ["dx"] = null, ["dy"] = null, ["to_element_id"] = null, ["to_x"] = null, ["to_y"] = null, ["seconds"] = seconds,
            ["page"] = null, ["reason"] = reason, ["confidence"] = 0.9,
        });
}
