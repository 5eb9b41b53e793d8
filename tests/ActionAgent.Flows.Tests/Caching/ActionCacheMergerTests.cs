using ActionAgent.Core.Decision;
using ActionAgent.Flows.Caching;

namespace ActionAgent.Flows.Tests.Caching;

[TestClass]
public sealed class ActionCacheMergerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static CachedAction Entry(string key, string target, int minutes, int hits = 0) => new()
    {
        Key = key,
        Instruction = key,
        Step = 1,
        UrlPath = "/login",
        PageSignature = "/login#abc",
        Proposal = new ProposedAction(new ClickAction(ActionTarget.Element(1, target)), "click " + target),
        CreatedAt = T0,
        UpdatedAt = T0.AddMinutes(minutes),
        Hits = hits,
    };

    private static ActionCache Cache(params CachedAction[] entries)
    {
        var cache = new ActionCache();
        foreach (var e in entries)
        {
            cache.Put(e);
        }

        return cache;
    }

    [TestMethod]
    public void Merge_ShardsWithDifferentKeys_KeepsEveryEntry()
    {
        var (merged, conflicts) = ActionCacheMerger.Merge([Cache(Entry("a", "A", 1)), Cache(Entry("b", "B", 1)), Cache(Entry("c", "C", 1), Entry("a", "A", 1))], "out.json");

        CollectionAssert.AreEqual(new[] { "a", "b", "c" }, merged.Entries().Select(e => e.Key).ToArray());
        Assert.AreEqual(0, conflicts, "the same entry in two shards is no conflict");
    }

    [TestMethod]
    public void Merge_ConflictingEntries_TheOneStoredLastWinsWhateverTheInputOrder()
    {
        var older = Cache(Entry("sign in", "Sign in", 1, hits: 9));
        var healed = Cache(Entry("sign in", "Log in", 5));

        var (one, conflicts) = ActionCacheMerger.Merge([older, healed], "out.json");
        var (two, _) = ActionCacheMerger.Merge([healed, older], "out.json");

        Assert.AreEqual(1, conflicts);
        Assert.AreEqual("Log in", ((ClickAction)one.Get("sign in")!.Proposal.Action).Target.Description);
        Assert.AreEqual("Log in", ((ClickAction)two.Get("sign in")!.Proposal.Action).Target.Description);
    }

    [TestMethod]
    public void Merge_SameTimeDifferentEntries_DeterministicWinnerWhateverTheInputOrder()
    {
        var a = Cache(Entry("k", "Alpha", 3));
        var b = Cache(Entry("k", "Beta", 3));
        var served = Cache(Entry("k", "Beta", 3, hits: 2));

        var first = ActionCacheMerger.Merge([a, b], "out.json").Cache.Get("k")!;
        var second = ActionCacheMerger.Merge([b, a], "out.json").Cache.Get("k")!;
        var moreHits = ActionCacheMerger.Merge([a, served], "out.json").Cache.Get("k")!;

        Assert.AreEqual(((ClickAction)first.Proposal.Action).Target.Description, ((ClickAction)second.Proposal.Action).Target.Description);
        Assert.AreEqual(2, moreHits.Hits, "on the same time, the entry served more often wins");
    }
}
