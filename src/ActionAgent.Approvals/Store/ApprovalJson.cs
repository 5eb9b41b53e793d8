using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActionAgent.Approvals.Store;

/// <summary>JSON options for actions and API answers: camelCase, enums as snake_case strings, nulls omitted.</summary>
public static class ApprovalJson
{
    /// <summary>The shared options.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
