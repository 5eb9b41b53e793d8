using System.Text.Json.Serialization;
using ActionAgent.Flows.Caching;
using ActionAgent.Flows.Reporting;

namespace ActionAgent.Flows;

/// <summary>Source-generated JSON for the action cache and test results (camelCase, enums as strings, indented).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(ActionCacheFile))]
[JsonSerializable(typeof(SuiteResultsFile))]
internal sealed partial class FlowsJsonContext : JsonSerializerContext;
