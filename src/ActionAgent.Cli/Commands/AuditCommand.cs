using System.CommandLine;
using ActionAgent.Approvals.Commands;
using ActionAgent.Cli.Hosting;

namespace ActionAgent.Cli.Commands;

/// <summary><c>actionagent audit verify [FILE] [--expect-head SEQ:HASH]… [--recordings DIR]</c>: check the audit log's hash chain.</summary>
public static class AuditCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var file = new Argument<string?>("file") { Description = "The audit log (default: .actionagent/audit.jsonl in the repository)", Arity = ArgumentArity.ZeroOrOne };
        var expectHead = new Option<string[]>("--expect-head")
        {
            Description = "A head SEQ:HASH the log must still hold (a run's run.json, versions.auditHead); repeatable",
            AllowMultipleArgumentsPerToken = false,
        };
        var recordings = new Option<string?>("--recordings") { Description = "Also check the audit heads recorded by every run in this folder (their run.json)" };
        var verify = new Command("verify", "Verify the audit log: exit 0 intact (prints the head), 1 with one line per finding (file:line: what is wrong), 2 missing file or bad input")
        {
            file, expectHead, recordings,
        };
        verify.SetAction(result => AuditCommands.Verify(
            result.GetValue(file) ?? Path.Combine(RepoPaths.Root, ".actionagent", "audit.jsonl"),
            result.GetValue(expectHead) ?? [],
            result.GetValue(recordings),
            Console.Out,
            Console.Error));
        return new Command("audit", "Work with the audit log") { verify };
    }
}
