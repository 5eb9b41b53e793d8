using System.Text.RegularExpressions;
using ActionAgent.TestKit;

namespace ActionAgent.Cli.Tests.Docs;

/// <summary>
/// Every option the README and docs/ show on an <c>actionagent …</c> command line is one that command's
/// <c>--help</c> lists: no invented or stale flags in the documentation.
/// </summary>
[TestClass]
public sealed partial class DocumentedOptionsTests
{
    private static readonly string[] Commands =
    [
        "run", "demo", "test", "replay", "report", "export", "graph",
        "policy check", "audit verify", "cache merge",
        "approvals list", "approvals show", "approvals approve", "approvals reject", "approvals serve",
        "serve", "worker",
    ];

    [TestMethod]
    public async Task ReadmeAndDocs_CommandLines_UseOnlyOptionsTheCommandAccepts()
    {
        var accepted = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var command in Commands)
        {
            var r = await CliProcess.RunAsync(CliProcess.RepoRoot, TimeSpan.FromMinutes(1), [.. command.Split(' '), "--help"]);
            Assert.AreEqual(0, r.ExitCode, r.ToString());
            accepted[command] = Option().Matches(r.StdOut).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        }

        var unknown = new List<string>();
        var checkedLines = 0;
        var files = new[] { Path.Combine(CliProcess.RepoRoot, "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(CliProcess.RepoRoot, "docs"), "*.md", SearchOption.AllDirectories));
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match use in CommandLine().Matches(lines[i]))
                {
                    checkedLines++;
                    var command = use.Groups[1].Value;
                    foreach (Match option in Option().Matches(use.Groups[2].Value))
                    {
                        if (option.Value != "--help" && !accepted[command].Contains(option.Value))
                        {
                            unknown.Add($"{Path.GetRelativePath(CliProcess.RepoRoot, file)}:{i + 1}: actionagent {command} has no {option.Value}");
                        }
                    }
                }
            }
        }

        Assert.IsTrue(checkedLines > 20, $"only {checkedLines} command lines found in the docs; the pattern no longer matches them");
        Assert.AreEqual(0, unknown.Count, "options the CLI does not accept:\n" + string.Join('\n', unknown));
    }

    /// <summary>`actionagent CMD …` up to the end of the inline code, a comment or a table cell.</summary>
    [GeneratedRegex(@"actionagent ((?:approvals|policy|audit|cache) [a-z]+|run|demo|test|replay|report|export|graph|serve|worker)\b([^`#|]*)")]
    private static partial Regex CommandLine();

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z-]*")]
    private static partial Regex Option();
}
