using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActionAgent.Core.Recording;

/// <summary>Source-generated JSON for recordings (camelCase, enums as strings).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(RunManifest))]
[JsonSerializable(typeof(StepRecord))]
[JsonSerializable(typeof(Dictionary<string, string>))]
public sealed partial class RecordingJsonContext : JsonSerializerContext
{
    /// <summary>Options for indented run.json files.</summary>
    public static JsonSerializerOptions Indented => s_indented ??= new(Default!.Options) { WriteIndented = true };

    private static JsonSerializerOptions? s_indented;
}
