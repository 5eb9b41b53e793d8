using System.Text;
using System.Text.RegularExpressions;
using ActionAgent.Core.Runtime;
using ActionAgent.TestKit;

namespace ActionAgent.Core.Tests.Documentation;

/// <summary>
/// Keeps the README and docs/ honest where the code can check them: the state diagram in docs/architecture.md is the
/// machine's own graph, every relative link (and #anchor) leads somewhere, and the README stays a front page.
/// </summary>
[TestClass]
public sealed partial class DocumentationTests
{
    private static string Root => CliProcess.RepoRoot;

    [TestMethod]
    public void ArchitectureDoc_StateDiagram_IsTheRunMachinesGraph()
    {
        var doc = File.ReadAllText(Path.Combine(Root, "docs", "architecture.md")).ReplaceLineEndings("\n");
        var block = MermaidBlock().Match(doc);

        Assert.IsTrue(block.Success, "docs/architecture.md has no ```mermaid block with the run state diagram");
        Assert.AreEqual(
            RunMachine.ToMermaid().ReplaceLineEndings("\n").Trim(),
            block.Groups[1].Value.Trim(),
            "The run state diagram in docs/architecture.md differs from RunMachine: paste the output of `actionagent graph`.");
    }

    [TestMethod]
    public void ReadmeAndDocs_RelativeLinks_LeadToExistingFilesAndHeadings()
    {
        var broken = new List<string>();
        foreach (var file in MarkdownFiles())
        {
            var text = WithoutCode(File.ReadAllText(file));
            foreach (Match link in MarkdownLink().Matches(text))
            {
                var target = link.Groups[1].Value;
                if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                var hash = target.IndexOf('#', StringComparison.Ordinal);
                var path = hash < 0 ? target : target[..hash];
                var anchor = hash < 0 ? null : target[(hash + 1)..];
                var resolved = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, path));
                if (!File.Exists(resolved) && !Directory.Exists(resolved))
                {
                    broken.Add($"{Relative(file)}: {target} (no such file)");
                }
                else if (anchor is not null && File.Exists(resolved) && !Anchors(resolved).Contains(anchor))
                {
                    broken.Add($"{Relative(file)}: {target} (no heading with that anchor in {Relative(resolved)})");
                }
            }
        }

        Assert.AreEqual(0, broken.Count, "broken links:\n" + string.Join('\n', broken));
    }

    [TestMethod]
    public void Readme_FrontPage_StaysShort()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "README.md")).Length;

        Assert.IsTrue(lines <= 250, $"README.md has {lines} lines; it is the front page (at most 250): move reference text to docs/.");
    }

    private static IEnumerable<string> MarkdownFiles() =>
        new[] { Path.Combine(Root, "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories));

    private static string Relative(string path) => Path.GetRelativePath(Root, path);

    /// <summary>Code blocks and inline code hold examples, not links.</summary>
    private static string WithoutCode(string markdown) => InlineCode().Replace(FencedCode().Replace(markdown, ""), "");

    /// <summary>The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces as hyphens.</summary>
    private static HashSet<string> Anchors(string file)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(file))
        {
            var heading = Heading().Match(line);
            if (!heading.Success)
            {
                continue;
            }

            var slug = new StringBuilder();
            foreach (var c in heading.Groups[1].Value.Trim().ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(c) || c is '-' or '_')
                {
                    slug.Append(c);
                }
                else if (c == ' ')
                {
                    slug.Append('-');
                }
            }

            anchors.Add(slug.ToString());
        }

        return anchors;
    }

    [GeneratedRegex(@"```mermaid\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex MermaidBlock();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex FencedCode();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^#{1,6}\s+(.+)$")]
    private static partial Regex Heading();
}
