namespace ActionAgent.Cli.Hosting;

/// <summary>
/// The folder holding the refund skill for the demo's goal task: the repository's <c>flows/skills</c> when the refund skill
/// is there, else a temporary folder with the copy built into the tool (an installed tool has no repository), removed on dispose.
/// </summary>
public sealed class DemoSkills : IDisposable
{
    private const string File = "refund-order.yaml";
    private readonly string? _temporary;

    private DemoSkills(string folder, string? temporary)
    {
        Folder = folder;
        _temporary = temporary;
    }

    /// <summary>The folder to pass to skill routing.</summary>
    public string Folder { get; }

    /// <summary>Finds or writes the folder.</summary>
    public static DemoSkills Open()
    {
        var repo = Path.Combine(RepoPaths.Root, "flows", "skills");
        if (System.IO.File.Exists(Path.Combine(repo, File)))
        {
            return new DemoSkills(repo, null);
        }

        var dir = Directory.CreateTempSubdirectory("actionagent-demo-skills-").FullName;
        using var stream = typeof(DemoSkills).Assembly.GetManifestResourceStream("Demo/" + File)
            ?? throw new InvalidOperationException("the demo's refund skill is missing from the build");
        using (var target = System.IO.File.Create(Path.Combine(dir, File)))
        {
            stream.CopyTo(target);
        }

        return new DemoSkills(dir, dir);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_temporary is not null && Directory.Exists(_temporary))
        {
            Directory.Delete(_temporary, recursive: true);
        }
    }
}
