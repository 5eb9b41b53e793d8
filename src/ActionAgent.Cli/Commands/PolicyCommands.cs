using System.CommandLine;
using ActionAgent.Approvals.Policies;

namespace ActionAgent.Cli.Commands;

/// <summary><c>actionagent policy check FILE</c>: validate a policy file.</summary>
public static class PolicyCommands
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The policy file (YAML), e.g. policies/default.yaml" };
        var check = new Command("check", "Validate a policy file: print a summary with its hash (exit 0), or every problem as file:line:col (exit 1; 2 when the file is missing)") { file };
        check.SetAction(result => PolicyCheck.Run(result.GetValue(file)!, Console.Out, Console.Error));
        return new Command("policy", "Work with permission policies") { check };
    }
}
