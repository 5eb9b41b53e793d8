using System.CommandLine;
using ActionAgent.Approvals.Commands;
using ActionAgent.Cli.Hosting;

namespace ActionAgent.Cli.Commands;

/// <summary><c>actionagent audit verify [FILE]</c>: check the audit log's hash chain.</summary>
public static class AuditCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var file = new Argument<string?>("file") { Description = "The audit log (default: .actionagent/audit.jsonl in the repository)", Arity = ArgumentArity.ZeroOrOne };
        var verify = new Command("verify", "Verify the audit log's hash chain: exit 0 intact (prints the head hash), 1 broken (names the first bad line), 2 missing") { file };
        verify.SetAction(result => AuditCommands.Verify(
            result.GetValue(file) ?? Path.Combine(RepoPaths.Root, ".actionagent", "audit.jsonl"), Console.Out, Console.Error));
        return new Command("audit", "Work with the audit log") { verify };
    }
}
