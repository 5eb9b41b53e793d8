using System.Text.Json;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Recording;
using Spectre.Console;

namespace ActionAgent.Cli.Output;

/// <summary>
/// Shows each step as it is recorded: coloured lines on a terminal (Spectre.Console), plain lines otherwise,
/// one JSON line per step with --json. Page text is shown inert. Wraps the real recorder so display and recording can never disagree.
/// </summary>
public sealed class StepDisplay(IRunRecorder inner, OutputMode mode, TextWriter? plainOutput = null, IAnsiConsole? terminal = null) : IRunRecorder
{
    /// <inheritdoc />
    public Task BeginAsync(RunManifest manifest, CancellationToken cancellationToken = default)
    {
        var runId = Shown(manifest.RunId);
        var decider = Shown(manifest.Decider);
        var task = Shown(manifest.Task);
        Write($"[bold]Run[/] {Markup.Escape(runId)}  [grey]decider[/] {Markup.Escape(decider)}",
            $"run {runId} (decider {decider})");
        Write($"[grey]task[/] {Markup.Escape(task)}", $"task: {task}");
        return inner.BeginAsync(manifest, cancellationToken);
    }

    /// <inheritdoc />
    public Task BeginStepAsync(StepRecord step, StepImages images, CancellationToken cancellationToken = default) =>
        inner.BeginStepAsync(step, images, cancellationToken);

    /// <inheritdoc />
    public Task AppendAsync(StepRecord step, StepImages images, CancellationToken cancellationToken = default)
    {
        var action = Shown(step.Proposal.Action.Describe());
        var target = step.Target is { } t ? $" [{Shown(t.Role)} \"{Shown(t.Label)}\"]" : "";
        var (colour, mark) = step.Outcome.Status switch
        {
            OutcomeStatus.Succeeded => ("green", "ok"),
            OutcomeStatus.Skipped => ("yellow", "skipped"),
            _ => ("red", "failed"),
        };
        var approval = step.Verdict is { NeedsApproval: true } && step.Decision is { } d
            ? $" approval: {(d.IsApproved ? "approved" : "refused")} by {Shown(d.Reviewer)}"
            : "";
        var message = Shown(step.Outcome.Message);
        var ms = step.Durations.WorkMs;
        if (mode == OutputMode.Json)
        {
            // --json: one line per step as it is recorded; the command prints the result object last.
            WriteJson(JsonSerializer.Serialize(new
            {
                type = "step",
                step = step.Step,
                action,
                target = step.Target is { } tt ? new { role = Shown(tt.Role), label = Shown(tt.Label) } : null,
                status = step.Outcome.Status.ToString(),
                failure = step.Outcome.Failure == FailureKind.None ? null : step.Outcome.Failure.ToString(),
                approval = step.Verdict is { NeedsApproval: true } && step.Decision is { } dd ? new { approved = dd.IsApproved, reviewer = Shown(dd.Reviewer) } : null,
                message,
                ms = (long)ms,
            }));
            return inner.AppendAsync(step, images, cancellationToken);
        }

        Write(
            $"[grey]{step.Step,3}[/] {Markup.Escape(action)}[grey]{Markup.Escape(target)}[/] [{colour}]{mark}[/]{Markup.Escape(approval)} [grey]{ms:0} ms[/]" +
            (step.Outcome.Succeeded ? "" : $"\n    [{colour}]{Markup.Escape(message)}[/]"),
            $"step {step.Step}: {action}{target} -> {mark}{approval} ({ms:0} ms){(step.Outcome.Succeeded ? "" : $": {message}")}");
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
        var message = Shown(manifest.Message);
        Write($"[bold {colour}]{manifest.Status}[/] after {manifest.Steps} steps: {Markup.Escape(message)}",
            $"{manifest.Status} after {manifest.Steps} steps: {message}");
        return inner.CompleteAsync(manifest, cancellationToken);
    }

    // Labels, task text and messages echo the page: an ESC or CR in them must not move the cursor or rewrite the line.
    private static string Shown(string? text) => InertText.Line(text);

    private void WriteJson(string line)
    {
        var output = plainOutput ?? Console.Out;
        output.WriteLine(line);
        output.Flush();
    }

    private void Write(string markup, string plain)
    {
        switch (mode)
        {
            case OutputMode.Terminal:
                (terminal ?? AnsiConsole.Console).MarkupLine(markup);
                break;
            case OutputMode.Plain:
                var output = plainOutput ?? Console.Out;
                output.WriteLine(plain);
                output.Flush();
                break;
        }
    }
}
