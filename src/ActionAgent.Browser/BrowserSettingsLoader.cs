using System.Globalization;
using System.Text.Json;

namespace ActionAgent.Browser;

/// <summary>
/// Reads <see cref="BrowserSettings"/> from <c>playwright.config.json</c>. A missing file gives the defaults; a
/// malformed one throws <see cref="BrowserSettingsException"/> naming the key and what was expected.
/// </summary>
public static class BrowserSettingsLoader
{
    /// <summary>The settings file's usual name, at the repository (or working) root.</summary>
    public const string DefaultFileName = "playwright.config.json";

    private static readonly string[] RootKeys = ["browser", "viewport", "deviceScaleFactor", "timeouts", "screenshot", "uploadFolders"];
    private static readonly string[] BrowserKeys = ["executablePath", "headless", "args"];
    private static readonly string[] ViewportKeys = ["width", "height"];
    private static readonly string[] TimeoutKeys = ["navigationMs", "actionMs", "settleMs"];
    private static readonly string[] ScreenshotKeys = ["maxWidth", "format"];

    /// <summary>Loads the settings file at <paramref name="path"/>; defaults when the file does not exist.</summary>
    /// <exception cref="BrowserSettingsException">The file is not valid JSON or a key has the wrong type or value.</exception>
    public static BrowserSettings Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            return new BrowserSettings { BaseDirectory = Path.GetDirectoryName(full) };
        }

        var settings = Parse(File.ReadAllText(full), Path.GetFileName(full));
        settings.SourcePath = full;
        settings.BaseDirectory = Path.GetDirectoryName(full);
        return settings;
    }

    /// <summary>Parses settings JSON; <paramref name="fileName"/> prefixes error messages.</summary>
    /// <exception cref="BrowserSettingsException">The text is not valid JSON or a key has the wrong type or value.</exception>
    public static BrowserSettings Parse(string json, string fileName = DefaultFileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var position = (e.BytePositionInLine ?? 0) + 1;
            throw new BrowserSettingsException(
                string.Create(CultureInfo.InvariantCulture, $"{fileName}: invalid JSON at line {line}, position {position}: {FirstSentence(e.Message)} Fix the syntax or delete the file to use the defaults."),
                e);
        }

        using (document)
        {
            var reader = new Reader(fileName);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new BrowserSettingsException($"{fileName}: the top level must be a JSON object {{ ... }}, got {Describe(root)}");
            }

            var settings = new BrowserSettings();
            reader.CheckKeys(root, "", RootKeys);
            if (reader.Section(root, "browser", BrowserKeys) is { } browser)
            {
                settings.ExecutablePath = reader.String(browser, "browser.executablePath") ?? settings.ExecutablePath;
                settings.Headless = reader.Bool(browser, "browser.headless") ?? settings.Headless;
                settings.Args = reader.StringList(browser, "browser.args", allowEmpty: true) ?? settings.Args;
            }

            if (reader.Section(root, "viewport", ViewportKeys) is { } viewport)
            {
                settings.Viewport.Width = reader.PositiveInt(viewport, "viewport.width") ?? settings.Viewport.Width;
                settings.Viewport.Height = reader.PositiveInt(viewport, "viewport.height") ?? settings.Viewport.Height;
            }

            settings.DeviceScaleFactor = reader.Number(root, "deviceScaleFactor", 0.25, 5) ?? settings.DeviceScaleFactor;
            if (reader.Section(root, "timeouts", TimeoutKeys) is { } timeouts)
            {
                settings.Timeouts.NavigationMs = reader.PositiveInt(timeouts, "timeouts.navigationMs") ?? settings.Timeouts.NavigationMs;
                settings.Timeouts.ActionMs = reader.PositiveInt(timeouts, "timeouts.actionMs") ?? settings.Timeouts.ActionMs;
                settings.Timeouts.SettleMs = reader.NonNegativeInt(timeouts, "timeouts.settleMs") ?? settings.Timeouts.SettleMs;
            }

            if (reader.Section(root, "screenshot", ScreenshotKeys) is { } screenshot)
            {
                settings.Screenshot.MaxWidth = reader.PositiveInt(screenshot, "screenshot.maxWidth") ?? settings.Screenshot.MaxWidth;
                if (reader.String(screenshot, "screenshot.format") is { } format)
                {
                    if (!string.Equals(format, "png", StringComparison.OrdinalIgnoreCase))
                    {
                        throw new BrowserSettingsException($"{fileName}: \"screenshot.format\" must be \"png\" (the only supported format), got \"{format}\"");
                    }

                    settings.Screenshot.Format = "png";
                }
            }

            settings.UploadFolders = reader.StringList(root, "uploadFolders", allowEmpty: true) ?? settings.UploadFolders;
            return settings;
        }
    }

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends "Path: $ | LineNumber: ..." which we already report in our own words.
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var text = cut > 0 ? message[..cut] : message;
        return text.EndsWith('.') ? text : text + ".";
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        _ => value.GetRawText(),
    };

    private sealed class Reader(string fileName)
    {
        public void CheckKeys(JsonElement obj, string section, string[] valid)
        {
            foreach (var property in obj.EnumerateObject())
            {
                if (property.Name.StartsWith('$') || valid.Contains(property.Name, StringComparer.Ordinal))
                {
                    continue;
                }

                var key = section.Length == 0 ? property.Name : $"{section}.{property.Name}";
                var where = section.Length == 0 ? "" : $" in \"{section}\"";
                var hint = valid.FirstOrDefault(v => string.Equals(v, property.Name, StringComparison.OrdinalIgnoreCase)) is { } near
                    ? $" (did you mean \"{near}\"? keys are case-sensitive)"
                    : "";
                throw new BrowserSettingsException(
                    $"{fileName}: unknown key \"{key}\"{hint}; valid keys{where} are: {string.Join(", ", valid)} (keys starting with $ are comments)");
            }
        }

        public JsonElement? Section(JsonElement parent, string key, string[] valid)
        {
            if (!TryGet(parent, key, out var value))
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(key, $"an object with the keys {string.Join(", ", valid)}", value);
            }

            CheckKeys(value, key, valid);
            return value;
        }

        public string? String(JsonElement obj, string key)
        {
            if (!TryGet(obj, key, out var value))
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            {
                throw Invalid(key, "a non-empty string", value);
            }

            return value.GetString();
        }

        public bool? Bool(JsonElement obj, string key)
        {
            if (!TryGet(obj, key, out var value))
            {
                return null;
            }

            return value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Invalid(key, "true or false", value),
            };
        }

        public int? PositiveInt(JsonElement obj, string key) => Int(obj, key, 1, "a positive integer");

        public int? NonNegativeInt(JsonElement obj, string key) => Int(obj, key, 0, "a whole number, 0 or more");

        public double? Number(JsonElement obj, string key, double min, double max)
        {
            if (!TryGet(obj, key, out var value))
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || number < min || number > max)
            {
                throw Invalid(key, string.Create(CultureInfo.InvariantCulture, $"a number from {min} to {max}"), value);
            }

            return number;
        }

        public IList<string>? StringList(JsonElement obj, string key, bool allowEmpty)
        {
            if (!TryGet(obj, key, out var value))
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Array
                || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString()))
                || (!allowEmpty && value.GetArrayLength() == 0))
            {
                throw Invalid(key, "an array of non-empty strings", value);
            }

            return value.EnumerateArray().Select(v => v.GetString()!).ToList();
        }

        private int? Int(JsonElement obj, string key, int min, string expected)
        {
            if (!TryGet(obj, key, out var value))
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < min)
            {
                throw Invalid(key, expected, value);
            }

            return number;
        }

        private static bool TryGet(JsonElement obj, string key, out JsonElement value)
        {
            var name = key[(key.LastIndexOf('.') + 1)..];
            return obj.TryGetProperty(name, out value);
        }

        private BrowserSettingsException Invalid(string key, string expected, JsonElement got) =>
            new($"{fileName}: \"{key}\" must be {expected}, got {Describe(got)}");
    }
}
