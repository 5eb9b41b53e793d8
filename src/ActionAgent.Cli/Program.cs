using System.CommandLine;
using ActionAgent.Cli.Commands;
using ActionAgent.Cli.Commands.Flows;

var root = new RootCommand("ActionAgent: a vision-grounded browser agent with policies, approvals and recordings")
{
    RunCommand.Create(),
    DemoCommand.Create(),
    GraphCommand.Create(),
    PolicyCommands.Create(),
    ApprovalsCommand.Create(),
    AuditCommand.Create(),
    TestCommand.Create(),
    ReplayCommand.Create(),
    ReportCommand.Create(),
    CacheCommand.Create(),
    ExportCommand.Create(),
    SampleAppCommand.Create(),
    InitCommand.Create(),
    TraceCommand.Create(),
    ServeCommand.Create(),
    WorkerCommand.Create(),
    ActionAgent.Cli.Commands.Skills.SkillsCommand.Create(),
};

var parsed = root.Parse(args);
var errors = UnknownTokens.Errors(parsed);
if (errors.Count > 0)
{
    foreach (var error in errors)
    {
        Console.Error.WriteLine($"error: {error}");
    }

    Console.Error.WriteLine("Run 'actionagent --help' (or 'actionagent <command> --help') to see the commands and options.");
    return 2;
}

// Ctrl+C / SIGTERM cancel the command's token; the run then ends as Cancelled and closes its recording and browser.
// Only if that takes longer than 20 s does the process give up waiting and exit with 130.
return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(20) });
