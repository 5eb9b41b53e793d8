namespace ActionAgent.Cli.Hosting;

/// <summary>What actionagent.json says: the app's <c>baseUrl</c> and more flow variables. Default: nothing (no file).</summary>
public sealed record ProjectSettings
{
    /// <summary>The file the settings came from; null when there is none.</summary>
    public string? SourcePath { get; init; }

    /// <summary>Flow variables from the file, <c>baseUrl</c> included when the file sets it.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
