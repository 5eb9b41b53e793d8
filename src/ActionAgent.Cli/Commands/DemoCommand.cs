using System.CommandLine;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.SampleApp;

namespace ActionAgent.Cli.Commands;

/// <summary>
/// <c>actionagent demo</c>: starts the sample ops portal on 127.0.0.1 and has the offline step interpreter file a refund
/// on it from explicit steps, then a second one from a goal written as ops staff write it, through the refund skill;
/// each irreversible "Submit refund" waits for approval (<c>--yes</c> approves, as for any run).
/// </summary>
public static class DemoCommand
{
    /// <summary>The delegated task the demo carries out.</summary>
    public const string Task =
        "Sign in with username ops and password ops-pass. Open Order 1042. Click File a refund. " +
        "Enter 42.00 into Amount. Set the Refund date to 2026-11-20. Select Damaged item from the Reason list. " +
        "Choose Store credit. Check Notify customer. Type \"Box arrived crushed\" into Notes. Click Submit refund. " +
        "Wait for Refund filed.";

    /// <summary>The second, goal-style task (left out with <c>--no-goal</c>): picked and filled as the refund skill, then run governed.</summary>
    public const string GoalTask = "Refund order 1042 for 15 dollars because it arrived late";

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var common = new CommonOptions();
        var goal = new Option<bool>("--goal") { Description = "Run the goal task too (the default; kept for scripts written when it was opt-in)" };
        var noGoal = new Option<bool>("--no-goal") { Description = $"Only the explicit-step task: leave out the goal \"{GoalTask}\" run through the refund skill flows/skills/refund-order.yaml" };
        var command = new Command("demo", "Start the sample ops portal and let ActionAgent file two refunds on it, from explicit steps and from a goal (offline, with approval)") { goal, noGoal };
        common.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            Hosting.CliSettings settings;
            try
            {
                settings = common.Read(result);
            }
            catch (ArgumentException e)
            {
                return RunExecution.Error(new Hosting.CliSettings(), Output.ExitCodes.BadInput, e.Message);
            }

            if (settings.PolicyPath is null)
            {
                settings = settings with { Policy = Hosting.DemoPolicy.Load() };
            }

            await using var app = await SampleAppServer.StartAsync(cancellationToken: ct);
            if (settings.Output != Output.OutputMode.Json)
            {
                Console.Out.WriteLine($"sample ops portal running at {app.BaseUrl}");
            }

            var exit = await RunExecution.ExecuteAsync(settings, Task, app.BaseUrl + "/login", () => new StepInterpreter(new StepInterpreterOptions { RequireEveryStepConfirmed = true }), ct);
            if (exit == Output.ExitCodes.Success && !result.GetValue(noGoal))
            {
                // The skill types {{secret:OPS_PASSWORD}}; the demo's own password is public (the first task types it).
                if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ACTIONAGENT_SECRET_OPS_PASSWORD")))
                {
                    Environment.SetEnvironmentVariable("ACTIONAGENT_SECRET_OPS_PASSWORD", "ops-pass");
                }

                if (settings.Output != Output.OutputMode.Json)
                {
                    Console.Out.WriteLine($"goal: {GoalTask}");
                }

                using var demoSkills = Hosting.DemoSkills.Open();
                exit = await Skills.SkillRouting.TryRunAsync(
                    settings,
                    GoalTask,
                    app.BaseUrl + "/login",
                    demoSkills.Folder,
                    _ => (new StepInterpreter(new StepInterpreterOptions { RequireEveryStepConfirmed = true }), null),
                    ct) ?? RunExecution.Error(settings, Output.ExitCodes.RunFailed, "the goal matched no skill");
            }
            if (settings.Output != Output.OutputMode.Json)
            {
                var refunds = app.State.Refunds;
                Console.Out.WriteLine(refunds.Count == 0
                    ? "the sample app recorded no refund"
                    : $"the sample app recorded {refunds.Count} refund(s): " + string.Join("; ", refunds.Select(r => $"{r.Id} order {r.OrderNumber} {r.Amount} {r.Reason}")));
            }

            return exit;
        });
        return command;
    }
}
