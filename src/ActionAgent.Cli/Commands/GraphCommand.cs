using System.CommandLine;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Cli.Commands;

/// <summary><c>actionagent graph</c>: print the run state machine as Mermaid.</summary>
public static class GraphCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("graph", "Print the run state machine as a Mermaid state diagram");
        command.SetAction(_ =>
        {
            Console.Out.WriteLine(RunMachine.ToMermaid());
            return 0;
        });
        return command;
    }
}
