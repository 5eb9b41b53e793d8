using System.Xml.Linq;
using ActionAgent.Flows.Export;

namespace ActionAgent.Flows.Tests.Export;

[TestClass]
public sealed class PlaywrightProjectWriterTests
{
    [TestMethod]
    public void Write_NewFolder_WritesAValidProjectWithTheGivenVersions()
    {
        var root = Directory.CreateTempSubdirectory("aa-project-").FullName;
        try
        {
            var dir = Path.Combine(root, "nested", "RefundTests");

            var files = new PlaywrightProjectWriter(new PlaywrightProjectVersions("1.64.1", "4.5.2")).Write(dir, "FileARefundTests", "// code");

            var project = XDocument.Load(Path.Combine(dir, "RefundTests.csproj"));
            var packages = project.Descendants("PackageReference").ToDictionary(e => e.Attribute("Include")!.Value, e => e.Attribute("Version")!.Value);
            Assert.AreEqual("1.64.1", packages["Microsoft.Playwright"]);
            Assert.AreEqual("4.5.2", packages["MSTest"]);
            Assert.AreEqual("// code", File.ReadAllText(Path.Combine(dir, "FileARefundTests.cs")));
            Assert.AreEqual(3, files.Count);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [TestMethod]
    public void FromPackagesProps_RepositoryFile_ReadsPlaywrightAndMSTest()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """<Project><ItemGroup><PackageVersion Include="Microsoft.Playwright" Version="9.9.9" /><PackageVersion Include="MSTest" Version="8.8.8" /></ItemGroup></Project>""");

            var versions = PlaywrightProjectVersions.FromPackagesProps(file, new PlaywrightProjectVersions("1", "2"));

            Assert.AreEqual(("9.9.9", "8.8.8"), (versions.Playwright, versions.MSTest));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
