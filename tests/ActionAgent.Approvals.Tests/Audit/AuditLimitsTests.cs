using ActionAgent.Approvals.Audit;
using ActionAgent.Approvals.Tests.Fakes;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;
using ActionAgent.TestKit.Fakes;

namespace ActionAgent.Approvals.Tests.Audit;

/// <summary>Oversized text: a reviewer's comment is refused with one clear line; a run's own entries are clipped, never refused.</summary>
[TestClass]
public sealed class AuditLimitsTests
{
    private TempDir _dir = null!;
    private string _path = null!;

    [TestInitialize]
    public void Init()
    {
        _dir = new TempDir();
        _path = _dir.File("audit.jsonl");
    }

    [TestCleanup]
    public void Cleanup() => _dir.Dispose();

    [TestMethod]
    public async Task AppendAsync_CommentOverFourThousandCharacters_IsRefusedAndNothingIsWritten()
    {
        var log = new AuditLog(_path);
        await log.AppendAsync("decision", new { comment = "first" });
        var before = await File.ReadAllTextAsync(_path);

        var e = await Assert.ThrowsExactlyAsync<AuditEntryTooLargeException>(() => log.AppendAsync("decision", new { reviewer = "alice", comment = new string('c', 4_001) }));

        Assert.IsInstanceOfType<ArgumentException>(e);
        StringAssert.Contains(e.Message, "comment");
        StringAssert.Contains(e.Message, "4,001");
        StringAssert.Contains(e.Message, "4,000");
        Assert.IsFalse(e.Message.Contains('\n', StringComparison.Ordinal), "one line");
        Assert.AreEqual(before, await File.ReadAllTextAsync(_path));
    }

    [TestMethod]
    public async Task AppendAsync_CommentOfExactlyFourThousandCharacters_IsKept()
    {
        var entry = await new AuditLog(_path).AppendAsync("decision", new { comment = new string('c', 4_000) });

        Assert.AreEqual(4_000, entry.Data["comment"]!.GetValue<string>().Length);
        Assert.IsTrue(AuditLog.Verify(_path).IsValid);
    }

    [TestMethod]
    public void CheckReviewerText_TooLong_SaysWhatToDo()
    {
        var e = Assert.ThrowsExactly<AuditEntryTooLargeException>(() => AuditLimits.CheckReviewerText("comment", new string('c', 5_000)));

        Assert.AreEqual("the comment is 5,000 characters; the audit log keeps at most 4,000: shorten it and decide again", e.Message);
        AuditLimits.CheckReviewerText("comment", new string('c', 4_000));
        AuditLimits.CheckReviewerText("comment", null);
        Assert.AreEqual(e.Message, AuditLimits.ReviewerTextProblem("comment", new string('c', 5_000)));
        Assert.IsNull(AuditLimits.ReviewerTextProblem("reason", "fine"));
    }

    [TestMethod]
    public async Task AuditingApprover_HugeReason_IsClippedAndTheRunGoesOn()
    {
        var log = new AuditLog(_path);
        var approver = new AuditingApprover(new FakeApprover(_ => ApprovalDecision.Reject("alice", new string('r', 10_000))), log);

        var decision = await approver.RequestAsync(Build.Request());

        Assert.IsFalse(decision.IsApproved);
        Assert.AreEqual(10_000, decision.Reason.Length, "the agent gets the whole reason");
        var written = File.ReadLines(_path).Last();
        Assert.IsTrue(written.Length < 6_000, $"line of {written.Length:N0} characters");
        StringAssert.Contains(written, "clipped 10,000 characters to 1,000");
        Assert.IsTrue(AuditLog.Verify(_path).IsValid);
    }

    [TestMethod]
    public void AuditingPolicy_HugeTypedText_IsClippedAndTheVerdictStands()
    {
        var log = new AuditLog(_path);
        var policy = new AuditingPolicy(new PolicyEngine(PolicyDocument.Default), log);

        var verdict = policy.Evaluate(Build.Type(1, new string('t', 50_000)), Build.Page(elements: Build.TextBox(1, "Notes")));

        Assert.IsNotNull(verdict);
        var written = File.ReadLines(_path).Last();
        Assert.IsTrue(written.Length < 6_000, $"line of {written.Length:N0} characters");
        Assert.IsTrue(AuditLog.Verify(_path).IsValid);
    }
}
