using System.Xml.Linq;
using ActionAgent.SampleApp;
using ActionAgent.TestKit;

namespace ActionAgent.Cli.Tests.Flows;

/// <summary><c>actionagent test --shard</c>, <c>report --merge</c> and <c>cache merge</c> as real processes against the sample app.</summary>
[TestClass]
[DoNotParallelize]
public sealed class FlowShardCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);
    private string _dir = "";

    public TestContext TestContext { get; set; } = null!;

    [TestInitialize]
    public void Init() => _dir = CliProcess.NewWorkDir("aa-shard-");

    [TestCleanup]
    public void Cleanup()
    {
        if (TestContext.CurrentTestOutcome == UnitTestOutcome.Passed)
        {
            Directory.Delete(_dir, recursive: true);
        }
        else
        {
            TestContext.WriteLine($"reports kept for inspection in {_dir}");
        }
    }

    /// <summary>Four one-step flows on the sample app's sign-in page; "Wrong user" fails its expectation.</summary>
    private string SmallFlows()
    {
        var dir = Directory.CreateDirectory(Path.Combine(_dir, "flows", "nested")).Parent!.FullName;
        foreach (var (file, name, user, expected) in new[]
                 {
                     ("a-ops.yaml", "Type ops", "ops", "ops"), ("nested/b-kim.yaml", "Type kim", "kim", "kim"),
                     ("c-lee.yaml", "Type lee", "lee", "lee"), ("d-wrong.yaml", "Wrong user", "ann", "bob"),
                 })
        {
            File.WriteAllText(Path.Combine(dir, file), $"name: {name}\nurl: ${{baseUrl}}/login\nsteps:\n  - Type {user} into Username\nexpect:\n  - the Username field reads {expected}\n");
        }

        return dir;
    }

    private static (string Counts, List<string> Names) JUnit(string path)
    {
        var root = XDocument.Load(path).Root!;
        var counts = string.Join(" ", new[] { "tests", "failures", "errors" }.Select(a => $"{a}={root.Attribute(a)?.Value}"));
        return (counts, root.Descendants("testcase").Select(t => (string)t.Attribute("name")!).Order(StringComparer.Ordinal).ToList());
    }

    [TestMethod]
    public async Task Test_ThreeShardsMergedWithTheirCaches_CountLikeAWholeRunThatThenNeedsNoDecisions()
    {
        await using var app = await SampleAppServer.StartAsync();
        var flows = SmallFlows();
        Task<CliProcess.Result> Test(string html, params string[] more) =>
            CliProcess.RunAsync(_dir, Timeout, ["test", "flows", "--var", "baseUrl=" + app.BaseUrl, "--html", Path.Combine(_dir, html), .. more]);

        var shards = new List<CliProcess.Result>();
        for (var i = 1; i <= 3; i++)
        {
            shards.Add(await Test($"shard-{i}", "--shard", $"{i}/3", "--cache", Path.Combine(_dir, $"cache-{i}.json")));
        }

        var again = await Test("shard-2-again", "--shard", "2/3", "--no-cache");
        var merged = await CliProcess.RunAsync(_dir, Timeout, "report", "--merge", Path.Combine(_dir, "shard-1"), Path.Combine(_dir, "shard-2"), Path.Combine(_dir, "shard-3"), "--html", Path.Combine(_dir, "merged"));
        var cache = await CliProcess.RunAsync(_dir, Timeout, "cache", "merge", Path.Combine(_dir, "cache-1.json"), Path.Combine(_dir, "cache-2.json"), Path.Combine(_dir, "cache-3.json"), "-o", Path.Combine(_dir, "cache.json"));
        var whole = await Test("whole", "--cache", Path.Combine(_dir, "cache.json"));

        var names = Enumerable.Range(1, 3).Select(i => JUnit(Path.Combine(_dir, $"shard-{i}", "junit.xml")).Names).ToList();
        CollectionAssert.AreEquivalent(new[] { "Type kim", "Type lee", "Type ops", "Wrong user" }, names.SelectMany(n => n).ToList(), "the shards are disjoint and cover every flow:\n" + string.Join("\n", shards));
        CollectionAssert.AreEqual(names[1], JUnit(Path.Combine(_dir, "shard-2-again", "junit.xml")).Names, "the same shard runs the same flows again");
        Assert.AreEqual(1, shards.Count(s => s.ExitCode == 1), "only the shard with the failing flow fails:\n" + string.Join("\n", shards));
        Assert.AreEqual(0, merged.ExitCode, merged.ToString());
        StringAssert.Contains(merged.StdOut, "3 passed, 1 failed", merged.ToString());
        Assert.AreEqual(0, cache.ExitCode, cache.ToString());
        Assert.AreEqual(1, whole.ExitCode, whole.ToString());
        StringAssert.Contains(whole.StdOut, "3 passed, 1 failed", whole.ToString());
        StringAssert.Contains(whole.StdOut, " 0 misses", "the merged cache serves every shard's steps without deciding again\n" + whole);
        var expected = JUnit(Path.Combine(_dir, "whole", "junit.xml"));
        var actual = JUnit(Path.Combine(_dir, "merged", "junit.xml"));
        Assert.AreEqual(expected.Counts, actual.Counts);
        CollectionAssert.AreEqual(expected.Names, actual.Names);
        StringAssert.Contains(File.ReadAllText(Path.Combine(_dir, "merged", "report.html")), "Wrong user");
    }

    [TestMethod]
    public async Task Test_MoreShardsThanFlows_EmptyShardPassesWithZeroCounts()
    {
        await using var app = await SampleAppServer.StartAsync();
        var dir = Directory.CreateDirectory(Path.Combine(_dir, "one")).FullName;
        File.WriteAllText(Path.Combine(dir, "only.yaml"), "name: Only\nurl: ${baseUrl}/login\nsteps:\n  - Type ops into Username\n");

        var r = await CliProcess.RunAsync(_dir, Timeout, "test", dir, "--shard", "2/2", "--var", "baseUrl=" + app.BaseUrl, "--no-cache");

        Assert.AreEqual(0, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdOut, "0 passed, 0 failed", r.ToString());
        StringAssert.Contains(r.StdErr, "shard 2/2: no flows in this shard", r.ToString());
        Assert.AreEqual("tests=0 failures=0 errors=0", JUnit(Path.Combine(_dir, "test-results", "junit.xml")).Counts);
    }

    [TestMethod]
    [DataRow("0/3")]
    [DataRow("4/3")]
    [DataRow("a/b")]
    [DataRow("1/0")]
    public async Task Test_BadShard_OneLineAndExit2(string shard)
    {
        var r = await CliProcess.RunAsync(_dir, Timeout, "test", "flows", "--shard", shard);

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        var lines = r.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual(1, lines.Length, r.ToString());
        StringAssert.StartsWith(lines[0], $"error: --shard", r.ToString());
    }

    [TestMethod]
    public async Task Report_MergeFolderMissingOrWithoutResults_OneLineAndExit2()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_dir, "empty")).FullName;

        var missing = await CliProcess.RunAsync(_dir, Timeout, "report", "--merge", Path.Combine(_dir, "nope"));
        var none = await CliProcess.RunAsync(_dir, Timeout, "report", "--merge", empty);
        var cache = await CliProcess.RunAsync(_dir, Timeout, "cache", "merge", Path.Combine(_dir, "nope.json"));

        foreach (var (r, expected) in new[] { (missing, "no such folder"), (none, "holds no test results"), (cache, "no such cache file") })
        {
            Assert.AreEqual(2, r.ExitCode, r.ToString());
            Assert.AreEqual(1, r.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, r.ToString());
            StringAssert.Contains(r.StdErr, expected, r.ToString());
        }
    }
}
