using System.Text.Json;
using System.Text.Json.Serialization;
using ActionAgent.Serve.Tasks;

namespace ActionAgent.Serve.Store;

/// <summary>Source-generated JSON for what the store and the API exchange (camelCase, enums as words).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TaskSubmission))]
[JsonSerializable(typeof(ServeTask))]
[JsonSerializable(typeof(IReadOnlyList<ServeTask>))]
public sealed partial class ServeJson : JsonSerializerContext;
