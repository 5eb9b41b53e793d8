using System.Globalization;
using System.Text.Json;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using ActionAgent.Models.Prompting;

namespace ActionAgent.Models.Output;

/// <summary>
/// Parses a model's answer (JSON per <see cref="ActionSchema"/>, tolerating code fences and text around it) and maps it
/// to a <see cref="BrowserAction"/>, checking it against the observation: element ids must exist, coordinates must be
/// 0-1000, options must be the select's. Errors are worded for the model to correct itself.
/// </summary>
public static class ActionReplyParser
{
    private const double MaxWaitSeconds = 30;

    /// <summary>Parses <paramref name="text"/> for <paramref name="observation"/>, whose element list has <paramref name="pageCount"/> pages.</summary>
    public static ParsedReply Parse(string? text, Observation observation, int pageCount = 1) => Parse(text, observation, pageCount, []);

    /// <summary>
    /// Parses an answer when <paramref name="skills"/> are offered: <c>run_skill</c> is then an action too, naming one of
    /// them and only its parameters (their values are checked by the skills layer, which knows their types).
    /// </summary>
    public static ParsedReply Parse(string? text, Observation observation, int pageCount, IReadOnlyList<SkillTool> skills)
    {
        ArgumentNullException.ThrowIfNull(skills);
        ArgumentNullException.ThrowIfNull(observation);
        if (ExtractJson(text) is not { } json)
        {
            return ParsedReply.Invalid($"it was not JSON (it began: \"{Preview(text)}\"); answer with one JSON object only");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return ParsedReply.Invalid($"it was not valid JSON ({e.Message.Split('.')[0]}; it began: \"{Preview(json)}\")");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return ParsedReply.Invalid("the JSON was not an object; answer with one object like {\"action\":\"click\",\"element_id\":3,...}");
            }

            return Map(new Reply(document.RootElement), observation, pageCount, skills);
        }
    }

    /// <summary>The JSON object in an answer: the text itself, inside ``` fences, or from the first '{' to the last '}'.</summary>
    public static string? ExtractJson(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        var start = trimmed.IndexOf('{', StringComparison.Ordinal);
        var end = trimmed.LastIndexOf('}');
        return start < 0 || end <= start ? null : trimmed[start..(end + 1)];
    }

    private static ParsedReply Map(Reply r, Observation o, int pageCount, IReadOnlyList<SkillTool> skills)
    {
        var actions = skills.Count == 0 ? ActionSchema.Actions : ActionSchema.ActionsWithSkills;
        var kind = (r.String("action") ?? r.String("type"))?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(kind))
        {
            return ParsedReply.Invalid($"\"action\" is missing; use one of: {string.Join(", ", actions)}");
        }

        var reason = UntrustedText.Line(r.String("reason"), 300);
        var confidence = r.Number("confidence") is { } c && double.IsFinite(c) ? Math.Clamp(c, 0, 1) : 0.7;
        var value = r.String("value");
        var answer = r.String("dialog")?.Trim().ToLowerInvariant();
        var answerText = r.String("dialog_text");
        if (answer is { Length: > 0 } and not ("accept" or "dismiss"))
        {
            return ParsedReply.Invalid("\"dialog\" must be \"accept\", \"dismiss\" or null");
        }

        // What the action answers a dialog it raises: only when the model said something (null accepts, as before).
        var reply = answer == "dismiss" ? DialogReply.Cancel
            : answer == "accept" || !string.IsNullOrEmpty(answerText) ? new DialogReply(true, string.IsNullOrEmpty(answerText) ? null : answerText)
            : null;
        ParsedReply Ok(BrowserAction action) => new()
        {
            Action = reply is not null && !action.IsTerminal ? action with { OnDialog = reply } : action,
            Reason = reason,
            Confidence = confidence,
        };

        if (!actions.Contains(kind))
        {
            return ParsedReply.Invalid($"unknown action \"{UntrustedText.Line(kind, 30)}\"; use one of: {string.Join(", ", actions)}");
        }

        switch (kind)
        {
            case "run_skill":
                return SkillCall(r, value, skills) is { } call ? call.Error is null ? Ok(call.Action!) : ParsedReply.Invalid(call.Error) : ParsedReply.Invalid("run_skill needs \"value\": the skill's name");
            case "go_back":
                return Ok(new GoBackAction());
            case "done":
                return Ok(new DoneAction(FirstText(value, reason, "the task is done")));
            case "fail":
                return Ok(new FailAction(FirstText(value, reason, "the model gave up without a reason")));
            case "ask_human":
                return string.IsNullOrWhiteSpace(value) && string.IsNullOrWhiteSpace(reason)
                    ? ParsedReply.Invalid("ask_human needs \"value\": the question for the person")
                    : Ok(new AskHumanAction(FirstText(value, reason, "")));
            case "press":
                return string.IsNullOrWhiteSpace(value)
                    ? ParsedReply.Invalid("press needs \"value\": the key or chord, for example \"Enter\" or \"Control+A\"")
                    : Ok(new PressKeyAction(value.Trim()));
            case "navigate":
                return NavigateTarget(value) is { } url
                    ? Ok(new NavigateAction(url))
                    : ParsedReply.Invalid("navigate needs \"value\": an http(s) URL or a path starting with /");
            case "wait":
            {
                var seconds = Math.Clamp(r.Number("seconds") ?? 1, 0.1, MaxWaitSeconds);
                return Ok(new WaitAction(TimeSpan.FromSeconds(seconds), string.IsNullOrWhiteSpace(value) ? null : value.Trim()));
            }

            case "more_elements":
            {
                if (pageCount <= 1)
                {
                    return ParsedReply.Invalid("every element is already listed (there is only one page); choose an action");
                }

                var page = (int?)r.Number("page");
                return page is null || page < 1 || page > pageCount
                    ? ParsedReply.Invalid(string.Create(CultureInfo.InvariantCulture, $"more_elements needs \"page\" between 1 and {pageCount}"))
                    : new ParsedReply { RequestedPage = page, Reason = reason, Confidence = confidence };
            }

            case "scroll":
            {
                var dx = r.Number("dx") ?? 0;
                var dy = r.Number("dy") ?? 0;
                if (dx == 0 && dy == 0)
                {
                    return ParsedReply.Invalid("scroll needs \"dy\" (pixels down, negative = up) or \"dx\"");
                }

                var (target, error) = Target(r, o, "element_id", "x", "y", required: false, kind);
                return error is not null ? ParsedReply.Invalid(error) : Ok(new ScrollAction(dx, dy, target));
            }
        }

        var (primary, targetError) = Target(r, o, "element_id", "x", "y", required: kind != "type", kind);
        if (targetError is not null)
        {
            return ParsedReply.Invalid(targetError);
        }

        switch (kind)
        {
            case "click":
                return Ok(new ClickAction(primary!));
            case "double_click":
                return Ok(new ClickAction(primary!, MouseButtonKind.Left, 2));
            case "right_click":
                return Ok(new ClickAction(primary!, MouseButtonKind.Right));
            case "hover":
                return Ok(new HoverAction(primary!));
            case "type":
                return value is null
                    ? ParsedReply.Invalid("type needs \"value\": the text to type")
                    : Ok(new TypeTextAction(primary, value, ClearFirst: true, PressEnter: r.Bool("press_enter") ?? false));
            case "select_text":
                return string.IsNullOrWhiteSpace(value)
                    ? ParsedReply.Invalid("select_text needs \"value\": the words to select")
                    : Ok(new SelectTextAction(primary!, value));
            case "upload":
                return string.IsNullOrWhiteSpace(value)
                    ? ParsedReply.Invalid("upload needs \"value\": the path of the file")
                    : Ok(new UploadFileAction(primary!, value.Trim()));
            case "select":
                return SelectOption(primary!, value, o) is { Error: { } selectError }
                    ? ParsedReply.Invalid(selectError)
                    : Ok(new SelectOptionAction(primary!, value!.Trim()));
            case "drag":
            {
                var (to, toError) = Target(r, o, "to_element_id", "to_x", "to_y", required: true, "drag (drop point)");
                return toError is not null ? ParsedReply.Invalid(toError) : Ok(new DragAction(primary!, to!));
            }

            default:
                return ParsedReply.Invalid($"unknown action \"{kind}\"");
        }
    }

    private static (RunSkillAction? Action, string? Error)? SkillCall(Reply r, string? value, IReadOnlyList<SkillTool> skills)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var names = string.Join(", ", skills.Select(s => s.Name));
        var skill = skills.FirstOrDefault(s => string.Equals(s.Name, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (skill is null)
        {
            return (null, $"\"{UntrustedText.Line(value, 40)}\" is not one of the listed skills ({names}); run one of them or choose a page action");
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, given) in r.Pairs("params"))
        {
            var parameter = skill.Parameters.FirstOrDefault(p => string.Equals(p.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
            if (parameter is null)
            {
                return (null, $"skill {skill.Name} has no parameter \"{UntrustedText.Line(name, 40)}\"; its parameters are: {string.Join(", ", skill.Parameters.Select(p => p.Name))}");
            }

            parameters[parameter.Name] = given;
        }

        return (new RunSkillAction(skill.Name, parameters), null);
    }

    private static (ActionTarget? Target, string? Error) Target(Reply r, Observation o, string idField, string xField, string yField, bool required, string kind)
    {
        var inv = CultureInfo.InvariantCulture;
        if (r.Number(idField) is { } rawId)
        {
            if (rawId != Math.Floor(rawId))
            {
                return (null, string.Create(inv, $"\"{idField}\" must be a whole number from the element list (got {rawId})"));
            }

            var id = (int)rawId;
            if (o.Find(id) is not { } element)
            {
                return (null, string.Create(inv, $"{idField} {id} is not in the element list; use an id from the list, or x and y (0-1000) for something without an id"));
            }

            return (ActionTarget.Element(id, UntrustedText.Line(element.Label, 60)), null);
        }

        var x = r.Number(xField);
        var y = r.Number(yField);
        if (x is null || y is null)
        {
            return required
                ? (null, $"{kind} needs a target: \"{idField}\" from the element list, or \"{xField}\" and \"{yField}\" (0-1000)")
                : (null, null);
        }

        if (x < 0 || x > 1000 || y < 0 || y > 1000 || !double.IsFinite(x.Value) || !double.IsFinite(y.Value))
        {
            return (null, string.Create(inv, $"\"{xField}\"/\"{yField}\" must be between 0 and 1000 (got {x}, {y}): they are 0-1000 of the screenshot, not pixels"));
        }

        // Name the element under the point, when there is one, so approvals and reports can say what was meant.
        var css = o.Geometry.ToCss(new ScreenPoint(x.Value, y.Value, CoordinateSpace.Normalized1000));
        var under = o.Elements.Where(e => e.Bounds.Contains(css.X, css.Y)).MinBy(e => e.Bounds.Area);
        return (ActionTarget.At(x.Value, y.Value, CoordinateSpace.Normalized1000, UntrustedText.Line(under?.Label, 60)), null);
    }

    private static (string? Option, string? Error) SelectOption(ActionTarget target, string? value, Observation o)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (null, "select needs \"value\": the option to choose");
        }

        var element = target.ElementId is { } id ? o.Find(id) : null;
        if (element is null || element.Options.Count == 0)
        {
            return (value, null);
        }

        var wanted = value.Trim();
        if (element.Options.Any(opt => string.Equals(opt.Trim(), wanted, StringComparison.OrdinalIgnoreCase)))
        {
            return (wanted, null);
        }

        var shown = string.Join(", ", element.Options.Take(12).Select(opt => $"\"{UntrustedText.Line(opt, 40)}\""));
        return (null, $"\"{UntrustedText.Line(wanted, 40)}\" is not an option of element {element.Id}; its options are: {shown}");
    }

    private static string? NavigateTarget(string? value)
    {
        var url = value?.Trim();
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        if (url.StartsWith('/'))
        {
            return url;
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? url : null;
    }

    private static string FirstText(string? value, string reason, string fallback) =>
        !string.IsNullOrWhiteSpace(value) ? value.Trim() : reason.Length > 0 ? reason : fallback;

    private static string Preview(string? text)
    {
        var line = UntrustedText.Line(text, 80);
        return line.Length == 0 ? "(empty)" : line;
    }

    /// <summary>Typed, lenient reads of the answer's fields (numbers may come as strings; null means absent).</summary>
    private readonly struct Reply(JsonElement root)
    {
        public string? String(string name) => Get(name) is { } v
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
                _ => null,
            }
            : null;

        public double? Number(string name) => Get(name) is { } v
            ? v.ValueKind switch
            {
                JsonValueKind.Number => v.GetDouble(),
                JsonValueKind.String when double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
                _ => null,
            }
            : null;

        public bool? Bool(string name) => Get(name) is { } v
            ? v.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.String when bool.TryParse(v.GetString(), out var b) => b,
                _ => null,
            }
            : null;

        /// <summary>A list of {"name", "value"} objects (or one object of name: value) as pairs; empty when absent.</summary>
        public IEnumerable<(string Name, string Value)> Pairs(string name)
        {
            if (Get(name) is not { } v)
            {
                yield break;
            }

            if (v.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in v.EnumerateObject())
                {
                    yield return (property.Name, Text(property.Value));
                }

                yield break;
            }

            if (v.ValueKind != JsonValueKind.Array)
            {
                yield break;
            }

            foreach (var item in v.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && new Reply(item).String("name") is { Length: > 0 } key)
                {
                    yield return (key, new Reply(item).String("value") ?? "");
                }
            }
        }

        private static string Text(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? "",
            JsonValueKind.Null => "",
            _ => value.GetRawText(),
        };

        private JsonElement? Get(string name)
        {
            foreach (var property in root.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return property.Value.ValueKind == JsonValueKind.Null ? null : property.Value;
                }
            }

            return null;
        }
    }
}
