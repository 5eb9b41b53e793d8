using ActionAgent.Flows.Definition;
using ActionAgent.Flows.Running;

namespace ActionAgent.Flows.Tests.Running;

[TestClass]
public sealed class FlowShardTests
{
    private const string WorkingDirectory = "/work/suite";

    private static FlowDefinition Flow(string path, string name, params string[] tags) =>
        FlowLoader.Parse($"name: {name}\nurl: http://app.test/login\ntags: [{string.Join(", ", tags)}]\nsteps:\n  - Click Sign in\n", Path.Combine(WorkingDirectory, path));

    private static FlowLoadResult Suite() => new(
        [
            Flow("flows/refund.yaml", "Refund"), Flow("flows/a/login.yaml", "Login"), Flow("flows/b/search.yaml", "Search"),
            Flow("flows/orders.yaml", "Orders"), Flow("flows/Z-last.yaml", "Last"), Flow("smoke/home.yaml", "Home"), Flow("flows/a/logout.yaml", "Logout"),
        ],
        [new FlowLoadError(Path.Combine(WorkingDirectory, "flows/broken.yaml"), "flows/broken.yaml:3:1: unknown key")]);

    private static List<string> Names(FlowLoadResult r) => r.Flows.Select(f => f.Name).Concat(r.Errors.Select(e => e.Path)).ToList();

    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    [DataRow(3)]
    [DataRow(5)]
    [DataRow(8)]
    public void Select_AnyShardCount_ShardsAreDisjointCoverEveryFlowAndDifferByAtMostOne(int count)
    {
        var suite = Suite();

        var shards = Enumerable.Range(1, count).Select(i => Names(new FlowShard(i, count).Select(suite, [], WorkingDirectory))).ToList();

        var all = shards.SelectMany(s => s).ToList();
        CollectionAssert.AreEquivalent(Names(suite), all, "together the shards run every flow and every unloadable file, each once");
        Assert.IsTrue(shards.Max(s => s.Count) - shards.Min(s => s.Count) <= 1, string.Join(" | ", shards.Select(s => string.Join(",", s))));
    }

    [TestMethod]
    public void Select_FilesListedInAnotherOrderOrFolderOnAnotherMachine_SameSplit()
    {
        var suite = Suite();
        var reversed = new FlowLoadResult(suite.Flows.Reverse().ToList(), suite.Errors);
        var shuffled = new FlowLoadResult(suite.Flows.OrderBy(f => f.Name.GetHashCode(StringComparison.Ordinal)).ToList(), suite.Errors);
        var elsewhere = new FlowLoadResult(
            suite.Flows.Select(f => f with { SourcePath = f.SourcePath.Replace(WorkingDirectory, "/home/runner/checkout", StringComparison.Ordinal) }).ToList(),
            suite.Errors.Select(e => e with { Path = e.Path.Replace(WorkingDirectory, "/home/runner/checkout", StringComparison.Ordinal) }).ToList());

        for (var i = 1; i <= 3; i++)
        {
            var shard = new FlowShard(i, 3);
            var expected = Names(shard.Select(suite, [], WorkingDirectory)).Select(n => n.Replace(WorkingDirectory, "", StringComparison.Ordinal)).Order().ToList();
            CollectionAssert.AreEqual(expected, Names(shard.Select(reversed, [], WorkingDirectory)).Select(n => n.Replace(WorkingDirectory, "", StringComparison.Ordinal)).Order().ToList());
            CollectionAssert.AreEqual(expected, Names(shard.Select(shuffled, [], WorkingDirectory)).Select(n => n.Replace(WorkingDirectory, "", StringComparison.Ordinal)).Order().ToList());
            CollectionAssert.AreEqual(expected, Names(shard.Select(elsewhere, [], "/home/runner/checkout")).Select(n => n.Replace("/home/runner/checkout", "", StringComparison.Ordinal)).Order().ToList());
        }
    }

    [TestMethod]
    public void Select_SortsByRelativePath_RoundRobin()
    {
        // Sorted (ordinal): flows/Z-last, flows/a/login, flows/a/logout, flows/b/search, flows/broken (error), flows/orders, flows/refund, smoke/home.
        var first = Names(new FlowShard(1, 3).Select(Suite(), [], WorkingDirectory));

        CollectionAssert.AreEquivalent(new[] { "Last", "Search", "Refund" }, first);
    }

    [TestMethod]
    public void Select_TagFilter_SplitsOnlyTaggedFlowsAndLeavesTheOthersForTheRunnerToCount()
    {
        var suite = new FlowLoadResult([Flow("a.yaml", "A", "smoke"), Flow("b.yaml", "B"), Flow("c.yaml", "C", "smoke"), Flow("d.yaml", "D")], []);

        var one = new FlowShard(1, 2).Select(suite, ["smoke"], WorkingDirectory);
        var two = new FlowShard(2, 2).Select(suite, ["smoke"], WorkingDirectory);

        CollectionAssert.AreEquivalent(new[] { "A", "B", "D" }, Names(one));
        CollectionAssert.AreEquivalent(new[] { "C", "B", "D" }, Names(two));
        Assert.AreEqual(2, FlowShard.Splittable(suite, ["smoke"]));
    }

    [TestMethod]
    [DataRow("2/3", 2, 3)]
    [DataRow("1/1", 1, 1)]
    [DataRow("3/3", 3, 3)]
    public void Parse_ValidShard_ReadsIndexAndCount(string text, int index, int count)
    {
        var shard = FlowShard.Parse(text, out var error);

        Assert.IsNull(error);
        Assert.AreEqual(new FlowShard(index, count), shard);
    }

    [TestMethod]
    [DataRow("0/3", "from 1 to the shard count")]
    [DataRow("4/3", "from 1 to the shard count")]
    [DataRow("1/0", "count at least 1")]
    [DataRow("a/b", "whole numbers")]
    [DataRow("2", "whole numbers")]
    [DataRow("-1/3", "whole numbers")]
    [DataRow("1/2/3", "whole numbers")]
    public void Parse_BadShard_OneLineSayingWhatToGive(string text, string expected)
    {
        var shard = FlowShard.Parse(text, out var error);

        Assert.IsNull(shard);
        StringAssert.Contains(error, expected);
        StringAssert.Contains(error, "--shard");
        Assert.IsFalse(error!.Contains('\n', StringComparison.Ordinal));
    }
}
