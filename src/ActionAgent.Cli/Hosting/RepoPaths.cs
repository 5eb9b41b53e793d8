namespace ActionAgent.Cli.Hosting;

/// <summary>Finds the repository root (the folder with ActionAgent.sln or playwright.config.json) for default paths.</summary>
public static class RepoPaths
{
    /// <summary>The nearest folder upward from the current directory that holds playwright.config.json, else the current directory.</summary>
    public static string Root { get; } = Find(Directory.GetCurrentDirectory()) ?? Find(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory();

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "playwright.config.json")) || File.Exists(Path.Combine(dir.FullName, "ActionAgent.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
