namespace ActionAgent.Flows.Export;

/// <summary>
/// Writes a ready MSTest + Microsoft.Playwright test project around exported tests (<c>export --project DIR</c>):
/// a .csproj with the package versions ActionAgent itself builds with, and MSTest settings. <c>dotnet test</c> runs it.
/// </summary>
public sealed class PlaywrightProjectWriter(PlaywrightProjectVersions versions)
{
    /// <summary>Writes <paramref name="directory"/>/&lt;folder name&gt;.csproj and MSTestSettings.cs (kept when present) and the test file; returns the files written.</summary>
    public IReadOnlyList<string> Write(string directory, string className, string code)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(className);
        ArgumentNullException.ThrowIfNull(code);
        var dir = Directory.CreateDirectory(directory).FullName;
        var written = new List<string>();
        var existing = Directory.GetFiles(dir, "*.csproj");
        if (existing.Length == 0)
        {
            var project = Path.Combine(dir, PlaywrightCSharpExporter.Identifier(Path.GetFileName(dir.TrimEnd(Path.DirectorySeparatorChar))) + ".csproj");
            File.WriteAllText(project, ProjectXml());
            written.Add(project);
        }

        var settings = Path.Combine(dir, "MSTestSettings.cs");
        if (!File.Exists(settings))
        {
            // One browser per test already; tests of one recorded app share its state, so they run one at a time.
            File.WriteAllText(settings, "[assembly: Microsoft.VisualStudio.TestTools.UnitTesting.DoNotParallelize]\n");
            written.Add(settings);
        }

        var file = Path.Combine(dir, className + ".cs");
        File.WriteAllText(file, code);
        written.Add(file);
        return written;
    }

    /// <summary>The .csproj text.</summary>
    public string ProjectXml() => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <!-- Written by actionagent export (project option). Run: dotnet test, with ACTIONAGENT_BASE_URL, ACTIONAGENT_SECRET_NAME and ACTIONAGENT_CHROMIUM set as needed. -->
          <PropertyGroup>
            <TargetFramework>{versions.TargetFramework}</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <IsPackable>false</IsPackable>
            <IsTestProject>true</IsTestProject>
            <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Microsoft.Playwright" Version="{versions.Playwright}" />
            <PackageReference Include="MSTest" Version="{versions.MSTest}" />
          </ItemGroup>
        </Project>

        """;
}
