using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ActionAgent.Approvals.Tests.Audit;

/// <summary>Writes audit lines by hand, following the documented format (docs/governance-audit.md), as an attacker or an older writer would.</summary>
internal static class AuditForge
{
    /// <summary>A self-consistent line: hash = SHA-256(prevHash + {"seq","at","kind","data"} with data keys sorted).</summary>
    public static string Line(long seq, string prevHash, JsonObject data, string kind = "decision", string at = "2026-11-23T09:00:00.000Z")
    {
        var canonical = new JsonObject { ["seq"] = seq, ["at"] = at, ["kind"] = kind, ["data"] = data.DeepClone() }.ToJsonString();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(prevHash + canonical)));
        return new JsonObject { ["seq"] = seq, ["at"] = at, ["kind"] = kind, ["data"] = data.DeepClone(), ["prevHash"] = prevHash, ["hash"] = hash }.ToJsonString();
    }

    /// <summary>The hash field of a line.</summary>
    public static string HashOf(string line) => JsonNode.Parse(line)!["hash"]!.GetValue<string>();

    /// <summary>Appends raw bytes to a file, as a crash, a full disk or an editor would.</summary>
    public static void AppendBytes(string path, byte[] bytes)
    {
        using var fs = new FileStream(path, FileMode.Append, FileAccess.Write);
        fs.Write(bytes);
    }

    /// <summary>Appends text without adding a newline.</summary>
    public static void AppendText(string path, string text) => AppendBytes(path, Encoding.UTF8.GetBytes(text));
}
