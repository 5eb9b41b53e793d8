using ActionAgent.Approvals.Audit;

namespace ActionAgent.Approvals.Commands;

/// <summary>Handler for <c>actionagent audit verify FILE</c>: 0 when the chain is intact, 1 when it is broken, 2 when the file is missing.</summary>
public static class AuditCommands
{
    /// <summary>Verifies the log and prints the result (intact → stdout, broken → stderr with the line).</summary>
    public static int Verify(string path, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (!File.Exists(path))
        {
            stderr.WriteLine($"{path}: no such audit log");
            return 2;
        }

        var result = AuditLog.Verify(path);
        (result.IsValid ? stdout : stderr).WriteLine(result.Message);
        return result.IsValid ? 0 : 1;
    }
}
