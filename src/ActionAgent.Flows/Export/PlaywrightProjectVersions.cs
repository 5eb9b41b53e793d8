using System.Xml.Linq;

namespace ActionAgent.Flows.Export;

/// <summary>Package versions of an exported project; <see cref="FromPackagesProps"/> reads them from Directory.Packages.props.</summary>
public sealed record PlaywrightProjectVersions(string Playwright, string MSTest, string TargetFramework = "net10.0")
{
    /// <summary>The versions ActionAgent was built with, read from <paramref name="packagesProps"/> when it exists; <paramref name="fallback"/> otherwise.</summary>
    public static PlaywrightProjectVersions FromPackagesProps(string? packagesProps, PlaywrightProjectVersions fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        if (packagesProps is null || !File.Exists(packagesProps))
        {
            return fallback;
        }

        var versions = XDocument.Load(packagesProps).Descendants("PackageVersion")
            .Where(e => e.Attribute("Include") is not null && e.Attribute("Version") is not null)
            .GroupBy(e => e.Attribute("Include")!.Value, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Attribute("Version")!.Value, StringComparer.OrdinalIgnoreCase);
        return fallback with
        {
            Playwright = versions.GetValueOrDefault("Microsoft.Playwright", fallback.Playwright),
            MSTest = versions.GetValueOrDefault("MSTest", versions.GetValueOrDefault("MSTest.TestFramework", fallback.MSTest)),
        };
    }
}
