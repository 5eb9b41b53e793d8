using System.Text.Json.Serialization;
using ActionAgent.Flows.Caching;

namespace ActionAgent.Flows;

/// <summary>Source-generated JSON for the action cache (camelCase, enums as strings, indented).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(ActionCacheFile))]
internal sealed partial class FlowsJsonContext : JsonSerializerContext;
