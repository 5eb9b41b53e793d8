using ActionAgent.Models.Imaging;

namespace ActionAgent.Models.Verification;

/// <summary>How the end-of-run check asks its model.</summary>
public sealed class TaskVerifierOptions
{
    /// <summary>Re-asks after an invalid answer. Default 1.</summary>
    public int MaxInvalidRetries { get; set; } = 1;

    /// <summary>Most output tokens. Default 200.</summary>
    public int MaxOutputTokens { get; set; } = 200;

    /// <summary>Characters of the final page's visible text included. Default 2000.</summary>
    public int VisibleTextChars { get; set; } = 2000;

    /// <summary>Screenshot size and encoding.</summary>
    public ImageOptions Images { get; set; } = new();
}
