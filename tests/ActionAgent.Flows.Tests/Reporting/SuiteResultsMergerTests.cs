using System.Xml.Linq;
using ActionAgent.Flows.Definition;
using ActionAgent.Flows.Reporting;
using ActionAgent.Flows.Running;
using ActionAgent.Flows.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionAgent.Flows.Tests.Reporting;

[TestClass]
public sealed class SuiteResultsMergerTests
{
    private string _root = "";

    [TestInitialize]
    public void Init() => _root = Directory.CreateTempSubdirectory("aa-merge-").FullName;

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    private static string Passing(string name) => $"""
        name: {name}
        url: http://app.test/login
        steps:
          - Type ops into Username
          - Click Sign in
          - expect: the URL ends with /orders
        """;

    private const string FailingStep = """
        name: Delete all orders
        url: http://app.test/login
        steps:
          - Type ops into Username
          - Click Sign in
          - Click Delete all orders
        """;

    private const string FailingExpectation = """
        name: Refund confirmation
        url: http://app.test/login
        steps:
          - Type ops into Username
        expect:
          - the page shows Refund filed
        """;

    private static FlowLoadResult Flows() => new(
        [
            FlowLoader.Parse(Passing("Sign in"), "flows/sign-in.yaml"), FlowLoader.Parse(FailingStep, "flows/delete.yaml"),
            FlowLoader.Parse(Passing("Sign in again"), "flows/again.yaml"), FlowLoader.Parse(FailingExpectation, "flows/refund.yaml"),
            FlowLoader.Parse(Passing("Sign in once more"), "smoke/once-more.yaml"),
        ],
        [new FlowLoadError("flows/broken.yaml", "flows/broken.yaml:3:1: unknown key \"stpes\"")]);

    private async Task<string> RunAsync(string name, FlowLoadResult flows, FlowShard? shard = null, int shardedFrom = 0)
    {
        var options = new FlowRunnerOptions { RecordingsRoot = Path.Combine(_root, "recordings-" + name), ExpectationTimeout = TimeSpan.Zero, Workers = 2 };
        var runner = new FlowRunner(new FakeSessionFactory(_ => new FakeSession(FakeApp.Orders())), new InstructionDecider(), options, TimeProvider.System, NullLoggerFactory.Instance);
        var suite = await runner.RunAsync(flows) with { Shard = shard, ShardedFrom = shardedFrom };
        var dir = Path.Combine(_root, name);
        FlowReports.Write(suite, dir);
        return dir;
    }

    private async Task<List<string>> ShardsAsync(int count, string prefix = "shard")
    {
        var all = Flows();
        var dirs = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            var shard = new FlowShard(i, count);
            dirs.Add(await RunAsync($"{prefix}-{i}", shard.Select(all, [], _root), shard, FlowShard.Splittable(all, [])));
        }

        return dirs;
    }

    private static (string Counts, List<string> Names) JUnit(string path)
    {
        var root = XDocument.Load(path).Root!;
        var counts = string.Join(" ", new[] { "tests", "failures", "errors", "skipped" }.Select(a => $"{a}={root.Attribute(a)?.Value}"));
        return (counts, root.Descendants("testcase").Select(t => (string)t.Attribute("name")!).Order(StringComparer.Ordinal).ToList());
    }

    [TestMethod]
    public async Task Merge_ThreeShards_JUnitHtmlAndResultsCountLikeTheUnshardedRun()
    {
        var whole = await RunAsync("whole", Flows());
        var shards = await ShardsAsync(3);
        var merged = Path.Combine(_root, "merged");

        var suite = SuiteResultsMerger.Merge(shards);
        var written = FlowReports.WriteMerged(suite, shards, merged);

        var expected = JUnit(Path.Combine(whole, "junit.xml"));
        var actual = JUnit(written.JUnitXml);
        Assert.AreEqual("tests=6 failures=2 errors=1 skipped=0", expected.Counts, "the fixture has two failing flows and one unloadable file");
        Assert.AreEqual(expected.Counts, actual.Counts);
        CollectionAssert.AreEqual(expected.Names, actual.Names);
        Assert.IsTrue(shards.All(d => JUnit(Path.Combine(d, "junit.xml")).Names.Count < 6), "each shard ran only part of the flows");
        var html = File.ReadAllText(written.SuiteHtml);
        StringAssert.Contains(html, "<b>3</b><small>passed</small>");
        StringAssert.Contains(html, "Refund filed", "the failed expectation is shown");
        StringAssert.Contains(html, "Delete all orders");
        Assert.AreEqual(5, Directory.GetFiles(Path.Combine(merged, "runs"), "*.html").Length, "every shard's run reports are copied and linked");
        StringAssert.Contains(html, "href=\"runs/");
        var again = SuiteResults.Read(written.Results!);
        Assert.AreEqual(5, again.Flows.Count);
        Assert.IsNull(again.Shard, "the merge is a whole run");
    }

    [TestMethod]
    public async Task Merge_SameFlowInTwoFolders_RefusedAsOverlapping()
    {
        var a = await RunAsync("a", Flows());
        var b = await RunAsync("b", Flows());

        var e = Assert.ThrowsExactly<InvalidDataException>(() => SuiteResultsMerger.Merge([a, b]));

        StringAssert.Contains(e.Message, "shards overlap");
        StringAssert.Contains(e.Message, a);
        StringAssert.Contains(e.Message, b);
    }

    [TestMethod]
    public async Task Merge_AShardMissing_RefusedNamingIt()
    {
        var shards = await ShardsAsync(3);

        var e = Assert.ThrowsExactly<InvalidDataException>(() => SuiteResultsMerger.Merge([shards[0], shards[2]]));

        StringAssert.Contains(e.Message, "shard 2/3 missing");
    }

    [TestMethod]
    public async Task Merge_ShardsOfDifferentSplits_Refused()
    {
        var threes = await ShardsAsync(3, "three");
        var twos = await ShardsAsync(2, "two");

        var e = Assert.ThrowsExactly<InvalidDataException>(() => SuiteResultsMerger.Merge([threes[0], twos[1], threes[2]]));

        StringAssert.Contains(e.Message, "merge the shards of one run only");
    }

    [TestMethod]
    public async Task Merge_MissingFolderEmptyFolderOrOtherVersion_RefusedWithOneLine()
    {
        var shards = await ShardsAsync(2);
        var empty = Directory.CreateDirectory(Path.Combine(_root, "empty")).FullName;
        var results = Path.Combine(shards[1], SuiteResults.FileName);
        File.WriteAllText(results, File.ReadAllText(results).Replace("\"schemaVersion\": 1", "\"schemaVersion\": 2", StringComparison.Ordinal));

        var missing = Assert.ThrowsExactly<InvalidDataException>(() => SuiteResultsMerger.Merge([shards[0], Path.Combine(_root, "nope")]));
        var none = Assert.ThrowsExactly<InvalidDataException>(() => SuiteResultsMerger.Merge([shards[0], empty]));
        var version = Assert.ThrowsExactly<InvalidDataException>(() => SuiteResultsMerger.Merge(shards));

        StringAssert.Contains(missing.Message, "no such folder");
        StringAssert.Contains(none.Message, "holds no test results");
        StringAssert.Contains(version.Message, "schemaVersion 2");
        Assert.IsFalse(new[] { missing, none, version }.Any(x => x.Message.Contains('\n', StringComparison.Ordinal)));
    }
}
