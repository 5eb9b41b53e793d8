using ActionAgent.Models.Imaging;
using ActionAgent.Models.Prompting;

namespace ActionAgent.Models.Deciders;

/// <summary>How a <see cref="ChatClientDecider"/> asks its model.</summary>
public sealed class ChatClientDeciderOptions
{
    /// <summary>Re-asks after an invalid answer (not JSON, against the schema, unknown element), with the error fed back. Default 2.</summary>
    public int MaxInvalidRetries { get; set; } = 2;

    /// <summary>Most extra element-list pages the model may ask for in one step. Default 2.</summary>
    public int MaxElementPages { get; set; } = 2;

    /// <summary>Most output tokens per call (an action is about 80). Default 400.</summary>
    public int MaxOutputTokens { get; set; } = 400;

    /// <summary>Sampling temperature; null leaves the provider's default (needed for models that refuse it). Default 0.</summary>
    public float? Temperature { get; set; } = 0f;

    /// <summary>
    /// Send the answer schema as the response format (JSON schema). Default true; false asks only for JSON, for servers
    /// that do not support schemas.
    /// </summary>
    public bool UseJsonSchema { get; set; } = true;

    /// <summary>What goes into the prompt.</summary>
    public PromptOptions Prompt { get; set; } = new();

    /// <summary>Screenshot size and encoding.</summary>
    public ImageOptions Images { get; set; } = new();
}
