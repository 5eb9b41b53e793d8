using System.Text.Json.Nodes;
using ActionAgent.Approvals.Audit;
using ActionAgent.Approvals.Tests.Fakes;

namespace ActionAgent.Approvals.Tests.Audit;

/// <summary>Every field of a written entry is covered: any edit of line 3, however small, is found on line 3.</summary>
[TestClass]
public sealed class AuditHashCoverageTests
{
    private TempDir _dir = null!;
    private string _path = null!;

    [TestInitialize]
    public async Task Init()
    {
        _dir = new TempDir();
        _path = _dir.File("audit.jsonl");
        var log = new AuditLog(_path, new ManualTimeProvider());
        for (var i = 1; i <= 5; i++)
        {
            await log.AppendAsync("decision", new { approve = false, reviewer = "alice", step = i, comment = "too much", tags = new[] { "refund" } });
        }
    }

    [TestCleanup]
    public void Cleanup() => _dir.Dispose();

    [TestMethod]
    [DataRow("seq")]
    [DataRow("at")]
    [DataRow("kind")]
    [DataRow("prevHash")]
    [DataRow("hash")]
    [DataRow("data.approve")]
    [DataRow("data.reviewer")]
    [DataRow("data.step")]
    [DataRow("data.comment")]
    [DataRow("data.tags")]
    [DataRow("data.added")]
    [DataRow("data.removed")]
    [DataRow("added-top-level-field")]
    [DataRow("removed-top-level-field")]
    [DataRow("number-spelled-differently")]
    [DataRow("escaped-letter")]
    [DataRow("reordered-keys")]
    [DataRow("spaces")]
    public void Verify_EditedField_IsFoundOnItsLine(string edit)
    {
        var lines = File.ReadAllLines(_path);
        var before = lines[2];
        lines[2] = Edit(before, edit);
        Assert.AreNotEqual(before, lines[2], "the edit changed the line");
        File.WriteAllLines(_path, lines);

        var result = AuditLog.Verify(_path);

        Assert.IsFalse(result.IsValid, $"{edit}: {lines[2]}");
        Assert.AreEqual(3, result.BadLine, result.Message);
    }

    private static string Edit(string line, string edit)
    {
        var o = JsonNode.Parse(line)!.AsObject();
        var data = o["data"]!.AsObject();
        switch (edit)
        {
            case "seq": o["seq"] = 33; break;
            case "at": o["at"] = "2026-11-23T09:00:00.001Z"; break;
            case "kind": o["kind"] = "verdict"; break;
            case "prevHash": o["prevHash"] = Flip(o["prevHash"]!.GetValue<string>()); break;
            case "hash": o["hash"] = Flip(o["hash"]!.GetValue<string>()); break;
            case "data.approve": data["approve"] = true; break;
            case "data.reviewer": data["reviewer"] = "mallory"; break;
            case "data.step": data["step"] = 4; break;
            case "data.comment": data["comment"] = "fine"; break;
            case "data.tags": data["tags"] = new JsonArray("refund", "vip"); break;
            case "data.added": data["approvedBy"] = "ceo"; break;
            case "data.removed": data.Remove("comment"); break;
            case "added-top-level-field": o["approvedBy"] = "ceo"; break;
            case "removed-top-level-field": o.Remove("at"); break;
            case "number-spelled-differently": return line.Replace("\"step\":3", "\"step\":3.0", StringComparison.Ordinal);
            case "escaped-letter": return line.Replace("alice", "\\u0061lice", StringComparison.Ordinal);
            case "reordered-keys": return line.Replace("\"approve\":false,\"comment\":\"too much\"", "\"comment\":\"too much\",\"approve\":false", StringComparison.Ordinal);
            case "spaces": return line.Replace("\"kind\":", "\"kind\": ", StringComparison.Ordinal);
            default: throw new ArgumentOutOfRangeException(nameof(edit), edit, null);
        }

        return o.ToJsonString();
    }

    private static string Flip(string hex) => (hex[0] == 'a' ? "b" : "a") + hex[1..];
}
