using ActionAgent.Core.Execution;
using ActionAgent.Core.Recording;
using Spectre.Console;

namespace ActionAgent.Cli.Output;

/// <summary>
/// Shows each step as it is recorded: coloured lines on a terminal (Spectre.Console), plain lines otherwise,
/// nothing with --json. Wraps the real recorder so display and recording can never disagree.
/// </summary>
public sealed class StepDisplay(IRunRecorder inner, OutputMode mode) : IRunRecorder
{
    /// <inheritdoc />
    public Task BeginAsync(RunManifest manifest, CancellationToken cancellationToken = default)
    {
        Write($"[bold]Run[/] {Markup.Escape(manifest.RunId)}  [grey]decider[/] {Markup.Escape(manifest.Decider)}",
            $"run {manifest.RunId} (decider {manifest.Decider})");
        Write($"[grey]task[/] {Markup.Escape(manifest.Task)}", $"task: {manifest.Task}");
        return inner.BeginAsync(manifest, cancellationToken);
    }

    /// <inheritdoc />
    public Task AppendAsync(StepRecord step, StepImages images, CancellationToken cancellationToken = default)
    {
        var action = step.Proposal.Action.Describe();
        var target = step.Target is { } t ? $" [{t.Role} \"{t.Label}\"]" : "";
        var (colour, mark) = step.Outcome.Status switch
        {
            OutcomeStatus.Succeeded => ("green", "ok"),
            OutcomeStatus.Skipped => ("yellow", "skipped"),
            _ => ("red", "failed"),
        };
        var approval = step.Verdict is { NeedsApproval: true } && step.Decision is { } d
            ? $" approval: {(d.IsApproved ? "approved" : "refused")} by {d.Reviewer}"
            : "";
        var ms = step.Durations.WorkMs;
        Write(
            $"[grey]{step.Step,3}[/] {Markup.Escape(action)}[grey]{Markup.Escape(target)}[/] [{colour}]{mark}[/]{Markup.Escape(approval)} [grey]{ms:0} ms[/]" +
            (step.Outcome.Succeeded ? "" : $"\n    [{colour}]{Markup.Escape(step.Outcome.Message)}[/]"),
            $"step {step.Step}: {action}{target} -> {mark}{approval} ({ms:0} ms){(step.Outcome.Succeeded ? "" : $": {step.Outcome.Message}")}");
        return inner.AppendAsync(step, images, cancellationToken);
    }

    /// <inheritdoc />
    public Task CompleteAsync(RunManifest manifest, CancellationToken cancellationToken = default)
    {
        var colour = manifest.Status switch
        {
            Core.Runtime.RunStatus.Completed => "green",
            Core.Runtime.RunStatus.Cancelled => "yellow",
            _ => "red",
        };
        Write($"[bold {colour}]{manifest.Status}[/] after {manifest.Steps} steps: {Markup.Escape(manifest.Message)}",
            $"{manifest.Status} after {manifest.Steps} steps: {manifest.Message}");
        return inner.CompleteAsync(manifest, cancellationToken);
    }

    private void Write(string markup, string plain)
    {
        switch (mode)
        {
            case OutputMode.Terminal:
                AnsiConsole.MarkupLine(markup);
                break;
            case OutputMode.Plain:
                Console.Out.WriteLine(plain);
                Console.Out.Flush();
                break;
        }
    }
}
