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

    /// <summary>Wraps an answer in the provider's reply format: OpenAI chat completions unless set (e.g. <see cref="FakeAnthropicServer.Message"/>).</summary>
    public Func<string, ScriptedReply> Reply { get; init; } = text => FakeOpenAIServer.Completion(text);

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
            return Reply(Answer("done", null, "all steps done"));
        }

        var (action, label, value) = _intents.Peek();
        // Like a model reading the list: the element whose name matches and whose role fits the action
        // (a "Sign in" heading is not what you click to sign in), else any element with that name.
        // A label written "button:Find" matches only that role.
        var colon = label.IndexOf(':', StringComparison.Ordinal);
        var role = colon > 0 && label[..colon].All(char.IsAsciiLetterLower) ? label[..colon] : null;
        var wanted = role is null ? label : label[(colon + 1)..];
        var candidates = ElementLine().Matches(body)
            .Where(m => string.Equals(m.Groups[3].Value, wanted, StringComparison.OrdinalIgnoreCase) && (role is null || m.Groups[2].Value == role))
            .OrderByDescending(m => Fits(action, m.Groups[2].Value))
            .ToList();
        if (candidates.Count > 0)
        {
            _intents.Dequeue();
            var id = int.Parse(candidates[0].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            return Reply(Answer(action, id, $"{action} {label}", value));
        }

        return Reply(Answer("wait", null, $"waiting for {label}", seconds: 1));
    }

    private static bool Fits(string action, string role) => action switch
    {
        "type" => role is "textbox" or "searchbox" or "combobox" or "spinbutton",
        "select" => role is "combobox" or "listbox",
        _ => role is "button" or "link" or "checkbox" or "radio" or "tab" or "menuitem" or "option",
    };

    /// <summary>All text parts of the request's messages (OpenAI chat or Anthropic Messages format), unescaped.</summary>
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
