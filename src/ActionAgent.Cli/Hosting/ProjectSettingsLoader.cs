using System.Text.Json;
using ActionAgent.Cli.Output;
using ActionAgent.Core.Text;

namespace ActionAgent.Cli.Hosting;

/// <summary>
/// Finds and reads actionagent.json (the current folder, else the nearest parent that has one). Unknown keys, wrong
/// types and bad URLs throw <see cref="InvalidDataException"/> with the file name and what to write instead.
/// </summary>
public static class ProjectSettingsLoader
{
    /// <summary>The file name looked for.</summary>
    public const string FileName = "actionagent.json";

    /// <summary>The keys the file may have.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["baseUrl", "variables", "$comment", "$schema"];

    /// <summary>Reads the nearest actionagent.json at or above <paramref name="folder"/>; empty settings when there is none.</summary>
    public static ProjectSettings Find(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, FileName);
            if (File.Exists(path))
            {
                return Load(path);
            }
        }

        return new ProjectSettings();
    }

    /// <summary>Reads one file.</summary>
    public static ProjectSettings Load(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON (line {e.LineNumber + 1}): {e.Message.Split(" Path:")[0]}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{path}: the file must hold one JSON object, e.g. {{ \"baseUrl\": \"http://127.0.0.1:5000\" }}");
            }

            var variables = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "baseUrl":
                        variables["baseUrl"] = BaseUrl(path, property.Value);
                        break;
                    case "variables":
                        ReadVariables(path, property.Value, variables);
                        break;
                    case "$comment" or "$schema":
                        break;
                    default:
                        throw new InvalidDataException($"{path}: unknown key \"{property.Name}\"{DidYouMean.Suffix(property.Name, Keys)}; the keys are {string.Join(", ", Keys.Take(2))}");
                }
            }

            return new ProjectSettings { SourcePath = Path.GetFullPath(path), Variables = variables };
        }
    }

    private static string BaseUrl(string path, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new InvalidDataException($"{path}: baseUrl must be a string, e.g. \"http://127.0.0.1:5000\"");
        }

        var url = value.GetString()!.Trim().TrimEnd('/');
        return UrlCheck.Problem(url) is { } problem ? throw new InvalidDataException($"{path}: baseUrl: {problem}") : url;
    }

    private static void ReadVariables(string path, JsonElement value, Dictionary<string, string> variables)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{path}: variables must be an object of name: value pairs, e.g. {{ \"order\": \"1042\" }}");
        }

        foreach (var variable in value.EnumerateObject())
        {
            variables[variable.Name] = variable.Value.ValueKind switch
            {
                JsonValueKind.String => variable.Value.GetString()!,
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => variable.Value.GetRawText(),
                _ => throw new InvalidDataException($"{path}: variables.{variable.Name} must be a string or a number, e.g. \"{variable.Name}\": \"1042\""),
            };
        }
    }
}
